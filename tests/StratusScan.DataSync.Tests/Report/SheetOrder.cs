using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>
    /// The order the data sheets promise, written out here independently of the writer: inventory by account, Region
    /// and ARN (ordinal); executions newest first (start time descending, no start time last), then execution ARN.
    /// </summary>
    internal static class SheetOrder
    {
        public static List<DataSyncTask> InSheetOrder(this IEnumerable<DataSyncTask> tasks) =>
            tasks.OrderBy(t => t.AccountId, StringComparer.Ordinal).ThenBy(t => t.Region, StringComparer.Ordinal).ThenBy(t => t.TaskArn, StringComparer.Ordinal).ToList();

        public static List<DataSyncLocation> InSheetOrder(this IEnumerable<DataSyncLocation> locations) =>
            locations.OrderBy(l => l.AccountId, StringComparer.Ordinal).ThenBy(l => l.Region, StringComparer.Ordinal).ThenBy(l => l.LocationArn, StringComparer.Ordinal).ToList();

        public static List<DataSyncAgent> InSheetOrder(this IEnumerable<DataSyncAgent> agents) =>
            agents.OrderBy(a => a.AccountId, StringComparer.Ordinal).ThenBy(a => a.Region, StringComparer.Ordinal).ThenBy(a => a.AgentArn, StringComparer.Ordinal).ToList();

        public static List<DataSyncTaskExecution> InSheetOrder(this IEnumerable<DataSyncTaskExecution> executions) =>
            executions.OrderBy(e => e.StartTime.HasValue ? 0 : 1).ThenByDescending(e => e.StartTime).ThenBy(e => e.TaskExecutionArn, StringComparer.Ordinal).ToList();
    }
}
