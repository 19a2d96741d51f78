using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;

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
