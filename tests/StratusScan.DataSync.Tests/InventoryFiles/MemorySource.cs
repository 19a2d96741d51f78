using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    /// <summary>An inventory "file" in memory: a header and its objects; counts how often its objects were read.</summary>
    internal sealed class MemorySource : IInventorySource
    {
        private readonly IReadOnlyList<object> _objects;

        public MemorySource(string path, InventoryHeader header, IEnumerable<object>? objects = null)
        {
            Path = path;
            Header = header;
            _objects = (objects ?? Array.Empty<object>()).ToList();
        }

        public string Path { get; }
        public InventoryHeader Header { get; }
        public int Reads { get; private set; }

        public IEnumerable<object> ReadObjects(CancellationToken cancellationToken)
        {
            Reads++;
            foreach (var item in _objects)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }

        public static readonly DateTime Monday = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

        /// <summary>A header of a scan started at <paramref name="start"/> of these accounts (all complete) in these Regions, executions of the last <paramref name="days"/> days.</summary>
        public static InventoryHeader HeaderOf(DateTime start, string[] accounts, string[] regions, int days = 30, string caller = "arn:aws:sts::111122223333:assumed-role/Audit/s") =>
            new InventoryHeader
            {
                ScanStartUtc = start,
                ScanEndUtc = start.AddMinutes(2),
                Regions = regions,
                Accounts = accounts.Select(a => new InventoryAccount { AccountId = a, AccountName = a, Status = InventoryAccountStatus.Complete }).ToList(),
                Window = new InventoryWindow { Days = days, SinceUtc = start.AddDays(-days), Description = days + " days" },
                CallerArn = caller,
            };

        public static DataSyncTask Task(string account, string region, string id) => new DataSyncTask
        {
            AccountId = account,
            AccountName = account,
            Region = region,
            TaskArn = "arn:aws:datasync:" + region + ":" + account + ":task/task-" + id,
            Name = "task " + id,
            Status = TaskStatuses.Available,
        };

        public static DataSyncTaskExecution Execution(string account, string region, string id, DateTime start) => new DataSyncTaskExecution
        {
            AccountId = account,
            AccountName = account,
            Region = region,
            TaskArn = "arn:aws:datasync:" + region + ":" + account + ":task/task-" + id,
            TaskExecutionArn = "arn:aws:datasync:" + region + ":" + account + ":task/task-" + id + "/execution/exec-" + id,
            StartTime = start,
            Status = ExecutionStatuses.Success,
        };
    }
}
