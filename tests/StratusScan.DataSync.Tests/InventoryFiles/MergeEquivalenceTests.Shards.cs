using System;
using System.IO;
using System.Threading.Tasks;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    public sealed partial class MergeEquivalenceTests
    {
        /// <summary>
        /// One account scanned through its role and streamed into an inventory file by the real writer (its header as
        /// Export-SSDataSyncInventory records it), then opened as a merge opens it: header read, file closed, objects read later.
        /// </summary>
        private async Task<IInventorySource> ShardAsync(string account, ExecutionWindow window, string extension)
        {
            var start = DateTime.UtcNow;
            var path = Path.Combine(_folder, account + extension);
            using var session = Session();
            using (var writer = new InventoryFileWriter(path, overwrite: false))
            {
                var outcome = await new InventoryCollector(session).ScanAsync(PlanFor(account).ToRequest(ResourceKinds.All, null, executionsSince: window.SinceUtc), writer);
                writer.Complete(new InventoryHeader
                {
                    ScanStartUtc = start,
                    ScanEndUtc = DateTime.UtcNow,
                    Regions = Regions,
                    Window = InventoryHeaders.Window(window, 30),
                    CallerArn = Caller,
                    Name = account,
                    Accounts = InventoryHeaders.Accounts(outcome.Accounts, id => id, outcome.FailedAccounts, outcome.Issues, ownAccount: false),
                    Issues = outcome.Issues,
                    Counts = new InventoryCounts { ExecutionsOutsideWindow = outcome.ExecutionsOutsideWindow },
                });
            }

            return InventoryFileSource.Read(path, p => InventoryFileReader.Open(p));
        }
    }
}
