using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.InventoryFiles
{
    /// <summary>Builds the parts of an <see cref="InventoryHeader"/> from what a scan or a set of objects knows.</summary>
    public static class InventoryHeaders
    {
        /// <summary>The window as a header records it: <paramref name="days"/> for -Days, null for -Since.</summary>
        public static InventoryWindow Window(ExecutionWindow window, int? days) =>
            new InventoryWindow { Days = days, SinceUtc = window.SinceUtc, Description = window.Description };

        /// <summary>
        /// Each account in order with its status: NotScanned when in <paramref name="failed"/>, Incomplete when an
        /// issue concerns it (in a scan of the caller's own account, <paramref name="ownAccount"/>, every issue
        /// does), else Complete.
        /// </summary>
        public static IReadOnlyList<InventoryAccount> Accounts(IEnumerable<string> accountIds, Func<string, string> nameOf, IEnumerable<string> failed,
            IEnumerable<ScanIssue> issues, bool ownAccount)
        {
            var failedSet = new HashSet<string>(failed, StringComparer.Ordinal);
            var issueList = issues.ToList();
            return accountIds.Select(id => new InventoryAccount
            {
                AccountId = id,
                AccountName = nameOf(id),
                Status = failedSet.Contains(id) ? InventoryAccountStatus.NotScanned
                    : issueList.Any(i => ownAccount || string.Equals(i.AccountId, id, StringComparison.Ordinal)) ? InventoryAccountStatus.Incomplete
                    : InventoryAccountStatus.Complete,
            }).ToList();
        }

        /// <summary>
        /// The header of a scan (<paramref name="outcome"/>), or of a scan that could scan no Region or account
        /// (<paramref name="failure"/>: every account NotScanned). The accounts are the caller's own
        /// (<paramref name="callerAccountId"/>) or the plan's, in order; Counts are set by the writer.
        /// </summary>
        public static InventoryHeader ForScan(ScanPlan plan, ReportScope scope, string callerAccountId, AccountNames names, ScanOutcome? outcome, ScanFailedException? failure,
            InventoryWindow window, string callerArn, DateTime scanStartUtc, DateTime scanEndUtc, ResourceKinds kinds, ResourceKinds taggedKinds)
        {
            var ownAccount = plan.Accounts is null;
            var accountIds = ownAccount ? new[] { callerAccountId } : plan.Accounts!.Select(a => a.AccountId).ToArray();
            var issues = failure?.Issues ?? outcome?.Issues ?? Array.Empty<ScanIssue>();
            var failed = failure != null ? accountIds : (IEnumerable<string>?)outcome?.FailedAccounts ?? Array.Empty<string>();
            return new InventoryHeader
            {
                ScanStartUtc = scanStartUtc,
                ScanEndUtc = scanEndUtc,
                Partition = plan.Partition,
                Regions = plan.Regions.ToArray(),
                Window = window,
                CallerArn = callerArn,
                Name = scope.AccountName,
                Kinds = kinds,
                TaggedKinds = taggedKinds,
                Accounts = Accounts(accountIds, id => accountIds.Length == 1 ? scope.AccountName : names.NameOf(id), failed, issues, ownAccount),
                Issues = issues.ToArray(),
                Counts = new InventoryCounts { ExecutionsOutsideWindow = outcome?.ExecutionsOutsideWindow ?? 0 },
            };
        }

        /// <summary>
        /// The header of objects piped in (<paramref name="objects"/>): their accounts (Complete), Regions, partition and
        /// kinds; no caller. <paramref name="executionsOutsideWindow"/> were piped in and left out by the window.
        /// </summary>
        public static InventoryHeader ForObjects(ReportScope scope, ReportObjects objects, AccountNames names, InventoryWindow window, DateTime startUtc, DateTime endUtc,
            ResourceKinds taggedKinds, long executionsOutsideWindow)
        {
            var accountIds = objects.AccountIds();
            return new InventoryHeader
            {
                ScanStartUtc = startUtc,
                ScanEndUtc = endUtc,
                Partition = scope.Partition,
                Regions = scope.Regions.ToArray(),
                Window = window,
                CallerArn = string.Empty,
                Name = scope.AccountName,
                Kinds = objects.Supplied,
                TaggedKinds = taggedKinds,
                Accounts = Accounts(accountIds, id => accountIds.Count == 1 ? scope.AccountName : names.MappedNameOf(id) ?? objects.NameCarriedBy(id) ?? id,
                    Array.Empty<string>(), Array.Empty<ScanIssue>(), ownAccount: false),
                Issues = Array.Empty<ScanIssue>(),
                Counts = new InventoryCounts { ExecutionsOutsideWindow = executionsOutsideWindow },
            };
        }

        /// <summary>The kinds of which the objects written carry collected tags.</summary>
        public static ResourceKinds TaggedKindsOf(object item) => item switch
        {
            DataSyncTask t when TagSet.WereCollected(t.Tags) => ResourceKinds.Tasks,
            DataSyncLocation l when TagSet.WereCollected(l.Tags) => ResourceKinds.Locations,
            DataSyncAgent a when TagSet.WereCollected(a.Tags) => ResourceKinds.Agents,
            DataSyncTaskExecution e when TagSet.WereCollected(e.Tags) => ResourceKinds.Executions,
            _ => ResourceKinds.None,
        };
    }
}
