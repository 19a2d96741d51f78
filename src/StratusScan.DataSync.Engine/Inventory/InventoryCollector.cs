using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// Collects DataSync resources across accounts and Regions: every account and Region at once, and within a
    /// Region the four kinds at once, each Describe call started as soon as its list page arrives. The number of
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
        /// Scans and hands each object to <paramref name="sink"/>. Returns how the scan ended; the objects are not kept.
        /// </summary>
        public async Task<ScanOutcome> ScanAsync(ScanRequest request, IScanSink sink, CancellationToken cancellationToken = default)
        {
            if (sink is null) throw new ArgumentNullException(nameof(sink));
            // TODO(streaming): hand each object on as it is described instead of after the scan.
            var result = await ScanAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Tasks.Cast<object>().Concat(result.Locations).Concat(result.Agents).Concat(result.Executions))
            {
                await sink.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            }

            return new ScanOutcome
            {
                Regions = result.Regions,
                Accounts = result.Accounts,
                FailedAccounts = result.FailedAccounts,
                Issues = result.Issues,
                FailedRegions = result.FailedRegions,
                ExecutionsOutsideWindow = result.ExecutionsOutsideWindow,
                TaskCount = result.Tasks.Count,
                LocationCount = result.Locations.Count,
                AgentCount = result.Agents.Count,
                ExecutionCount = result.Executions.Count,
            };
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
            var regions = request.Regions.Distinct(StringComparer.Ordinal).ToArray();
            AccountScan[] accounts;
            if (request.Accounts is null)
            {
                accounts = new[] { new AccountScan(new AccountScanContext(request, null, 0, 1, regions, cancellationToken), _clients) };
            }
            else
            {
                if (!_clients.CanAssumeRoles) throw new InvalidOperationException("An organisation-wide scan assumes a role in each account: create the collector with an AwsSession, or a client factory that can assume roles.");
                var roles = request.Accounts.GroupBy(a => a.RoleArn, StringComparer.Ordinal).Select(g => g.First()).ToArray();
                accounts = roles.Select((role, index) => new AccountScan(new AccountScanContext(request, role, index, roles.Length, regions, cancellationToken), _clients)).ToArray();
            }

            using (var inFlight = new SemaphoreSlim(request.AccountsInFlight > 0 ? request.AccountsInFlight : ScanRequest.DefaultAccountsInFlight))
            {
                await Task.WhenAll(accounts.Select(a => RunAccountAsync(a, inFlight, request, cancellationToken))).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();

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

            var result = new ScanResult
            {
                Regions = regions,
                Accounts = request.Accounts is null ? Array.Empty<string>() : accounts.Select(a => a.AccountId).ToList(),
                FailedAccounts = accounts.Where(a => a.Failed && a.Role != null).Select(a => a.AccountId).ToList(),
                Tasks = scans.SelectMany(s => s.Tasks.Items.OrderBy(t => t.TaskArn, StringComparer.Ordinal)).ToList(),
                Locations = scans.SelectMany(s => s.Locations.Items.OrderBy(l => l.LocationArn, StringComparer.Ordinal)).ToList(),
                Agents = scans.SelectMany(s => s.Agents.Items.OrderBy(a => a.AgentArn, StringComparer.Ordinal)).ToList(),
                Executions = scans.SelectMany(s => s.Executions.Items.OrderBy(e => e.TaskExecutionArn, StringComparer.Ordinal)).ToList(),
                Issues = issues,
                FailedRegions = regions.Where(r => scans.Any(s => s.Region == r) && scans.Where(s => s.Region == r).All(s => s.Failed)).ToList(),
                ExecutionsOutsideWindow = scans.Sum(s => s.Executions.OutsideWindow),
            };
            result.TaskCount = result.Tasks.Count;
            result.LocationCount = result.Locations.Count;
            result.AgentCount = result.Agents.Count;
            result.ExecutionCount = result.Executions.Count;
            new AccountNames(request.AccountNames).Name(result);
            return result;
        }
    }
}
