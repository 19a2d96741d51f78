using System;

namespace StratusScan.DataSync.Report
{
    /// <summary>The Summary's Notes and Scan Issues: how a merged report was put together; what the scan could not collect, or that the data is complete.</summary>
    internal sealed partial class SummaryWriter
    {
        public const string NoIssuesText = "The scan had no issues: the data is complete.";

        /// <summary>The Notes rows (a merge's superseded scans and windows), then a blank row; nothing when there are none.</summary>
        private void WriteNotes()
        {
            var notes = _data.Notes ?? Array.Empty<string>();
            if (notes.Count == 0) return;
            Section("Notes", (long)notes.Count);
            foreach (var note in notes) Row((note, Styles.Default));
            Blank();
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
    }
}
