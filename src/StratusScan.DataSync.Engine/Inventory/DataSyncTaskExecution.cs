using System;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// A task execution: DescribeTaskExecution's output with flat, typed columns for the Recent Executions
    /// sheet. Counts and bytes are the top-level members (not Result's); durations come from the API's
    /// milliseconds; FilesFailed is the sum of the API's FilesFailed detail (Enhanced mode), never FilesDeleted.
    /// </summary>
    public sealed class DataSyncTaskExecution
    {
        public string AccountId { get; set; } = string.Empty;

        /// <summary>The account's name from the StratusScan config's account_mappings, else the account id.</summary>
        public string AccountName { get; set; } = string.Empty;

        public string Region { get; set; } = string.Empty;
        public string TaskExecutionArn { get; set; } = string.Empty;
        public string TaskArn { get; set; } = string.Empty;

        /// <summary>The name of the execution's task (from DescribeTask), when known.</summary>
        public string? TaskName { get; set; }

        /// <summary>QUEUED, CANCELLING, LAUNCHING, PREPARING, TRANSFERRING, VERIFYING, SUCCESS or ERROR.</summary>
        public string? Status { get; set; }
        public string? TaskMode { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? StartTime { get; set; }
        public DateTime? LaunchTime { get; set; }
        public DateTime? EndTime { get; set; }

        /// <summary>Result.TotalDuration (the API's milliseconds) as a TimeSpan.</summary>
        public TimeSpan? Duration => TotalDuration;
        public TimeSpan? TotalDuration { get; set; }
        public TimeSpan? PrepareDuration { get; set; }
        public TimeSpan? TransferDuration { get; set; }
        public TimeSpan? VerifyDuration { get; set; }
        public string? PrepareStatus { get; set; }
        public string? TransferStatus { get; set; }
        public string? VerifyStatus { get; set; }

        public long? FilesTransferred { get; set; }
        public long? FilesSkipped { get; set; }
        public long? FilesVerified { get; set; }
        public long? FilesDeleted { get; set; }
        public long? FilesPrepared { get; set; }

        /// <summary>Prepare + Transfer + Verify + Delete of the API's FilesFailed (Enhanced mode only; else null).</summary>
        public long? FilesFailed { get; set; }
        public long? BytesTransferred { get; set; }
        public long? BytesWritten { get; set; }
        public long? BytesCompressed { get; set; }
        public long? EstimatedFilesToTransfer { get; set; }
        public long? EstimatedBytesToTransfer { get; set; }
        public long? EstimatedFilesToDelete { get; set; }

        /// <summary>Result.ErrorCode.</summary>
        public string? ErrorCode { get; set; }

        /// <summary>Result.ErrorDetail.</summary>
        public string? ErrorDetail { get; set; }

        // The API's nested shapes, whole (folders, listed and failed details, report, options, filters).
        public TaskExecutionResultDetail? Result { get; set; }
        public TaskExecutionFilesFailedDetail? FilesFailedDetail { get; set; }
        public TaskExecutionFilesListedDetail? FilesListed { get; set; }
        public long? EstimatedFoldersToDelete { get; set; }
        public long? EstimatedFoldersToTransfer { get; set; }
        public long? FoldersSkipped { get; set; }
        public long? FoldersPrepared { get; set; }
        public long? FoldersTransferred { get; set; }
        public long? FoldersVerified { get; set; }
        public long? FoldersDeleted { get; set; }
        public TaskExecutionFoldersListedDetail? FoldersListed { get; set; }
        public TaskExecutionFoldersFailedDetail? FoldersFailed { get; set; }
        public ReportResult? ReportResult { get; set; }
        public TaskOptions? Options { get; set; }
        public ValueList<FilterRule> Includes { get; set; } = ValueList<FilterRule>.Empty;
        public ValueList<FilterRule> Excludes { get; set; } = ValueList<FilterRule>.Empty;
        public ManifestConfig? ManifestConfig { get; set; }
        public TaskReportConfig? TaskReportConfig { get; set; }

        /// <summary>The tags (with -IncludeTags); an empty set when they were not asked for, null when they could not be read (a scan issue says why).</summary>
        public TagSet? Tags { get; set; } = TagSet.NotCollected;

        public override string ToString() => TaskExecutionArn;

        /// <summary>The task ARN of an execution ARN (…:task/task-x/execution/exec-y → …:task/task-x).</summary>
        public static string TaskArnOf(string taskExecutionArn)
        {
            var index = taskExecutionArn.IndexOf("/execution/", StringComparison.Ordinal);
            return index < 0 ? string.Empty : taskExecutionArn.Substring(0, index);
        }

        public static DataSyncTaskExecution From(DescribeTaskExecutionResponse r, string region, string accountId, string? taskName)
        {
            var arn = r.TaskExecutionArn ?? string.Empty;
            var failed = r.FilesFailed;
            return new DataSyncTaskExecution
            {
                AccountId = accountId,
                Region = region,
                TaskExecutionArn = arn,
                TaskArn = TaskArnOf(arn),
                TaskName = taskName,
                Status = r.Status,
                TaskMode = r.TaskMode,
                StartTime = r.StartTime,
                LaunchTime = r.LaunchTime,
                EndTime = r.EndTime,
                TotalDuration = Milliseconds(r.Result?.TotalDuration),
                PrepareDuration = Milliseconds(r.Result?.PrepareDuration),
                TransferDuration = Milliseconds(r.Result?.TransferDuration),
                VerifyDuration = Milliseconds(r.Result?.VerifyDuration),
                PrepareStatus = r.Result?.PrepareStatus,
                TransferStatus = r.Result?.TransferStatus,
                VerifyStatus = r.Result?.VerifyStatus,
                FilesTransferred = r.FilesTransferred,
                FilesSkipped = r.FilesSkipped,
                FilesVerified = r.FilesVerified,
                FilesDeleted = r.FilesDeleted,
                FilesPrepared = r.FilesPrepared,
                FilesFailed = failed is null ? (long?)null : (failed.Prepare ?? 0) + (failed.Transfer ?? 0) + (failed.Verify ?? 0) + (failed.Delete ?? 0),
                BytesTransferred = r.BytesTransferred,
                BytesWritten = r.BytesWritten,
                BytesCompressed = r.BytesCompressed,
                EstimatedFilesToTransfer = r.EstimatedFilesToTransfer,
                EstimatedBytesToTransfer = r.EstimatedBytesToTransfer,
                EstimatedFilesToDelete = r.EstimatedFilesToDelete,
                ErrorCode = r.Result?.ErrorCode,
                ErrorDetail = r.Result?.ErrorDetail,
                Result = r.Result,
                FilesFailedDetail = failed,
                FilesListed = r.FilesListed,
                EstimatedFoldersToDelete = r.EstimatedFoldersToDelete,
                EstimatedFoldersToTransfer = r.EstimatedFoldersToTransfer,
                FoldersSkipped = r.FoldersSkipped,
                FoldersPrepared = r.FoldersPrepared,
                FoldersTransferred = r.FoldersTransferred,
                FoldersVerified = r.FoldersVerified,
                FoldersDeleted = r.FoldersDeleted,
                FoldersListed = r.FoldersListed,
                FoldersFailed = r.FoldersFailed,
                ReportResult = r.ReportResult,
                Options = r.Options,
                Includes = ValueList<FilterRule>.From(r.Includes),
                Excludes = ValueList<FilterRule>.From(r.Excludes),
                ManifestConfig = r.ManifestConfig,
                TaskReportConfig = r.TaskReportConfig,
            };
        }

        // TotalDuration, PrepareDuration, TransferDuration and VerifyDuration are milliseconds (DataSync API
        // reference, TaskExecutionResultDetail).
        private static TimeSpan? Milliseconds(long? value) => value is null ? (TimeSpan?)null : TimeSpan.FromMilliseconds(value.Value);
    }
}
