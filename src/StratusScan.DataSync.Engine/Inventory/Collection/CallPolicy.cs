using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// How one Region's calls are made: a call that still fails transiently after the SDK's retries gets more rounds,
    /// every failure is classified once (<see cref="TryClassify"/>) into a <see cref="ScanIssue"/>, and a Region that
    /// rejects the credentials is abandoned once. A failed call returns null; the scan goes on.
    /// </summary>
    internal sealed class CallPolicy
    {
        /// <summary>
        /// Rounds of the SDK's retries a call gets when it still ends throttled, with a 5xx or with an unreadable body: the SDK retries a
        /// few times within one round; under heavy throttling a round can run out, and a row must never be lost
        /// to throttling, so the scan waits and tries again.
        /// </summary>
        internal const int TransientRounds = 4;

        private static readonly Random Jitter = new Random();

        private readonly RegionScanContext _context;
        private readonly ConcurrentQueue<ScanIssue> _issues = new ConcurrentQueue<ScanIssue>();
        private int _succeededCalls;
        private int _regionDisabled;

        public CallPolicy(RegionScanContext context) => _context = context;

        public IEnumerable<ScanIssue> Issues => _issues;

        /// <summary>No call of this Region succeeded, and one failed.</summary>
        public bool Failed => Volatile.Read(ref _succeededCalls) == 0 && !_issues.IsEmpty;

        /// <summary>
        /// The one classification of a failed call: its issue kind and error code. False for what is not a call's
        /// failure (cancellation, a defect), which the caller lets through.
        /// </summary>
        internal static bool TryClassify(Exception exception, out ScanIssueKind kind, out string? errorCode)
        {
            switch (exception)
            {
                case DataSyncServiceException e:
                    kind = e is DataSyncAccessDeniedException ? ScanIssueKind.AccessDenied
                        : e is DataSyncThrottlingException ? ScanIssueKind.Throttled
                        : ScanIssueKind.ServiceError;
                    errorCode = e.ErrorCode;
                    return true;
                case AwsNetworkException _:
                    kind = ScanIssueKind.Network;
                    errorCode = null;
                    return true;
                case DataSyncPaginationException _:
                    kind = ScanIssueKind.ServiceError;
                    errorCode = "PaginationError";
                    return true;
                case AwsClientException _:
                    kind = ScanIssueKind.ServiceError;
                    errorCode = "ClientError";
                    return true;
                default:
                    kind = ScanIssueKind.ServiceError;
                    errorCode = null;
                    return false;
            }
        }

        /// <summary>Throttling, a 5xx, or a 2xx whose body could not be read (malformed or cut short): worth another round.</summary>
        internal static bool IsTransient(DataSyncServiceException e) =>
            e is DataSyncThrottlingException || e.StatusCode >= 500 || (e.StatusCode >= 200 && e.StatusCode < 300);

        private static TimeSpan RoundDelay(int round)
        {
            int jitter;
            lock (Jitter) jitter = Jitter.Next(250);
            return TimeSpan.FromMilliseconds((250 << Math.Min(round, 4)) + jitter);
        }

        /// <summary>One API call (or a whole list): success counted, failure turned into an issue (null).</summary>
        public async Task<T?> CallAsync<T>(string operation, string? target, string missing, Func<CancellationToken, Task<T>> call)
            where T : class
        {
            for (var round = 1; ; round++)
            {
                try
                {
                    return await CallOnceAsync(operation, target, missing, call, lastRound: round >= TransientRounds).ConfigureAwait(false);
                }
                catch (DataSyncServiceException e) when (round < TransientRounds && IsTransient(e))
                {
                    try
                    {
                        await Task.Delay(RoundDelay(round), _context.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!_context.UserToken.IsCancellationRequested)
                    {
                        return null; // the Region was abandoned
                    }
                }
            }
        }

        private async Task<T?> CallOnceAsync<T>(string operation, string? target, string missing, Func<CancellationToken, Task<T>> call, bool lastRound)
            where T : class
        {
            try
            {
                var result = await call(_context.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _succeededCalls);
                return result;
            }
            catch (DataSyncServiceException e) when (!lastRound && IsTransient(e))
            {
                throw; // another round (CallAsync)
            }
            catch (OperationCanceledException) when (_context.UserToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException) when (_context.Token.IsCancellationRequested)
            {
                return null; // the Region was abandoned
            }
            catch (DataSyncUnrecognizedClientException e)
            {
                // An opt-in Region the account has not enabled answers every call this way: stop the Region once.
                if (Interlocked.Exchange(ref _regionDisabled, 1) == 0)
                {
                    var region = _context.Region;
                    var accountId = _context.AccountId;
                    var account = accountId.Length == 0 ? "this account" : "account " + accountId;
                    Report(new ScanIssue(ScanIssueKind.RegionNotEnabled, region, operation, target, e.ErrorCode,
                        "The Region " + region + " did not accept the credentials (" + e.ErrorCode + "): it is probably not enabled for " + account + ". " + e.Message,
                        "everything in " + region + (accountId.Length == 0 ? string.Empty : " of account " + accountId), accountId));
                    _context.Abandon();
                }

                return null;
            }
            catch (Exception e) when (TryClassify(e, out var kind, out var errorCode))
            {
                Report(new ScanIssue(kind, _context.Region, operation, target, errorCode, e.Message, missing, _context.AccountId));
                return null;
            }
        }

        private void Report(ScanIssue issue)
        {
            _issues.Enqueue(issue);
            _context.Request.OnIssue?.Invoke(issue);
        }
    }
}
