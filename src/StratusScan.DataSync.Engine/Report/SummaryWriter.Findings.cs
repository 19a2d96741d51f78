using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>The Summary's Findings: the tasks, agents and locations an auditor acts on.</summary>
    internal sealed partial class SummaryWriter
    {
        private void WriteFindings()
        {
            var f = Findings.From(_data);
            Section("Findings");
            Blank();

            if (!Has(ResourceKinds.Executions)) NotSupplied("Tasks Whose Latest Execution Failed", "executions");
            else Section("Tasks Whose Latest Execution Failed", f.LatestFailed.Count);
            if (Has(ResourceKinds.Executions)) Table(new[] { "Task Name", "Task ARN", "Region", "Start Time (UTC)", "Error Code", "Error Detail" }, f.LatestFailed, (row, e) =>
            {
                _sheet.Value(0, f.TaskName(e), CellKind.Text);
                _sheet.Text(1, e.TaskArn);
                _sheet.Text(2, e.Region);
                _sheet.Value(3, e.StartTime, CellKind.DateTime);
                _sheet.Value(4, e.ErrorCode, CellKind.Text);
                _sheet.Value(5, Shorten(e.ErrorDetail, 500), CellKind.Text);
            });
            Blank();

            var idleKnown = Has(ResourceKinds.Tasks) && Has(ResourceKinds.Executions);
            if (!idleKnown) NotSupplied("Tasks With No Execution in the Window", Has(ResourceKinds.Tasks) ? "executions" : "tasks");
            else Section("Tasks With No Execution in the Window", f.Idle.Count);
            if (idleKnown) Table(new[] { "Task Name", "Task ARN", "Status", "Region" }, f.Idle, (row, t) =>
            {
                _sheet.Value(0, t.Name, CellKind.Text);
                _sheet.Text(1, t.TaskArn);
                _sheet.Value(2, t.Status, CellKind.Text);
                _sheet.Text(3, t.Region);
            });
            Blank();

            if (!Has(ResourceKinds.Agents)) NotSupplied("Agents OFFLINE", "agents");
            else Section("Agents OFFLINE", f.Offline.Count);
            if (Has(ResourceKinds.Agents)) Table(new[] { "Agent Name", "Agent ARN", "Last Heartbeat (UTC)", "Region" }, f.Offline, (row, a) =>
            {
                _sheet.Value(0, a.Name, CellKind.Text);
                _sheet.Text(1, a.AgentArn);
                _sheet.Value(2, a.LastConnectionTime, CellKind.DateTime);
                _sheet.Text(3, a.Region);
            });
            Blank();

            var unusedKnown = Has(ResourceKinds.Locations) && Has(ResourceKinds.Tasks);
            if (!unusedKnown) NotSupplied("Locations No Task Uses", Has(ResourceKinds.Locations) ? "tasks" : "locations");
            else Section("Locations No Task Uses", f.Unused.Count);
            if (unusedKnown) Table(new[] { "Location ARN", "Location Type", "Location URI", "Region" }, f.Unused, (row, l) =>
            {
                _sheet.Text(0, l.LocationArn);
                _sheet.Value(1, l.LocationType, CellKind.Text);
                _sheet.Value(2, l.LocationUri, CellKind.Text);
                _sheet.Text(3, l.Region);
            });
        }

        private void Table<T>(string[] headers, IReadOnlyList<T> rows, Action<int, T> write)
        {
            if (rows.Count == 0)
            {
                Row(("None.", Styles.Default));
                return;
            }

            StartRow();
            for (int i = 0; i < headers.Length; i++) _sheet.Text(i, headers[i], Styles.Header);
            _sheet.EndRow();
            foreach (var item in rows)
            {
                StartRow();
                write(_row, item);
                _sheet.EndRow();
            }
        }

        internal static string? Shorten(string? text, int max)
        {
            if (text is null || text.Length <= max) return text;
            int keep = max - 1;
            if (char.IsHighSurrogate(text[keep - 1])) keep--;
            return text.Substring(0, keep) + "…";
        }

        /// <summary>What an auditor acts on.</summary>
        internal sealed class Findings
        {
            private Dictionary<string, string?> _taskNames = new Dictionary<string, string?>(StringComparer.Ordinal);

            public IReadOnlyList<DataSyncTaskExecution> LatestFailed { get; private set; } = Array.Empty<DataSyncTaskExecution>();
            public IReadOnlyList<DataSyncTask> Idle { get; private set; } = Array.Empty<DataSyncTask>();
            public IReadOnlyList<DataSyncAgent> Offline { get; private set; } = Array.Empty<DataSyncAgent>();
            public IReadOnlyList<DataSyncLocation> Unused { get; private set; } = Array.Empty<DataSyncLocation>();

            public string? TaskName(DataSyncTaskExecution execution) =>
                _taskNames.TryGetValue(execution.TaskArn, out var name) && name != null ? name : execution.TaskName;

            public static Findings From(ReportData d)
            {
                var findings = new Findings();
                foreach (var task in d.Tasks) findings._taskNames[task.TaskArn] = task.Name;

                var latest = new Dictionary<string, DataSyncTaskExecution>(StringComparer.Ordinal);
                foreach (var e in d.Executions)
                {
                    if (!latest.TryGetValue(e.TaskArn, out var current) || IsLater(e, current)) latest[e.TaskArn] = e;
                }

                findings.LatestFailed = latest.Values.Where(e => e.Status == ExecutionStatuses.Error)
                    .OrderBy(e => e.Region, StringComparer.Ordinal).ThenBy(e => e.TaskArn, StringComparer.Ordinal)
                    .ToList();

                findings.Idle = d.Tasks.Where(t => !latest.ContainsKey(t.TaskArn)).ToList();
                findings.Offline = d.Agents.Where(a => a.Status == AgentStatuses.Offline).ToList();

                var used = new HashSet<string>(StringComparer.Ordinal);
                foreach (var task in d.Tasks)
                {
                    if (task.SourceLocationArn != null) used.Add(task.SourceLocationArn);
                    if (task.DestinationLocationArn != null) used.Add(task.DestinationLocationArn);
                }

                findings.Unused = d.Locations.Where(l => !used.Contains(l.LocationArn)).ToList();
                return findings;
            }

            private static bool IsLater(DataSyncTaskExecution candidate, DataSyncTaskExecution current)
            {
                var a = candidate.StartTime ?? DateTime.MinValue;
                var b = current.StartTime ?? DateTime.MinValue;
                return a != b ? a > b : string.CompareOrdinal(candidate.TaskExecutionArn, current.TaskExecutionArn) > 0;
            }
        }
    }
}
