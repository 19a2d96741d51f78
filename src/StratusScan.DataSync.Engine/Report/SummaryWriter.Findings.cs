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
            var f = _totals;
            var latestFailed = f.LatestFailed();
            var idle = f.Idle();
            var offline = f.Offline();
            var unused = f.Unused();
            Section("Findings");
            Blank();

            if (!Has(ResourceKinds.Executions)) NotSupplied("Tasks Whose Latest Execution Failed", "executions");
            else Section("Tasks Whose Latest Execution Failed", latestFailed.Count);
            if (Has(ResourceKinds.Executions)) Table(new[] { "Task Name", "Task ARN", "Region", "Start Time (UTC)", "Error Code", "Error Detail" }, latestFailed, (row, e) =>
            {
                _sheet.Value(0, f.TaskName(e), CellKind.Text);
                _sheet.Text(1, e.TaskArn);
                _sheet.Text(2, e.Region);
                _sheet.Value(3, e.StartTime, CellKind.DateTime);
                _sheet.Value(4, e.ErrorCode, CellKind.Text);
                _sheet.Value(5, e.ErrorDetail, CellKind.Text);
            });
            Blank();

            var idleKnown = Has(ResourceKinds.Tasks) && Has(ResourceKinds.Executions);
            if (!idleKnown) NotSupplied("Tasks With No Execution in the Window", Has(ResourceKinds.Tasks) ? "executions" : "tasks");
            else Section("Tasks With No Execution in the Window", idle.Count);
            if (idleKnown) Table(new[] { "Task Name", "Task ARN", "Status", "Region" }, idle, (row, t) =>
            {
                _sheet.Value(0, t.Name, CellKind.Text);
                _sheet.Text(1, t.Arn);
                _sheet.Value(2, t.Status, CellKind.Text);
                _sheet.Text(3, t.Region);
            });
            Blank();

            if (!Has(ResourceKinds.Agents)) NotSupplied("Agents OFFLINE", "agents");
            else Section("Agents OFFLINE", offline.Count);
            if (Has(ResourceKinds.Agents)) Table(new[] { "Agent Name", "Agent ARN", "Last Heartbeat (UTC)", "Region" }, offline, (row, a) =>
            {
                _sheet.Value(0, a.Name, CellKind.Text);
                _sheet.Text(1, a.Arn);
                _sheet.Value(2, a.LastConnectionTime, CellKind.DateTime);
                _sheet.Text(3, a.Region);
            });
            Blank();

            var unusedKnown = Has(ResourceKinds.Locations) && Has(ResourceKinds.Tasks);
            if (!unusedKnown) NotSupplied("Locations No Task Uses", Has(ResourceKinds.Locations) ? "tasks" : "locations");
            else Section("Locations No Task Uses", unused.Count);
            if (unusedKnown) Table(new[] { "Location ARN", "Location Type", "Location URI", "Region" }, unused, (row, l) =>
            {
                _sheet.Text(0, l.Arn);
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

        /// <summary>Characters of an error detail a finding shows.</summary>
        internal const int FindingDetailLength = 500;

        internal static string? Shorten(string? text, int max)
        {
            if (text is null || text.Length <= max) return text;
            int keep = max - 1;
            if (char.IsHighSurrogate(text[keep - 1])) keep--;
            return text.Substring(0, keep) + "…";
        }
    }
}
