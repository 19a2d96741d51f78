using System;
using System.Collections.Generic;
using System.Linq;
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

        /// <summary>
        /// The kinds the report was given: all four for a scan; for piped objects, the kinds that arrived. The Summary
        /// shows "not supplied" for the others and makes no finding that needs them.
        /// </summary>
        public ResourceKinds Supplied { get; set; } = ResourceKinds.All;

        /// <summary>
        /// True when the tasks', locations' and agents' tags were collected (-IncludeTags, or piped objects that carry
        /// them): their sheets then have a Tags column.
        /// </summary>
        public bool TagsCollected { get; set; }

        /// <summary>What the scan could not collect; the Summary lists each, or says the data is complete.</summary>
        public IReadOnlyList<ScanIssue> Issues { get; set; } = Array.Empty<ScanIssue>();

        /// <summary>
        /// How the report was put together, when the Summary must say so (a merge of inventory files: scans superseded,
        /// different execution windows); the Summary's Notes rows. None for a scan or piped objects.
        /// </summary>
        public IReadOnlyList<string> Notes { get; set; } = Array.Empty<string>();

        /// <summary>
        /// What the workbook of merged inventory files covers (see <see cref="InventoryFiles.InventoryMerge.Describe"/>); the
        /// rows go to a <see cref="ReportBuilder"/> through <see cref="InventoryFiles.InventoryMerge.Stream"/>.
        /// </summary>
        public static ReportData FromInventory(InventoryFiles.InventoryMerge merge, ReportNaming naming)
        {
            if (merge is null) throw new ArgumentNullException(nameof(merge));
            return merge.Describe(naming);
        }

        /// <summary>
        /// The report of a scan: its scope, and what the scan collected (its executions already in the window). An
        /// account the scan could not open is marked not scanned.
        /// </summary>
        public static ReportData FromScan(ReportScope scope, ScanResult result, ExecutionWindow window, DateTime scanTimeUtc)
        {
            var data = FromScan(scope, (ScanOutcome)result, window, scanTimeUtc);
            data.Tasks = result.Tasks;
            data.Locations = result.Locations;
            data.Agents = result.Agents;
            data.Executions = result.Executions;
            return data;
        }

        /// <summary>
        /// What a report of objects piped in covers: their scope and the kinds they supplied. The rows themselves go to
        /// a <see cref="ReportBuilder"/> (the executions that started before the window left out), not to this object.
        /// </summary>
        public static ReportData FromObjects(ReportScope scope, ReportObjects objects, ExecutionWindow window, DateTime scanTimeUtc)
        {
            if (scope is null) throw new ArgumentNullException(nameof(scope));
            if (objects is null) throw new ArgumentNullException(nameof(objects));
            if (window is null) throw new ArgumentNullException(nameof(window));
            return new ReportData
            {
                AccountId = scope.AccountId,
                AccountName = scope.AccountName,
                Accounts = scope.Accounts,
                Partition = scope.Partition,
                Regions = scope.Regions,
                ScanTimeUtc = scanTimeUtc,
                Window = window,
                Supplied = objects.Supplied,
                Issues = Array.Empty<ScanIssue>(),
                TagsCollected = objects.TagsCollected,
            };
        }

        /// <summary>What a scan's report covers, its objects handed to a <see cref="ReportBuilder"/> as the scan ran.</summary>
        public static ReportData FromScan(ReportScope scope, ScanOutcome outcome, ExecutionWindow window, DateTime scanTimeUtc)
        {
            if (scope is null) throw new ArgumentNullException(nameof(scope));
            if (outcome is null) throw new ArgumentNullException(nameof(outcome));
            return new ReportData
            {
                AccountId = scope.AccountId,
                AccountName = scope.AccountName,
                Accounts = scope.Accounts.Select(a => new ReportAccount(a.AccountId, a.AccountName, !outcome.FailedAccounts.Contains(a.AccountId))).ToList(),
                Partition = scope.Partition,
                Regions = scope.Regions,
                ScanTimeUtc = scanTimeUtc,
                Window = window,
                Issues = outcome.Issues,
            };
        }
    }

    /// <summary>One account of an organisation-wide report.</summary>
    public sealed class ReportAccount
    {
        public ReportAccount(string accountId, string accountName, bool scanned)
        {
            AccountId = accountId ?? throw new ArgumentNullException(nameof(accountId));
            AccountName = AccountNames.OrId(accountName, accountId);
            Scanned = scanned;
        }

        public string AccountId { get; }

        /// <summary>From the config's account_mappings, else the account id.</summary>
        public string AccountName { get; }

        /// <summary>False when the account could not be opened at all (AssumeRole failed) or every Region failed.</summary>
        public bool Scanned { get; }
    }
}
