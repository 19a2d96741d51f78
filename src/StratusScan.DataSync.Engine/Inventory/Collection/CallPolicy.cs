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
                        : e is DataSyncAuthenticationException ? ScanIssueKind.Authentication
                        : IsNotFound(e) ? ScanIssueKind.NotFound
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

        /// <summary>DataSync's answer for an ARN that names nothing: InvalidRequestException "… resource which does not exist".</summary>
        internal static bool IsNotFound(DataSyncServiceException e) =>
            e is DataSyncInvalidRequestException invalid
            && (string.Equals(invalid.DataSyncErrorCode, "NotFound", StringComparison.Ordinal)
                || e.Message.IndexOf("does not exist", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>
        /// UnrecognizedClientException means "the Region is not enabled" only in an opt-in Region; anywhere else
        /// AWS does not know the access key (or its session token).
        /// </summary>
        internal static bool MeansRegionNotEnabled(string region) => Regions.DataSyncRegions.Find(region)?.OptIn == true;

        /// <summary>"task arn:… not found in account 1234… Region us-east-1." for an ARN given that names nothing.</summary>
        internal static string NotFoundMessage(string arn, string region)
        {
            var parsed = AwsArn.TryParse(arn);
            var what = parsed is null ? "resource" : ResourceWord(parsed.ResourceType);
            var account = parsed is null || parsed.AccountId.Length == 0 ? string.Empty : " in account " + parsed.AccountId;
            return "The " + what + " " + arn + " was not found" + account + (account.Length == 0 ? " in" : ",") + " Region " + region + ".";
        }

        private static string ResourceWord(string resourceType) =>
            resourceType == "task" ? "task" : resourceType == "location" ? "location" : resourceType == "agent" ? "agent"
            : resourceType == "execution" ? "task execution" : resourceType;

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
            catch (DataSyncUnrecognizedClientException e) when (MeansRegionNotEnabled(_context.Region))
            {
                // An opt-in Region the account has not enabled answers every call this way: stop the Region once.
                if (Interlocked.Exchange(ref _regionDisabled, 1) == 0)
                {
                    var region = _context.Region;
                    var accountId = _context.AccountId;
                    var account = accountId.Length == 0 ? "this account" : "account " + accountId;
                    Report(new ScanIssue(ScanIssueKind.RegionNotEnabled, region, operation, target, e.ErrorCode,
                        "The opt-in Region " + region + " did not accept the credentials (" + e.ErrorCode + "), so it is probably not enabled for " + account + ".",
                        "everything in " + region + (accountId.Length == 0 ? string.Empty : " of account " + accountId), accountId));
                    _context.Abandon();
                }

                return null;
            }
            catch (DataSyncAuthenticationException e)
            {
                // The credentials themselves were rejected: every call would fail the same way, so the Region stops
                // once and the collector ends the scan with an authentication error.
                if (Interlocked.Exchange(ref _regionDisabled, 1) == 0)
                {
                    Report(new ScanIssue(ScanIssueKind.Authentication, _context.Region, operation, target, e.ErrorCode, e.Message,
                        "everything in " + _context.Region, _context.AccountId));
                    _context.Abandon();
                }

                return null;
            }
            catch (DataSyncServiceException e) when (target != null && IsNotFound(e))
            {
                Interlocked.Increment(ref _succeededCalls); // the service answered: the Region works
                Report(new ScanIssue(ScanIssueKind.NotFound, _context.Region, operation, target, e.ErrorCode,
                    NotFoundMessage(target, _context.Region), target, _context.AccountId));
                return null;
            }
            catch (Exception e) when (TryClassify(e, out var kind, out var errorCode))
            {
                Report(new ScanIssue(kind, _context.Region, operation, target, errorCode, e.Message, missing, _context.AccountId));
                return null;
            }
        }

        /// <summary>An ARN given for a kind that is only listed (locations) was not in the Region's listing.</summary>
        public void ReportNotFound(string operation, string arn) =>
            Report(new ScanIssue(ScanIssueKind.NotFound, _context.Region, operation, arn, "NotFound", NotFoundMessage(arn, _context.Region), arn, _context.AccountId));

        private void Report(ScanIssue issue)
        {
            _issues.Enqueue(issue);
            _context.Request.OnIssue?.Invoke(issue);
        }
    }
}
