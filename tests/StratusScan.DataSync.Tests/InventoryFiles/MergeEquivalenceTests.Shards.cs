using System;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    public sealed partial class MergeEquivalenceTests
    {
        /// <summary>One account scanned through its role, as an inventory source: the header a shard's writer records and the scan's objects in order.</summary>
        private async Task<IInventorySource> ShardAsync(string account, ExecutionWindow window)
        {
            var start = DateTime.UtcNow;
            using var session = Session();
            var result = await new InventoryCollector(session).ScanAsync(PlanFor(account).ToRequest(ResourceKinds.All, null, executionsSince: window.SinceUtc));
            var header = new InventoryHeader
            {
                ScanStartUtc = start,
                ScanEndUtc = DateTime.UtcNow,
                Regions = Regions,
                Window = new InventoryWindow { Days = 30, SinceUtc = window.SinceUtc, Description = window.Description },
                CallerArn = Caller,
                Name = account,
                Accounts = new[] { new InventoryAccount { AccountId = account, AccountName = account, Status = InventoryAccountStatus.Complete } },
                Issues = result.Issues,
            };
            var objects = result.Tasks.Cast<object>().Concat(result.Locations).Concat(result.Agents).Concat(result.Executions);
            return new MemorySource("/shards/" + account + ".jsonl", header, objects);
        }
    }
}
