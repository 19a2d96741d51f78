using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>How the Summary writes its rows: labels, sections, chart ranges, and the orders and colours they use.</summary>
    internal sealed partial class SummaryWriter
    {
        private bool Has(ResourceKinds kind) => (_data.Supplied & kind) == kind;

        /// <summary>A section for a kind the report was not given: "not supplied", never 0 (a finding: not assessed).</summary>
        private void NotSupplied(string section, string? missingKind = null)
        {
            StartRow();
            _sheet.Text(0, section, Styles.Header);
            _sheet.Text(1, "not supplied");
            _sheet.EndRow();
            if (missingKind != null)
            {
                Row(("Not assessed: no " + missingKind + " were supplied.", Styles.Default));
                return;
            }

            Label("Total", "not supplied");
            Blank();
        }

        /// <summary>"Tasks (piped in; not supplied: Locations, Agents, Executions)".</summary>
        internal static string SuppliedText(ResourceKinds supplied)
        {
            var names = new[] { (ResourceKinds.Tasks, "Tasks"), (ResourceKinds.Locations, "Locations"), (ResourceKinds.Agents, "Agents"), (ResourceKinds.Executions, "Executions") };
            var given = names.Where(n => (supplied & n.Item1) != 0).Select(n => n.Item2).ToList();
            var missing = names.Where(n => (supplied & n.Item1) == 0).Select(n => n.Item2).ToList();
            return (given.Count == 0 ? "Nothing" : string.Join(", ", given)) + " (piped in; not supplied: " + string.Join(", ", missing) + ")";
        }

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

        private static long CountOf(Dictionary<string, long> counts, string key) => counts.TryGetValue(key, out var n) ? n : 0;

        public const string ContinuationSheetsLabel = "Continuation Sheets";
        public const string ContinuedLabel = "Continued: ";

        /// <summary>"2,500 rows on 3 sheets: Recent Executions, Recent Executions (2), Recent Executions (3)".</summary>
        internal static string ContinuedText(SheetPlan sheet) =>
            sheet.Rows.ToString("N0", CultureInfo.InvariantCulture) + " rows on " + sheet.Parts.ToString(CultureInfo.InvariantCulture) + " sheets: "
            + string.Join(", ", Enumerable.Range(1, sheet.Parts).Select(sheet.Layout.PartName));

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
    }
}
