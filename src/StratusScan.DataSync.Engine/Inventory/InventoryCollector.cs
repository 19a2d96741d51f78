using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// Collects DataSync resources across accounts and Regions: every account and Region at once, and within a
    /// Region the four kinds at once, each Describe call started as soon as its list page arrives (a bounded number
    /// waiting per kind and Region) and each object handed to the caller's sink as soon as it is complete. The number of
    /// calls in flight is bounded by the session (<see cref="AwsConnectionOptions.MaxConcurrentCalls"/>), across
    /// the accounts too; the SDK retries throttling. A failed call, or an account whose role cannot be assumed,
    /// becomes a <see cref="ScanIssue"/> and the scan goes on; only missing credentials, cancellation, or every
    /// Region (organisation-wide: every account) failing end it.
    /// </summary>
    public sealed class InventoryCollector
    {
        private readonly IScanClientFactory _clients;

        /// <summary>A collector on a session's clients; organisation-wide it assumes each account's role with the session's credentials.</summary>
        public InventoryCollector(AwsSession session)
            : this(ScanClientFactory.From(session))
        {
        }

        /// <summary>A collector on a client per Region (it cannot scan other accounts).</summary>
        public InventoryCollector(Func<string, IDataSyncClient> clientForRegion)
            : this(ScanClientFactory.From(clientForRegion))
        {
        }

        /// <summary>A collector on any clients: the one seam between the collector and AWS.</summary>
        public InventoryCollector(IScanClientFactory clients)
        {
            _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        }

        /// <summary>
        /// Scans and hands each object to <paramref name="sink"/> as soon as it is complete (described, tags read
        /// when asked, account and task names set), in arrival order; the objects are not kept. The collector waits
        /// for the sink, and a bounded number of describes per kind and Region waits with it (the listing pauses),
        /// so a slow consumer slows the scan instead of filling memory. A sink that throws ends the scan: no new
        /// call starts and its exception is rethrown. Returns how the scan ended, with the count of each kind.
        /// </summary>
        public async Task<ScanOutcome> ScanAsync(ScanRequest request, IScanSink sink, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (sink is null) throw new ArgumentNullException(nameof(sink));
            using (var scanStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var guarded = new GuardedSink(sink, scanStop);
                var output = new ScanOutput(guarded, new AccountNames(request.AccountNames));
                var token = scanStop.Token;
                var regions = request.Regions.Distinct(StringComparer.Ordinal).ToArray();
                AccountScan[] accounts;
                if (request.Accounts is null)
                {
                    accounts = new[] { new AccountScan(new AccountScanContext(request, output, null, 0, 1, regions, token), _clients) };
                }
                else
                {
                    if (!_clients.CanAssumeRoles) throw new InvalidOperationException("An organisation-wide scan assumes a role in each account: create the collector with an AwsSession, or a client factory that can assume roles.");
                    var roles = request.Accounts.GroupBy(a => a.RoleArn, StringComparer.Ordinal).Select(g => g.First()).ToArray();
                    accounts = roles.Select((role, index) => new AccountScan(new AccountScanContext(request, output, role, index, roles.Length, regions, token), _clients)).ToArray();
                }

                try
                {
                    using (var inFlight = new SemaphoreSlim(request.AccountsInFlight > 0 ? request.AccountsInFlight : ScanRequest.DefaultAccountsInFlight))
                    {
                        await Task.WhenAll(accounts.Select(a => RunAccountAsync(a, inFlight, request, token))).ConfigureAwait(false);
                    }
                }
                catch (Exception) when (guarded.Fault != null)
                {
                    // The sink's own exception is the one that ends the scan (rethrown below).
                }

                guarded.Fault?.Throw();
                cancellationToken.ThrowIfCancellationRequested();
                return Conclude(request, regions, accounts);
            }
        }

        /// <summary>One account, once one of the accounts in flight has ended; then tells the request it is done.</summary>
        private static async Task RunAccountAsync(AccountScan account, SemaphoreSlim inFlight, ScanRequest request, CancellationToken cancellationToken)
        {
            if (account.Role is null)
            {
                await account.RunAsync().ConfigureAwait(false);
                return;
            }

            await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await account.RunAsync().ConfigureAwait(false);
            }
            finally
            {
                inFlight.Release();
            }

            request.OnAccountDone?.Invoke(account.AccountId, !account.Failed);
        }

        /// <summary>Scans and returns every object, ordered by account and Region (as requested), then ARN.</summary>
        public async Task<ScanResult> ScanAsync(ScanRequest request, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var collected = new CollectingSink();
            var outcome = await ScanAsync(request, collected, cancellationToken).ConfigureAwait(false);
            var regionIndex = outcome.Regions.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
            var accountIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var account in outcome.Accounts)
            {
                if (!accountIndex.ContainsKey(account)) accountIndex[account] = accountIndex.Count;
            }

            List<T> Ordered<T>(IEnumerable<T> items, Func<T, string> account, Func<T, string> region, Func<T, string> arn) => items
                .OrderBy(o => accountIndex.TryGetValue(account(o), out var i) ? i : 0)
                .ThenBy(o => regionIndex.TryGetValue(region(o), out var i) ? i : 0)
                .ThenBy(arn, StringComparer.Ordinal)
                .ToList();

            return new ScanResult
            {
                Regions = outcome.Regions,
                Accounts = outcome.Accounts,
                FailedAccounts = outcome.FailedAccounts,
                Issues = outcome.Issues,
                FailedRegions = outcome.FailedRegions,
                ExecutionsOutsideWindow = outcome.ExecutionsOutsideWindow,
                TaskCount = outcome.TaskCount,
                LocationCount = outcome.LocationCount,
                AgentCount = outcome.AgentCount,
                ExecutionCount = outcome.ExecutionCount,
                Tasks = Ordered(collected.Tasks, t => t.AccountId, t => t.Region, t => t.TaskArn),
                Locations = Ordered(collected.Locations, l => l.AccountId, l => l.Region, l => l.LocationArn),
                Agents = Ordered(collected.Agents, a => a.AccountId, a => a.Region, a => a.AgentArn),
                Executions = Ordered(collected.Executions, e => e.AccountId, e => e.Region, e => e.TaskExecutionArn),
            };
        }

        /// <summary>How the scan ended, or the exception that says no Region (no account) could be scanned.</summary>
        private static ScanOutcome Conclude(ScanRequest request, string[] regions, AccountScan[] accounts)
        {
            var issues = accounts.SelectMany(a => a.Issues).ToList();
            var scans = accounts.SelectMany(a => a.Regions).ToArray();

            // Credentials AWS rejects end the scan: one error that says so, not a failure per Region.
            var rejected = issues.FirstOrDefault(i => i.Kind == ScanIssueKind.Authentication && (request.Accounts is null || i.Service == "sts"));
            if (rejected != null && (request.Accounts is null || accounts.All(a => a.Failed)))
            {
                throw new ScanAuthenticationException(rejected.ErrorCode ?? "AuthenticationError", rejected.Region, rejected.Service);
            }

            if (request.Accounts is null)
            {
                if (scans.Length > 0 && scans.All(s => s.Failed))
                {
                    throw new ScanFailedException(
                        "No Region could be scanned: " + string.Join("; ", issues.GroupBy(i => i.Region).Select(g => g.First().ToString())),
                        issues);
                }
            }
            else if (accounts.Length > 0 && accounts.All(a => a.Failed))
            {
                throw new ScanFailedException(
                    "No account could be scanned: " + string.Join("; ", issues.GroupBy(i => i.AccountId).Select(g => g.First().ToString())),
                    issues, allAccounts: true);
            }

            return new ScanOutcome
            {
                Regions = regions,
                Accounts = request.Accounts is null ? Array.Empty<string>() : accounts.Select(a => a.AccountId).ToList(),
                FailedAccounts = accounts.Where(a => a.Failed && a.Role != null).Select(a => a.AccountId).ToList(),
                Issues = issues,
                FailedRegions = regions.Where(r => scans.Any(s => s.Region == r) && scans.Where(s => s.Region == r).All(s => s.Failed)).ToList(),
                ExecutionsOutsideWindow = scans.Sum(s => s.Executions.OutsideWindow),
                TaskCount = scans.Sum(s => s.Tasks.Count),
                LocationCount = scans.Sum(s => s.Locations.Count),
                AgentCount = scans.Sum(s => s.Agents.Count),
                ExecutionCount = scans.Sum(s => s.Executions.Count),
            };
        }

        /// <summary>The consumer's sink; its first exception is kept and stops the rest of the scan.</summary>
        private sealed class GuardedSink : IScanSink
        {
            private readonly IScanSink _inner;
            private readonly CancellationTokenSource _scanStop;
            private ExceptionDispatchInfo? _fault;

            public GuardedSink(IScanSink inner, CancellationTokenSource scanStop)
            {
                _inner = inner;
                _scanStop = scanStop;
            }

            public ExceptionDispatchInfo? Fault => Volatile.Read(ref _fault);

            public async Task WriteAsync(object item, CancellationToken cancellationToken)
            {
                try
                {
                    await _inner.WriteAsync(item, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    if (Interlocked.CompareExchange(ref _fault, ExceptionDispatchInfo.Capture(e), null) == null)
                    {
                        try { _scanStop.Cancel(); } catch (ObjectDisposedException) { }
                    }

                    throw;
                }
            }
        }

        /// <summary>Keeps every object, for the ordered <see cref="ScanResult"/>.</summary>
        private sealed class CollectingSink : IScanSink
        {
            public ConcurrentQueue<DataSyncTask> Tasks { get; } = new ConcurrentQueue<DataSyncTask>();
            public ConcurrentQueue<DataSyncLocation> Locations { get; } = new ConcurrentQueue<DataSyncLocation>();
            public ConcurrentQueue<DataSyncAgent> Agents { get; } = new ConcurrentQueue<DataSyncAgent>();
            public ConcurrentQueue<DataSyncTaskExecution> Executions { get; } = new ConcurrentQueue<DataSyncTaskExecution>();

            public Task WriteAsync(object item, CancellationToken cancellationToken)
            {
                switch (item)
                {
                    case DataSyncTask t: Tasks.Enqueue(t); break;
                    case DataSyncLocation l: Locations.Enqueue(l); break;
                    case DataSyncAgent a: Agents.Enqueue(a); break;
                    case DataSyncTaskExecution e: Executions.Enqueue(e); break;
                    default: throw new ArgumentException("Not an object of a scan: " + item?.GetType().FullName, nameof(item));
                }

                return Task.CompletedTask;
            }
        }
    }
}
