using System;
using System.IO;
using System.Threading.Tasks;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    public sealed partial class MergeEquivalenceTests
    {
        /// <summary>
        /// One account scanned through its role and streamed into an inventory file by the real writer (its header from
        /// InventoryHeaders.ForScan, as Export-SSDataSyncInventory records it), then opened as a merge opens it: header read, file closed, objects read later.
        /// </summary>
        private async Task<IInventorySource> ShardAsync(string account, ExecutionWindow window, string extension)
        {
            var start = DateTime.UtcNow;
            var path = Path.Combine(_folder, account + extension);
            using var session = Session();
            using (var writer = new InventoryFileWriter(path, overwrite: false))
            {
                var outcome = await new InventoryCollector(session).ScanAsync(PlanFor(account).ToRequest(ResourceKinds.All, null, executionsSince: window.SinceUtc), writer);
                var plan = PlanFor(account);
                writer.Complete(InventoryHeaders.ForScan(plan, ReportScope.ForScan(plan, Accounts[0], Naming), Accounts[0], AccountNames.None, outcome, null,
                    InventoryHeaders.Window(window, 30), Caller, start, DateTime.UtcNow, ResourceKinds.All, ResourceKinds.None));
            }

            return InventoryFileSource.Read(path, p => InventoryFileReader.Open(p));
        }
    }
}
