using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using Partitions = StratusScan.DataSync.Regions.Partitions;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// One account: its role assumed first (organisation-wide), then its Regions scanned in parallel. An account
    /// whose role cannot be assumed is one issue, and the other accounts go on.
    /// </summary>
    internal sealed class AccountScan
    {
        private readonly AccountScanContext _context;
        private readonly IScanClientFactory _clients;
        private readonly List<ScanIssue> _openIssues = new List<ScanIssue>();

        public AccountScan(AccountScanContext context, IScanClientFactory clients)
        {
            _context = context;
            _clients = clients;
        }

        /// <summary>The role assumed; null for the credentials' own account.</summary>
        public AccountRole? Role => _context.Role;

        /// <summary>The account id (empty for the credentials' own account, which a scan does not look up).</summary>
        public string AccountId => _context.AccountId;

        public IReadOnlyList<RegionScan> Regions { get; private set; } = Array.Empty<RegionScan>();

        public IEnumerable<ScanIssue> Issues => _openIssues.Concat(Regions.SelectMany(r => r.Issues));

        /// <summary>The role could not be assumed, or no call of any Region succeeded.</summary>
        public bool Failed => _openIssues.Count > 0 || (Regions.Count > 0 && Regions.All(r => r.Failed));

        public async Task RunAsync()
        {
            if (Role is null)
            {
                await ScanRegionsAsync(_clients).ConfigureAwait(false);
                return;
            }

            var account = await OpenAsync(Role).ConfigureAwait(false);
            if (account is null) return;
            using (account)
            {
                await ScanRegionsAsync(account).ConfigureAwait(false);
            }
        }

        private Task ScanRegionsAsync(IScanClientFactory clients)
        {
            Regions = _context.Regions.Select((region, i) => new RegionScan(new RegionScanContext(_context, clients.DataSyncClient(region), i))).ToArray();
            return Task.WhenAll(Regions.Select(r => r.RunAsync()));
        }

        /// <summary>STS AssumeRole in a scanned Region of the role's partition (else the partition's first Region).</summary>
        private async Task<IAccountClientFactory?> OpenAsync(AccountRole role)
        {
            var stsRegion = _context.Regions.FirstOrDefault(r => Partitions.OfRegion(r) == role.Partition) ?? Partitions.DefaultRegion(role.Partition);
            var missing = "everything in account " + role.AccountId;
            try
            {
                return await _clients.AssumeRoleAsync(role, stsRegion, _context.Request.AssumeRole, _context.UserToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_context.UserToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (CallPolicy.TryClassify(e, out var kind, out var errorCode))
            {
                var message = e.Message;
                if (e is DataSyncServiceException)
                {
                    var why = IsDurationTooLong(e)
                        ? "The role " + role.RoleArn + " could not be assumed for " + (_context.Request.AssumeRole.Duration?.TotalSeconds ?? 3600) + " seconds: that is longer than the role's maximum session duration (its MaxSessionDuration; one hour when the caller is itself an assumed role), so give a -DurationSeconds within it or raise the role's maximum. "
                        : kind == ScanIssueKind.AccessDenied
                        ? "The role " + role.RoleArn + " could not be assumed: the caller may lack sts:AssumeRole on it, the role may not exist or may not trust the caller, or the ExternalId is missing or wrong. "
                        : "The role " + role.RoleArn + " could not be assumed. ";
                    message = why + "AWS said: " + e.Message;
                }

                Report(new ScanIssue(kind, stsRegion, "AssumeRole", role.RoleArn, errorCode, message, missing, role.AccountId, "sts"));
            }

            return null;
        }

        /// <summary>STS's ValidationError for a DurationSeconds above the role's MaxSessionDuration (or role chaining's hour).</summary>
        internal static bool IsDurationTooLong(Exception e) =>
            e is DataSyncServiceException s && s.ErrorCode == "ValidationError" && s.Message.IndexOf("DurationSeconds", StringComparison.Ordinal) >= 0;

        private void Report(ScanIssue issue)
        {
            _openIssues.Add(issue);
            _context.Request.OnIssue?.Invoke(issue);
        }
    }
}
