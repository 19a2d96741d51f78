using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>The Summary's By Account and By Region tables: counts per account and per Region, in one pass per collection.</summary>
    internal sealed partial class SummaryWriter
    {
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
    }
}
