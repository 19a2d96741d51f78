using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>The Summary's By Account and By Region tables: counts per account and per Region, from the running totals.</summary>
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

            var issues = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var issue in d.Issues)
            {
                issues.TryGetValue(issue.AccountId, out var n);
                issues[issue.AccountId] = n + 1;
            }

            foreach (var account in d.Accounts)
            {
                var counts = _totals.OfAccount(account.AccountId);
                issues.TryGetValue(account.AccountId, out var issueCount);
                StartRow();
                _sheet.Text(0, account.AccountId);
                _sheet.Text(1, account.AccountName);
                _sheet.Text(2, !account.Scanned ? "Not scanned" : issueCount > 0 ? "Incomplete" : "Complete");
                for (int i = 0; i < 6; i++) _sheet.Value(i + 3, counts[i], CellKind.Integer);
                _sheet.Value(9, counts[6], CellKind.Bytes);
                _sheet.Value(10, issueCount, CellKind.Integer);
                _sheet.EndRow();
            }
        }

        private void WriteRegions()
        {
            var d = _data;
            Section("By Region");
            Row(("Region", Styles.Header), ("Tasks", Styles.Header), ("Locations", Styles.Header), ("Agents", Styles.Header),
                ("Executions", Styles.Header), ("Failed Executions", Styles.Header), ("Bytes Transferred", Styles.Header));
            var order = d.Regions.Concat(_totals.RegionsSeen.Where(k => !d.Regions.Contains(k)).OrderBy(k => k, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
            foreach (var region in order)
            {
                var counts = _totals.OfRegion(region);
                StartRow();
                _sheet.Text(0, region);
                for (int i = 0; i < 5; i++) _sheet.Value(i + 1, counts[i], CellKind.Integer);
                _sheet.Value(6, counts[5], CellKind.Bytes);
                _sheet.EndRow();
            }
        }
    }
}
