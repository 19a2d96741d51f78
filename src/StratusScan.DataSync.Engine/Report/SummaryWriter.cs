using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DocumentFormat.OpenXml.Spreadsheet;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>
    /// The Summary sheet: header block, counts, per-Region and per-day tables, scan issues and findings, laid out
    /// as label/value rows and plain tables in columns A–G (no merged cells), with the chart data ranges on it.
    /// </summary>
    internal sealed class SummaryWriter
    {
        public const string SheetName = "Summary";

        public const string InProgress = "In Progress";
        public const string Other = "Other";
        public const string NoStatus = "(none)";
        public const string NoIssuesText = "The scan had no issues: the data is complete.";

        /// <summary>The per-day table holds at most this many days (the newest).</summary>
        public const int MaxDays = 400;

        private static readonly double[] Widths = { 40, 50, 22, 22, 22, 32, 22, 18, 18, 20, 14 };

        private readonly ReportData _data;
        private readonly int _dataSheetTruncated;
        private readonly IReadOnlyList<KeyValuePair<string, long>> _rowsNotWritten;
        private SheetStream _sheet = null!;
        private int _row;

        public SummaryWriter(ReportData data, int dataSheetTruncated, IReadOnlyList<KeyValuePair<string, long>> rowsNotWritten)
        {
            _data = data;
            _dataSheetTruncated = dataSheetTruncated;
            _rowsNotWritten = rowsNotWritten;
        }

        public List<ChartSpec> Charts { get; } = new List<ChartSpec>();

        public int RowsWritten => _row;

        public int TruncatedCells => _sheet.TruncatedCells;

        public static string ExecutionGroup(string? status)
        {
            if (status == ExecutionStatuses.Success || status == ExecutionStatuses.Error) return status!;
            return status != null && ExecutionStatuses.InProgress.Contains(status) ? InProgress : Other;
        }

        public static string WindowText(ExecutionWindow? window)
        {
            if (window is null) return "not limited (every execution DataSync keeps)";
            var text = window.Description + ": " + Stamp(window.SinceUtc) + " to " + Stamp(window.NowUtc) + " UTC";
            if (window.ExceedsHistory) text += " (DataSync keeps 30 days of execution history; older executions are not available)";
            return text;
        }

        private static string Stamp(DateTime value) => value.ToString("yyyy'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);

        public void Write(XlsxPackage package, string partName, int maxTextLength)
        {
            using var stream = package.OpenPart(partName);
            using (_sheet = new SheetStream(stream, maxTextLength))
            {
                _sheet.Begin(Widths, freezeHeader: false, tabSelected: true);
                WriteContent();
                _sheet.EndSheetData();
                _sheet.WriteElement(Margins());
                _sheet.WriteElement(new Drawing { Id = "rId1" });
                _sheet.End();
            }
        }

        internal static PageMargins Margins() => new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 };

        private void WriteContent()
        {
            var d = _data;
            Row(("DataSync Audit Summary", Styles.Title));
            Blank();

            if (d.Accounts.Count > 1)
            {
                int notScanned = d.Accounts.Count(a => !a.Scanned);
                Label("Organization", d.AccountName);
                Label("Accounts", Count(d.Accounts.Count, "account") + " (" + (d.Accounts.Count - notScanned) + " scanned, " + notScanned + " not scanned)");
            }
            else
            {
                Label("Account ID", d.AccountId);
                Label("Account Name", d.AccountName);
            }

            Label("Partition", PartitionName(d.Partition));
            Label("Regions Scanned", string.Join(", ", d.Regions));
            Label("Scan Time (UTC)", d.ScanTimeUtc);
            Label("Execution Window", WindowText(d.Window));
            if (d.Supplied != ResourceKinds.All) Label("Data Supplied", SuppliedText(d.Supplied));
            Label("Data Complete", d.Issues.Count == 0
                ? "Yes: the scan had no issues"
                : "No: " + Count(d.Issues.Count, "scan issue") + " (see Scan Issues below); some data is missing");
            Label("Cells Cut at 32,767 Characters", (long)_dataSheetTruncated);
            long notWritten = _rowsNotWritten.Sum(p => p.Value);
            Label("Rows Not Written (Sheet Full)", notWritten);
            foreach (var sheet in _rowsNotWritten.Where(p => p.Value > 0))
            {
                Label("Rows Not Written: " + sheet.Key, sheet.Value);
            }

            Blank();

            // Tasks
            if (!Has(ResourceKinds.Tasks))
            {
                NotSupplied("Tasks");
            }
            else
            {
                Section("Tasks");
                Label("Total", (long)d.Tasks.Count);
                var taskStatuses = Ordered(TaskStatuses.All, d.Tasks.Select(t => t.Status ?? NoStatus));
                ChartRange(taskStatuses, s => d.Tasks.LongCount(t => (t.Status ?? NoStatus) == s), out var taskRef, out var taskCounts);
                Label("With a Schedule", (long)d.Tasks.Count(t => t.HasSchedule));
                Charts.Add(new ChartSpec
                {
                    Title = "Tasks by Status",
                    Kind = ChartKind.Pie,
                    CategoriesRef = taskRef.Categories,
                    TextCategories = taskStatuses,
                    PointColors = taskStatuses.Select(TaskColor).ToArray(),
                    Series = { new ChartSeries("Tasks", taskRef.Values, taskCounts, "4472C4") },
                });
                Blank();
            }

            // Locations
            if (!Has(ResourceKinds.Locations))
            {
                NotSupplied("Locations");
            }
            else
            {
                Section("Locations");
                Label("Total", (long)d.Locations.Count);
                var types = Ordered(LocationType.All, d.Locations.Select(l => l.LocationType ?? LocationType.Unknown));
                ChartRange(types, s => d.Locations.LongCount(l => (l.LocationType ?? LocationType.Unknown) == s), out var typeRef, out var typeCounts);
                Charts.Add(new ChartSpec
                {
                    Title = "Locations by Type",
                    Kind = ChartKind.Bar,
                    CategoriesRef = typeRef.Categories,
                    TextCategories = types,
                    Series = { new ChartSeries("Locations", typeRef.Values, typeCounts, "4472C4") },
                });
                Blank();
            }

            // Agents
            if (!Has(ResourceKinds.Agents))
            {
                NotSupplied("Agents");
            }
            else
            {
                Section("Agents");
                Label("Total", (long)d.Agents.Count);
                foreach (var status in Ordered(AgentStatuses.All, d.Agents.Select(a => a.Status ?? NoStatus)))
                {
                    Label(status, d.Agents.LongCount(a => (a.Status ?? NoStatus) == status));
                }

                Blank();
            }

            // Executions
            if (!Has(ResourceKinds.Executions))
            {
                NotSupplied("Executions in the Window");
            }
            else
            {
                Section("Executions in the Window");
                Label("Total", (long)d.Executions.Count);
                var groups = new[] { ExecutionStatuses.Success, ExecutionStatuses.Error, InProgress, Other };
                foreach (var group in groups)
                {
                    Label(group, d.Executions.LongCount(e => ExecutionGroup(e.Status) == group));
                }

                Label("Bytes Transferred", Sum(d.Executions), CellKind.Bytes);
                Blank();
            }

            if (d.Accounts.Count > 0)
            {
                WriteAccounts();
                Blank();
            }

            WriteRegions();
            Blank();
            WriteDays();
            Blank();
            WriteIssues();
            Blank();
            WriteFindings();
        }

        /// <summary>One row per account of an organisation report: its counts, and whether its data is complete.</summary>
        private void WriteAccounts()
        {
            var d = _data;
            Section("By Account");
            string[] headers = { "Account ID", "Account Name", "Status", "Tasks", "Active Tasks", "Locations", "Agents", "Executions", "Failed Executions", "Bytes Transferred", "Scan Issues" };
            StartRow();
            for (int i = 0; i < headers.Length; i++) _sheet.Text(i, headers[i], Styles.Header);
            _sheet.EndRow();

            // One pass per collection: account → tasks, active tasks, locations, agents, executions, failed executions, bytes, issues.
            var stats = d.Accounts.ToDictionary(a => a.AccountId, _ => new long[8], StringComparer.Ordinal);
            long[] Of(string account) => stats.TryGetValue(account, out var counts) ? counts : new long[8];
            foreach (var t in d.Tasks)
            {
                var counts = Of(t.AccountId);
                counts[0]++;
                if (t.Status == TaskStatuses.Available) counts[1]++;
            }

            foreach (var l in d.Locations) Of(l.AccountId)[2]++;
            foreach (var a in d.Agents) Of(a.AccountId)[3]++;
            foreach (var e in d.Executions)
            {
                var counts = Of(e.AccountId);
                counts[4]++;
                if (e.Status == ExecutionStatuses.Error) counts[5]++;
                counts[6] += e.BytesTransferred ?? 0;
            }

            foreach (var issue in d.Issues) Of(issue.AccountId)[7]++;
            foreach (var account in d.Accounts)
            {
                var counts = stats[account.AccountId];
                StartRow();
                _sheet.Text(0, account.AccountId);
                _sheet.Text(1, account.AccountName);
                _sheet.Text(2, !account.Scanned ? "Not scanned" : counts[7] > 0 ? "Incomplete" : "Complete");
                for (int i = 0; i < 6; i++) _sheet.Value(i + 3, counts[i], CellKind.Integer);
                _sheet.Value(9, counts[6], CellKind.Bytes);
                _sheet.Value(10, counts[7], CellKind.Integer);
                _sheet.EndRow();
            }
        }

        private void WriteRegions()
        {
            var d = _data;
            Section("By Region");
            Row(("Region", Styles.Header), ("Tasks", Styles.Header), ("Locations", Styles.Header), ("Agents", Styles.Header),
                ("Executions", Styles.Header), ("Failed Executions", Styles.Header), ("Bytes Transferred", Styles.Header));
            // One pass per collection: region → tasks, locations, agents, executions, failed executions, bytes.
            var stats = new Dictionary<string, long[]>(StringComparer.Ordinal);
            long[] Of(string region)
            {
                if (!stats.TryGetValue(region, out var counts)) stats[region] = counts = new long[6];
                return counts;
            }

            foreach (var region in d.Regions) Of(region);
            foreach (var t in d.Tasks) Of(t.Region)[0]++;
            foreach (var l in d.Locations) Of(l.Region)[1]++;
            foreach (var a in d.Agents) Of(a.Region)[2]++;
            foreach (var e in d.Executions)
            {
                var counts = Of(e.Region);
                counts[3]++;
                if (e.Status == ExecutionStatuses.Error) counts[4]++;
                counts[5] += e.BytesTransferred ?? 0;
            }

            var order = d.Regions.Concat(stats.Keys.Where(k => !d.Regions.Contains(k)).OrderBy(k => k, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
            foreach (var region in order)
            {
                var counts = stats[region];
                StartRow();
                _sheet.Text(0, region);
                for (int i = 0; i < 5; i++) _sheet.Value(i + 1, counts[i], CellKind.Integer);
                _sheet.Value(6, counts[5], CellKind.Bytes);
                _sheet.EndRow();
            }
        }

        private void WriteDays()
        {
            var d = _data;
            Section("Executions per Day (UTC)");
            Row(("Date", Styles.Header), (ExecutionStatuses.Success, Styles.Header), (ExecutionStatuses.Error, Styles.Header), (InProgress, Styles.Header),
                (Other, Styles.Header), ("Bytes Transferred", Styles.Header));

            var days = Days(d);
            int first = _row + 1;
            var groups = new[] { ExecutionStatuses.Success, ExecutionStatuses.Error, InProgress, Other };
            var byDay = new Dictionary<DateTime, long[]>();
            foreach (var day in days) byDay[day] = new long[5];
            foreach (var e in d.Executions)
            {
                if (!e.StartTime.HasValue || !byDay.TryGetValue(DateTime.SpecifyKind(e.StartTime.Value.Date, DateTimeKind.Utc), out var counts)) continue;
                counts[Array.IndexOf(groups, ExecutionGroup(e.Status))]++;
                counts[4] += e.BytesTransferred ?? 0;
            }

            var series = new[] { new List<double>(), new List<double>(), new List<double>(), new List<double>() };
            var bytes = new List<double>();
            foreach (var day in days)
            {
                var counts = byDay[day];
                StartRow();
                _sheet.Date(0, day, Styles.Date);
                for (int g = 0; g < groups.Length; g++)
                {
                    series[g].Add(counts[g]);
                    _sheet.Value(g + 1, counts[g], CellKind.Integer);
                }

                bytes.Add(counts[4]);
                _sheet.Value(5, counts[4], CellKind.Bytes);
                _sheet.EndRow();
            }

            int last = Math.Max(first, _row);
            var dates = days.Select(x => x.ToOADate()).ToArray();
            string categories = Range(0, first, last);
            var perDay = new ChartSpec
            {
                Title = "Executions per Day by Status",
                Kind = ChartKind.StackedColumn,
                CategoriesRef = categories,
                DateCategories = dates,
            };
            string[] colors = { "70AD47", "C00000", "4472C4", "A5A5A5" };
            for (int g = 0; g < groups.Length; g++)
            {
                perDay.Series.Add(new ChartSeries(groups[g], Range(g + 1, first, last), series[g], colors[g]));
            }

            Charts.Add(perDay);
            Charts.Add(new ChartSpec
            {
                Title = "Bytes Transferred per Day",
                Kind = ChartKind.Column,
                CategoriesRef = categories,
                DateCategories = dates,
                ValueFormat = Styles.BytesFormat,
                Series = { new ChartSeries("Bytes Transferred", Range(5, first, last), bytes, "ED7D31") },
            });
        }

        internal static List<DateTime> Days(ReportData d)
        {
            DateTime from, to;
            if (d.Window != null)
            {
                from = d.Window.SinceUtc.Date;
                to = d.Window.NowUtc.Date;
            }
            else
            {
                var starts = d.Executions.Where(e => e.StartTime.HasValue).Select(e => e.StartTime!.Value.Date).ToList();
                if (starts.Count == 0) return new List<DateTime>();
                from = starts.Min();
                to = starts.Max();
            }

            if ((to - from).TotalDays >= MaxDays) from = to.AddDays(-(MaxDays - 1));
            var days = new List<DateTime>();
            for (var day = from; day <= to; day = day.AddDays(1)) days.Add(DateTime.SpecifyKind(day, DateTimeKind.Utc));
            return days;
        }

        private void WriteIssues()
        {
            var d = _data;
            Section("Scan Issues", (long)d.Issues.Count);
            if (d.Issues.Count == 0)
            {
                Row((NoIssuesText, Styles.Default));
                return;
            }

            Row(("Region", Styles.Header), ("IAM Action", Styles.Header), ("Target", Styles.Header), ("Error Code", Styles.Header),
                ("Message", Styles.Header), ("Missing Data", Styles.Header), ("Account", Styles.Header));
            foreach (var issue in d.Issues)
            {
                StartRow();
                _sheet.Text(0, issue.Region);
                _sheet.Text(1, issue.IamAction);
                if (issue.Target != null) _sheet.Text(2, issue.Target);
                _sheet.Text(3, issue.ErrorCode ?? issue.Kind.ToString());
                _sheet.Text(4, issue.Message);
                _sheet.Text(5, issue.MissingData);
                if (issue.AccountId.Length > 0) _sheet.Text(6, issue.AccountId);
                _sheet.EndRow();
            }
        }

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

        private bool Has(ResourceKinds kind) => (_data.Supplied & kind) == kind;

        /// <summary>A count section for a kind the report was not given: "not supplied", never 0.</summary>
        private void NotSupplied(string section, string? missingKind = null)
        {
            StartRow();
            _sheet.Text(0, section, Styles.Header);
            _sheet.Text(1, "not supplied");
            _sheet.EndRow();
            if (missingKind != null) Row(("Not assessed: no " + missingKind + " were supplied.", Styles.Default));
            else
            {
                Label("Total", "not supplied");
                Blank();
            }
        }

        internal static string SuppliedText(ResourceKinds supplied)
        {
            var names = new[] { (ResourceKinds.Tasks, "Tasks"), (ResourceKinds.Locations, "Locations"), (ResourceKinds.Agents, "Agents"), (ResourceKinds.Executions, "Executions") };
            var given = names.Where(n => (supplied & n.Item1) != 0).Select(n => n.Item2).ToList();
            var missing = names.Where(n => (supplied & n.Item1) == 0).Select(n => n.Item2).ToList();
            return (given.Count == 0 ? "Nothing" : string.Join(", ", given)) + " (piped in; not supplied: " + string.Join(", ", missing) + ")";
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

        // ------------------------------------------------------------------ row helpers

        private void ChartRange(IReadOnlyList<string> labels, Func<string, long> count, out (string Categories, string Values) reference, out List<double> values)
        {
            int first = _row + 1;
            values = new List<double>();
            foreach (var label in labels)
            {
                long n = count(label);
                values.Add(n);
                Label(label, n);
            }

            int last = Math.Max(first, _row);
            reference = (Range(0, first, last), Range(1, first, last));
        }

        private static string Range(int column, int first, int last) =>
            SheetName + "!$" + SheetStream.ColumnName(column) + "$" + first.ToString(CultureInfo.InvariantCulture)
            + ":$" + SheetStream.ColumnName(column) + "$" + last.ToString(CultureInfo.InvariantCulture);

        private static List<string> Ordered(IEnumerable<string> known, IEnumerable<string> present)
        {
            var list = known.ToList();
            list.AddRange(present.Where(p => !list.Contains(p)).Distinct().OrderBy(p => p, StringComparer.Ordinal));
            return list;
        }

        private static long Sum(IEnumerable<DataSyncTaskExecution> executions) => executions.Sum(e => e.BytesTransferred ?? 0);

        private static string PartitionName(string partition)
        {
            try
            {
                return Regions.Partitions.DisplayName(partition);
            }
            catch (ArgumentException)
            {
                return partition;
            }
        }

        private static string TaskColor(string status)
        {
            switch (status)
            {
                case TaskStatuses.Available: return "70AD47";
                case TaskStatuses.Creating: return "5B9BD5";
                case TaskStatuses.Queued: return "FFC000";
                case TaskStatuses.Running: return "4472C4";
                case TaskStatuses.Unavailable: return "C00000";
                default: return "A5A5A5";
            }
        }

        private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

        private void StartRow()
        {
            _row++;
            _sheet.StartRow(_row);
        }

        private void Blank() => _row++;

        private void Row(params (string Text, uint Style)[] cells)
        {
            StartRow();
            for (int i = 0; i < cells.Length; i++) _sheet.Text(i, cells[i].Text, cells[i].Style);
            _sheet.EndRow();
        }

        private void Section(string title, long? count = null)
        {
            StartRow();
            _sheet.Text(0, title, Styles.Header);
            if (count.HasValue) _sheet.Value(1, count.Value, CellKind.Integer);
            _sheet.EndRow();
        }

        private void Label(string label, object? value, CellKind kind = CellKind.Integer)
        {
            StartRow();
            _sheet.Text(0, label);
            if (value is string text) _sheet.Text(1, text);
            else _sheet.Value(1, value, kind);
            _sheet.EndRow();
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
