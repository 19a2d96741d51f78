using System;
using System.Collections.Generic;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>Everything the workbook shows: one account's inventory and the executions already inside the window.</summary>
    public sealed class ReportData
    {
        public string AccountId { get; set; } = string.Empty;
        public string AccountName { get; set; } = string.Empty;

        /// <summary>
        /// Every account the report covers, in order, including accounts that could not be scanned (their
        /// reason is among <see cref="Issues"/>). Empty for a single-account report: then the one account is
        /// <see cref="AccountId"/>. For an organisation, <see cref="AccountName"/> names the organisation.
        /// </summary>
        public IReadOnlyList<ReportAccount> Accounts { get; set; } = Array.Empty<ReportAccount>();

        /// <summary>Who scanned: the ARN sts:GetCallerIdentity returned; empty when the objects were piped in.</summary>
        public string CallerArn { get; set; } = string.Empty;

        /// <summary>aws, aws-us-gov or aws-cn.</summary>
        public string Partition { get; set; } = global::StratusScan.DataSync.Regions.Partitions.Aws;

        /// <summary>The Regions scanned, in the order the Summary lists them.</summary>
        public IReadOnlyList<string> Regions { get; set; } = Array.Empty<string>();

        /// <summary>When the scan ran (UTC).</summary>
        public DateTime ScanTimeUtc { get; set; }

        /// <summary>The window of the executions given; null when none was applied.</summary>
        public ExecutionWindow? Window { get; set; }

        public IReadOnlyList<DataSyncTask> Tasks { get; set; } = Array.Empty<DataSyncTask>();
        public IReadOnlyList<DataSyncLocation> Locations { get; set; } = Array.Empty<DataSyncLocation>();
        public IReadOnlyList<DataSyncAgent> Agents { get; set; } = Array.Empty<DataSyncAgent>();

        /// <summary>The executions inside the window (the writer does not filter them again).</summary>
        public IReadOnlyList<DataSyncTaskExecution> Executions { get; set; } = Array.Empty<DataSyncTaskExecution>();

        /// <summary>What the scan could not collect; the Summary lists each, or says the data is complete.</summary>
        public IReadOnlyList<ScanIssue> Issues { get; set; } = Array.Empty<ScanIssue>();
    }

    /// <summary>One account of an organisation-wide report.</summary>
    public sealed class ReportAccount
    {
        public ReportAccount(string accountId, string accountName, bool scanned)
        {
            AccountId = accountId ?? throw new ArgumentNullException(nameof(accountId));
            AccountName = string.IsNullOrEmpty(accountName) ? accountId : accountName;
            Scanned = scanned;
        }

        public string AccountId { get; }

        /// <summary>From the config's account_mappings, else the account id.</summary>
        public string AccountName { get; }

        /// <summary>False when the account could not be opened at all (AssumeRole failed) or every Region failed.</summary>
        public bool Scanned { get; }
    }
}
