using System;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// A DataSync task: DescribeTask's output with flat, typed columns for the Tasks sheet, the include and
    /// exclude pattern counts, and the Region and account it lives in. Property names are the API's.
    /// </summary>
    public sealed class DataSyncTask
    {
        public string AccountId { get; set; } = string.Empty;

        /// <summary>The account's name from the StratusScan config's account_mappings, else the account id.</summary>
        public string AccountName { get; set; } = string.Empty;

        public string Region { get; set; } = string.Empty;
        public string TaskArn { get; set; } = string.Empty;

        /// <summary>The task's name from DescribeTask (not from a tag).</summary>
        public string? Name { get; set; }

        /// <summary>AVAILABLE, CREATING, QUEUED, RUNNING or UNAVAILABLE.</summary>
        public string? Status { get; set; }
        public string? TaskMode { get; set; }
        public string? SourceLocationArn { get; set; }
        public string? DestinationLocationArn { get; set; }
        public string? CloudWatchLogGroupArn { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? CreationTime { get; set; }

        public string? ScheduleExpression { get; set; }

        /// <summary>ENABLED or DISABLED (the schedule's status).</summary>
        public string? ScheduleStatus { get; set; }
        public bool HasSchedule => !string.IsNullOrEmpty(ScheduleExpression);
        public DateTime? ScheduleStatusUpdateTime { get; set; }
        public string? ScheduleDisabledBy { get; set; }
        public string? ScheduleDisabledReason { get; set; }

        // Options, flat (DescribeTask's Options members).
        public string? VerifyMode { get; set; }
        public string? OverwriteMode { get; set; }
        public string? Atime { get; set; }
        public string? Mtime { get; set; }
        public string? Uid { get; set; }
        public string? Gid { get; set; }
        public string? PreserveDeletedFiles { get; set; }
        public string? PreserveDevices { get; set; }
        public string? PosixPermissions { get; set; }

        /// <summary>Bandwidth limit in bytes per second; -1 means no limit.</summary>
        public long? BytesPerSecond { get; set; }
        public string? TaskQueueing { get; set; }
        public string? LogLevel { get; set; }
        public string? TransferMode { get; set; }
        public string? SecurityDescriptorCopyFlags { get; set; }
        public string? ObjectTags { get; set; }

        /// <summary>How many include patterns (the |-separated pieces of every include rule).</summary>
        public int IncludeCount => IncludePatterns.Count;

        /// <summary>How many exclude patterns (the |-separated pieces of every exclude rule).</summary>
        public int ExcludeCount => ExcludePatterns.Count;
        public ValueList<string> IncludePatterns { get; set; } = ValueList<string>.Empty;
        public ValueList<string> ExcludePatterns { get; set; } = ValueList<string>.Empty;

        public string? ErrorCode { get; set; }
        public string? ErrorDetail { get; set; }
        public string? CurrentTaskExecutionArn { get; set; }
        public ValueList<string> SourceNetworkInterfaceArns { get; set; } = ValueList<string>.Empty;
        public ValueList<string> DestinationNetworkInterfaceArns { get; set; } = ValueList<string>.Empty;

        // The API's nested shapes, whole.
        public TaskOptions? Options { get; set; }
        public ValueList<FilterRule> Includes { get; set; } = ValueList<FilterRule>.Empty;
        public ValueList<FilterRule> Excludes { get; set; } = ValueList<FilterRule>.Empty;
        public ManifestConfig? ManifestConfig { get; set; }
        public TaskReportConfig? TaskReportConfig { get; set; }

        /// <summary>The tags (with -IncludeTags); an empty set when they were not asked for, null when they could not be read (a scan issue says why).</summary>
        public TagSet? Tags { get; set; } = TagSet.NotCollected;

        public override string ToString() => TaskArn;

        public static DataSyncTask From(DescribeTaskResponse r, string region, string accountId)
        {
            var options = r.Options;
            return new DataSyncTask
            {
                AccountId = accountId,
                Region = region,
                TaskArn = r.TaskArn ?? string.Empty,
                Name = r.Name,
                Status = r.Status,
                TaskMode = r.TaskMode,
                SourceLocationArn = r.SourceLocationArn,
                DestinationLocationArn = r.DestinationLocationArn,
                CloudWatchLogGroupArn = r.CloudWatchLogGroupArn,
                CreationTime = r.CreationTime,
                ScheduleExpression = r.Schedule?.ScheduleExpression,
                ScheduleStatus = r.Schedule?.Status,
                ScheduleStatusUpdateTime = r.ScheduleDetails?.StatusUpdateTime,
                ScheduleDisabledBy = r.ScheduleDetails?.DisabledBy,
                ScheduleDisabledReason = r.ScheduleDetails?.DisabledReason,
                VerifyMode = options?.VerifyMode,
                OverwriteMode = options?.OverwriteMode,
                Atime = options?.Atime,
                Mtime = options?.Mtime,
                Uid = options?.Uid,
                Gid = options?.Gid,
                PreserveDeletedFiles = options?.PreserveDeletedFiles,
                PreserveDevices = options?.PreserveDevices,
                PosixPermissions = options?.PosixPermissions,
                BytesPerSecond = options?.BytesPerSecond,
                TaskQueueing = options?.TaskQueueing,
                LogLevel = options?.LogLevel,
                TransferMode = options?.TransferMode,
                SecurityDescriptorCopyFlags = options?.SecurityDescriptorCopyFlags,
                ObjectTags = options?.ObjectTags,
                IncludePatterns = ValueList<string>.From(FilterPatterns.Split(Values(r.Includes))),
                ExcludePatterns = ValueList<string>.From(FilterPatterns.Split(Values(r.Excludes))),
                ErrorCode = r.ErrorCode,
                ErrorDetail = r.ErrorDetail,
                CurrentTaskExecutionArn = r.CurrentTaskExecutionArn,
                SourceNetworkInterfaceArns = ValueList<string>.From(r.SourceNetworkInterfaceArns),
                DestinationNetworkInterfaceArns = ValueList<string>.From(r.DestinationNetworkInterfaceArns),
                Options = options,
                Includes = ValueList<FilterRule>.From(r.Includes),
                Excludes = ValueList<FilterRule>.From(r.Excludes),
                ManifestConfig = r.ManifestConfig,
                TaskReportConfig = r.TaskReportConfig,
            };
        }

        internal static System.Collections.Generic.IEnumerable<string?>? Values(System.Collections.Generic.IEnumerable<FilterRule>? rules) =>
            rules is null ? null : System.Linq.Enumerable.Select(rules, rule => rule.Value);
    }
}
