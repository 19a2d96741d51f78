using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>The Summary's per-day table of executions and bytes, and the two charts drawn from it.</summary>
    internal sealed partial class SummaryWriter
    {
        /// <summary>The per-day table holds at most this many days (the newest).</summary>
        public const int MaxDays = 400;

        private void WriteDays()
        {
            var d = _data;
            Section("Executions per Day (UTC)");
            Row(("Date", Styles.Header), (ExecutionStatuses.Success, Styles.Header), (ExecutionStatuses.Error, Styles.Header), (InProgress, Styles.Header),
                (Other, Styles.Header), ("Bytes Transferred", Styles.Header));

            var days = Days(d.Window, _totals.FirstDay, _totals.LastDay);
            int first = _row + 1;
            var groups = ReportTotals.ExecutionGroups;
            var series = new[] { new List<double>(), new List<double>(), new List<double>(), new List<double>() };
            var bytes = new List<double>();
            foreach (var day in days)
            {
                var counts = _totals.OfDay(day);
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

        /// <summary>The days of the table: the window's, else the first to the last start day; at most the newest <see cref="MaxDays"/>.</summary>
        internal static List<DateTime> Days(ExecutionWindow? window, DateTime? firstStart, DateTime? lastStart)
        {
            DateTime from, to;
            if (window != null)
            {
                from = window.SinceUtc.Date;
                to = window.NowUtc.Date;
            }
            else
            {
                if (firstStart is null || lastStart is null) return new List<DateTime>();
                from = firstStart.Value.Date;
                to = lastStart.Value.Date;
            }

            if ((to - from).TotalDays >= MaxDays) from = to.AddDays(-(MaxDays - 1));
            var days = new List<DateTime>();
            for (var day = from; day <= to; day = day.AddDays(1)) days.Add(DateTime.SpecifyKind(day, DateTimeKind.Utc));
            return days;
        }
    }
}
