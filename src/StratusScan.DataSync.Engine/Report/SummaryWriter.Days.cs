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
    }
}
