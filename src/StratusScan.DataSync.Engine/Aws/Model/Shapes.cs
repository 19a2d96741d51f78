// The request, response and nested shapes of the DataSync operations this client calls, one class per
// shape of the official API model (shared/aws-models/datasync-2018-11-09.json), every member kept.
// Generated once from that model, then edited by hand; ModelCoverageTests compares it with the model.
// Conventions: names and JSON names are the API's; enums stay strings (the API adds values);
// timestamps are UTC DateTime (epoch seconds on the wire); durations stay Int64 milliseconds.
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace StratusScan.DataSync.Aws.Model
{
    /// <summary>
    /// The API shape <c>TaskFilter</c>.
    /// </summary>
    public sealed class TaskFilter : ApiShape
    {
        /// <summary>
        /// Known values (kept as a string, the API adds values): LocationId, CreationTime.
        /// </summary>
        [JsonPropertyName("Name")]
        public string? Name { get; set; }

        /// <summary>
        /// The API member <c>Values</c>.
        /// </summary>
        [JsonPropertyName("Values")]
        public IReadOnlyList<string>? Values { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): Equals, NotEquals, In, LessThanOrEqual, LessThan, GreaterThanOrEqual, GreaterThan, Contains, NotContains, BeginsWith.
        /// </summary>
        [JsonPropertyName("Operator")]
        public string? Operator { get; set; }
    }

    /// <summary>
    /// The API shape <c>ListTasksRequest</c>.
    /// </summary>
    public sealed class ListTasksRequest : ApiShape
    {
        /// <summary>
        /// The API member <c>MaxResults</c>.
        /// </summary>
        [JsonPropertyName("MaxResults")]
        public int? MaxResults { get; set; }

        /// <summary>
        /// The API member <c>NextToken</c>.
        /// </summary>
        [JsonPropertyName("NextToken")]
        public string? NextToken { get; set; }

        /// <summary>
        /// The API member <c>Filters</c>.
        /// </summary>
        [JsonPropertyName("Filters")]
        public IReadOnlyList<TaskFilter>? Filters { get; set; }
    }

    /// <summary>
    /// The API shape <c>TaskListEntry</c>.
    /// </summary>
    public sealed class TaskListEntry : ApiShape
    {
        /// <summary>
        /// The API member <c>TaskArn</c>.
        /// </summary>
        [JsonPropertyName("TaskArn")]
        public string? TaskArn { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): AVAILABLE, CREATING, QUEUED, RUNNING, UNAVAILABLE.
        /// </summary>
        [JsonPropertyName("Status")]
        public string? Status { get; set; }

        /// <summary>
        /// The API member <c>Name</c>.
        /// </summary>
        [JsonPropertyName("Name")]
        public string? Name { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): BASIC, ENHANCED.
        /// </summary>
        [JsonPropertyName("TaskMode")]
        public string? TaskMode { get; set; }
    }

    /// <summary>
    /// The API shape <c>ListTasksResponse</c>.
    /// </summary>
    public sealed class ListTasksResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>Tasks</c>.
        /// </summary>
        [JsonPropertyName("Tasks")]
        public IReadOnlyList<TaskListEntry>? Tasks { get; set; }

        /// <summary>
        /// The API member <c>NextToken</c>.
        /// </summary>
        [JsonPropertyName("NextToken")]
        public string? NextToken { get; set; }
    }

    /// <summary>
    /// The API shape <c>LocationFilter</c>.
    /// </summary>
    public sealed class LocationFilter : ApiShape
    {
        /// <summary>
        /// Known values (kept as a string, the API adds values): LocationUri, LocationType, CreationTime.
        /// </summary>
        [JsonPropertyName("Name")]
        public string? Name { get; set; }

        /// <summary>
        /// The API member <c>Values</c>.
        /// </summary>
        [JsonPropertyName("Values")]
        public IReadOnlyList<string>? Values { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): Equals, NotEquals, In, LessThanOrEqual, LessThan, GreaterThanOrEqual, GreaterThan, Contains, NotContains, BeginsWith.
        /// </summary>
        [JsonPropertyName("Operator")]
        public string? Operator { get; set; }
    }

    /// <summary>
    /// The API shape <c>ListLocationsRequest</c>.
    /// </summary>
    public sealed class ListLocationsRequest : ApiShape
    {
        /// <summary>
        /// The API member <c>MaxResults</c>.
        /// </summary>
        [JsonPropertyName("MaxResults")]
        public int? MaxResults { get; set; }

        /// <summary>
        /// The API member <c>NextToken</c>.
        /// </summary>
        [JsonPropertyName("NextToken")]
        public string? NextToken { get; set; }

        /// <summary>
        /// The API member <c>Filters</c>.
        /// </summary>
        [JsonPropertyName("Filters")]
        public IReadOnlyList<LocationFilter>? Filters { get; set; }
    }

    /// <summary>
    /// The API shape <c>LocationListEntry</c>.
    /// </summary>
    public sealed class LocationListEntry : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }
    }

    /// <summary>
    /// The API shape <c>ListLocationsResponse</c>.
    /// </summary>
    public sealed class ListLocationsResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>Locations</c>.
        /// </summary>
        [JsonPropertyName("Locations")]
        public IReadOnlyList<LocationListEntry>? Locations { get; set; }

        /// <summary>
        /// The API member <c>NextToken</c>.
        /// </summary>
        [JsonPropertyName("NextToken")]
        public string? NextToken { get; set; }
    }

    /// <summary>
    /// The API shape <c>ListAgentsRequest</c>.
    /// </summary>
    public sealed class ListAgentsRequest : ApiShape
    {
        /// <summary>
        /// The API member <c>MaxResults</c>.
        /// </summary>
        [JsonPropertyName("MaxResults")]
        public int? MaxResults { get; set; }

        /// <summary>
        /// The API member <c>NextToken</c>.
        /// </summary>
        [JsonPropertyName("NextToken")]
        public string? NextToken { get; set; }
    }

    /// <summary>
    /// The API shape <c>Platform</c>.
    /// </summary>
    public sealed class Platform : ApiShape
    {
        /// <summary>
        /// The API member <c>Version</c>.
        /// </summary>
        [JsonPropertyName("Version")]
        public string? Version { get; set; }
    }

    /// <summary>
    /// The API shape <c>AgentListEntry</c>.
    /// </summary>
    public sealed class AgentListEntry : ApiShape
    {
        /// <summary>
        /// The API member <c>AgentArn</c>.
        /// </summary>
        [JsonPropertyName("AgentArn")]
        public string? AgentArn { get; set; }

        /// <summary>
        /// The API member <c>Name</c>.
        /// </summary>
        [JsonPropertyName("Name")]
        public string? Name { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): ONLINE, OFFLINE.
        /// </summary>
        [JsonPropertyName("Status")]
        public string? Status { get; set; }

        /// <summary>
        /// The API member <c>Platform</c>.
        /// </summary>
        [JsonPropertyName("Platform")]
        public Platform? Platform { get; set; }
    }

    /// <summary>
    /// The API shape <c>ListAgentsResponse</c>.
    /// </summary>
    public sealed class ListAgentsResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>Agents</c>.
        /// </summary>
        [JsonPropertyName("Agents")]
        public IReadOnlyList<AgentListEntry>? Agents { get; set; }

        /// <summary>
        /// The API member <c>NextToken</c>.
        /// </summary>
        [JsonPropertyName("NextToken")]
        public string? NextToken { get; set; }
    }

    /// <summary>
    /// The API shape <c>ListTaskExecutionsRequest</c>.
    /// </summary>
    public sealed class ListTaskExecutionsRequest : ApiShape
    {
        /// <summary>
        /// The API member <c>TaskArn</c>.
        /// </summary>
        [JsonPropertyName("TaskArn")]
        public string? TaskArn { get; set; }

        /// <summary>
        /// The API member <c>MaxResults</c>.
        /// </summary>
        [JsonPropertyName("MaxResults")]
        public int? MaxResults { get; set; }

        /// <summary>
        /// The API member <c>NextToken</c>.
        /// </summary>
        [JsonPropertyName("NextToken")]
        public string? NextToken { get; set; }
    }

    /// <summary>
    /// The API shape <c>TaskExecutionListEntry</c>.
    /// </summary>
    public sealed class TaskExecutionListEntry : ApiShape
    {
        /// <summary>
        /// The API member <c>TaskExecutionArn</c>.
        /// </summary>
        [JsonPropertyName("TaskExecutionArn")]
        public string? TaskExecutionArn { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): QUEUED, CANCELLING, LAUNCHING, PREPARING, TRANSFERRING, VERIFYING, SUCCESS, ERROR.
        /// </summary>
        [JsonPropertyName("Status")]
        public string? Status { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): BASIC, ENHANCED.
        /// </summary>
        [JsonPropertyName("TaskMode")]
        public string? TaskMode { get; set; }
    }

    /// <summary>
    /// The API shape <c>ListTaskExecutionsResponse</c>.
    /// </summary>
    public sealed class ListTaskExecutionsResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>TaskExecutions</c>.
        /// </summary>
        [JsonPropertyName("TaskExecutions")]
        public IReadOnlyList<TaskExecutionListEntry>? TaskExecutions { get; set; }

        /// <summary>
        /// The API member <c>NextToken</c>.
        /// </summary>
        [JsonPropertyName("NextToken")]
        public string? NextToken { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeTaskRequest</c>.
    /// </summary>
    public sealed class DescribeTaskRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="TaskArn"/>.</summary>
        public DescribeTaskRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeTaskRequest(string taskArn) { TaskArn = taskArn; }

        /// <summary>
        /// The API member <c>TaskArn</c>.
        /// </summary>
        [JsonPropertyName("TaskArn")]
        public string? TaskArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>Options</c>: how a task (or one execution of it) transfers data. Named
    /// TaskOptions here; its JSON member names are the API's.
    /// </summary>
    public sealed class TaskOptions : ApiShape
    {
        /// <summary>
        /// Known values (kept as a string, the API adds values): POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED, NONE.
        /// </summary>
        [JsonPropertyName("VerifyMode")]
        public string? VerifyMode { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): ALWAYS, NEVER.
        /// </summary>
        [JsonPropertyName("OverwriteMode")]
        public string? OverwriteMode { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): NONE, BEST_EFFORT.
        /// </summary>
        [JsonPropertyName("Atime")]
        public string? Atime { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): NONE, PRESERVE.
        /// </summary>
        [JsonPropertyName("Mtime")]
        public string? Mtime { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): NONE, INT_VALUE, NAME, BOTH.
        /// </summary>
        [JsonPropertyName("Uid")]
        public string? Uid { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): NONE, INT_VALUE, NAME, BOTH.
        /// </summary>
        [JsonPropertyName("Gid")]
        public string? Gid { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): PRESERVE, REMOVE.
        /// </summary>
        [JsonPropertyName("PreserveDeletedFiles")]
        public string? PreserveDeletedFiles { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): NONE, PRESERVE.
        /// </summary>
        [JsonPropertyName("PreserveDevices")]
        public string? PreserveDevices { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): NONE, PRESERVE.
        /// </summary>
        [JsonPropertyName("PosixPermissions")]
        public string? PosixPermissions { get; set; }

        /// <summary>
        /// Unit: bytes per second; -1 means no limit.
        /// </summary>
        [JsonPropertyName("BytesPerSecond")]
        public long? BytesPerSecond { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): ENABLED, DISABLED.
        /// </summary>
        [JsonPropertyName("TaskQueueing")]
        public string? TaskQueueing { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): OFF, BASIC, TRANSFER.
        /// </summary>
        [JsonPropertyName("LogLevel")]
        public string? LogLevel { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): CHANGED, ALL.
        /// </summary>
        [JsonPropertyName("TransferMode")]
        public string? TransferMode { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): NONE, OWNER_DACL, OWNER_DACL_SACL.
        /// </summary>
        [JsonPropertyName("SecurityDescriptorCopyFlags")]
        public string? SecurityDescriptorCopyFlags { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): PRESERVE, NONE.
        /// </summary>
        [JsonPropertyName("ObjectTags")]
        public string? ObjectTags { get; set; }
    }

    /// <summary>
    /// The API shape <c>FilterRule</c>.
    /// </summary>
    public sealed class FilterRule : ApiShape
    {
        /// <summary>
        /// Known values (kept as a string, the API adds values): SIMPLE_PATTERN.
        /// </summary>
        [JsonPropertyName("FilterType")]
        public string? FilterType { get; set; }

        /// <summary>
        /// One or more patterns separated by a pipe (|), e.g. "/folder1|/folder2": count patterns, not rules.
        /// </summary>
        [JsonPropertyName("Value")]
        public string? Value { get; set; }
    }

    /// <summary>
    /// The API shape <c>TaskSchedule</c>.
    /// </summary>
    public sealed class TaskSchedule : ApiShape
    {
        /// <summary>
        /// The API member <c>ScheduleExpression</c>.
        /// </summary>
        [JsonPropertyName("ScheduleExpression")]
        public string? ScheduleExpression { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): ENABLED, DISABLED.
        /// </summary>
        [JsonPropertyName("Status")]
        public string? Status { get; set; }
    }

    /// <summary>
    /// The API shape <c>S3ManifestConfig</c>.
    /// </summary>
    public sealed class S3ManifestConfig : ApiShape
    {
        /// <summary>
        /// The API member <c>ManifestObjectPath</c>.
        /// </summary>
        [JsonPropertyName("ManifestObjectPath")]
        public string? ManifestObjectPath { get; set; }

        /// <summary>
        /// The API member <c>BucketAccessRoleArn</c>.
        /// </summary>
        [JsonPropertyName("BucketAccessRoleArn")]
        public string? BucketAccessRoleArn { get; set; }

        /// <summary>
        /// The API member <c>S3BucketArn</c>.
        /// </summary>
        [JsonPropertyName("S3BucketArn")]
        public string? S3BucketArn { get; set; }

        /// <summary>
        /// The API member <c>ManifestObjectVersionId</c>.
        /// </summary>
        [JsonPropertyName("ManifestObjectVersionId")]
        public string? ManifestObjectVersionId { get; set; }
    }

    /// <summary>
    /// The API shape <c>SourceManifestConfig</c>.
    /// </summary>
    public sealed class SourceManifestConfig : ApiShape
    {
        /// <summary>
        /// The API member <c>S3</c>.
        /// </summary>
        [JsonPropertyName("S3")]
        public S3ManifestConfig? S3 { get; set; }
    }

    /// <summary>
    /// The API shape <c>ManifestConfig</c>.
    /// </summary>
    public sealed class ManifestConfig : ApiShape
    {
        /// <summary>
        /// Known values (kept as a string, the API adds values): TRANSFER.
        /// </summary>
        [JsonPropertyName("Action")]
        public string? Action { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): CSV.
        /// </summary>
        [JsonPropertyName("Format")]
        public string? Format { get; set; }

        /// <summary>
        /// The API member <c>Source</c>.
        /// </summary>
        [JsonPropertyName("Source")]
        public SourceManifestConfig? Source { get; set; }
    }

    /// <summary>
    /// The API shape <c>ReportDestinationS3</c>.
    /// </summary>
    public sealed class ReportDestinationS3 : ApiShape
    {
        /// <summary>
        /// The API member <c>Subdirectory</c>.
        /// </summary>
        [JsonPropertyName("Subdirectory")]
        public string? Subdirectory { get; set; }

        /// <summary>
        /// The API member <c>S3BucketArn</c>.
        /// </summary>
        [JsonPropertyName("S3BucketArn")]
        public string? S3BucketArn { get; set; }

        /// <summary>
        /// The API member <c>BucketAccessRoleArn</c>.
        /// </summary>
        [JsonPropertyName("BucketAccessRoleArn")]
        public string? BucketAccessRoleArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>ReportDestination</c>.
    /// </summary>
    public sealed class ReportDestination : ApiShape
    {
        /// <summary>
        /// The API member <c>S3</c>.
        /// </summary>
        [JsonPropertyName("S3")]
        public ReportDestinationS3? S3 { get; set; }
    }

    /// <summary>
    /// The API shape <c>ReportOverride</c>.
    /// </summary>
    public sealed class ReportOverride : ApiShape
    {
        /// <summary>
        /// Known values (kept as a string, the API adds values): ERRORS_ONLY, SUCCESSES_AND_ERRORS.
        /// </summary>
        [JsonPropertyName("ReportLevel")]
        public string? ReportLevel { get; set; }
    }

    /// <summary>
    /// The API shape <c>ReportOverrides</c>.
    /// </summary>
    public sealed class ReportOverrides : ApiShape
    {
        /// <summary>
        /// The API member <c>Transferred</c>.
        /// </summary>
        [JsonPropertyName("Transferred")]
        public ReportOverride? Transferred { get; set; }

        /// <summary>
        /// The API member <c>Verified</c>.
        /// </summary>
        [JsonPropertyName("Verified")]
        public ReportOverride? Verified { get; set; }

        /// <summary>
        /// The API member <c>Deleted</c>.
        /// </summary>
        [JsonPropertyName("Deleted")]
        public ReportOverride? Deleted { get; set; }

        /// <summary>
        /// The API member <c>Skipped</c>.
        /// </summary>
        [JsonPropertyName("Skipped")]
        public ReportOverride? Skipped { get; set; }
    }

    /// <summary>
    /// The API shape <c>TaskReportConfig</c>.
    /// </summary>
    public sealed class TaskReportConfig : ApiShape
    {
        /// <summary>
        /// The API member <c>Destination</c>.
        /// </summary>
        [JsonPropertyName("Destination")]
        public ReportDestination? Destination { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): SUMMARY_ONLY, STANDARD.
        /// </summary>
        [JsonPropertyName("OutputType")]
        public string? OutputType { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): ERRORS_ONLY, SUCCESSES_AND_ERRORS.
        /// </summary>
        [JsonPropertyName("ReportLevel")]
        public string? ReportLevel { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): INCLUDE, NONE.
        /// </summary>
        [JsonPropertyName("ObjectVersionIds")]
        public string? ObjectVersionIds { get; set; }

        /// <summary>
        /// The API member <c>Overrides</c>.
        /// </summary>
        [JsonPropertyName("Overrides")]
        public ReportOverrides? Overrides { get; set; }
    }

    /// <summary>
    /// The API shape <c>TaskScheduleDetails</c>.
    /// </summary>
    public sealed class TaskScheduleDetails : ApiShape
    {
        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("StatusUpdateTime")]
        public DateTime? StatusUpdateTime { get; set; }

        /// <summary>
        /// The API member <c>DisabledReason</c>.
        /// </summary>
        [JsonPropertyName("DisabledReason")]
        public string? DisabledReason { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): USER, SERVICE.
        /// </summary>
        [JsonPropertyName("DisabledBy")]
        public string? DisabledBy { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeTaskResponse</c>.
    /// </summary>
    public sealed class DescribeTaskResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>TaskArn</c>.
        /// </summary>
        [JsonPropertyName("TaskArn")]
        public string? TaskArn { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): AVAILABLE, CREATING, QUEUED, RUNNING, UNAVAILABLE.
        /// </summary>
        [JsonPropertyName("Status")]
        public string? Status { get; set; }

        /// <summary>
        /// The API member <c>Name</c>.
        /// </summary>
        [JsonPropertyName("Name")]
        public string? Name { get; set; }

        /// <summary>
        /// The API member <c>CurrentTaskExecutionArn</c>.
        /// </summary>
        [JsonPropertyName("CurrentTaskExecutionArn")]
        public string? CurrentTaskExecutionArn { get; set; }

        /// <summary>
        /// The API member <c>SourceLocationArn</c>.
        /// </summary>
        [JsonPropertyName("SourceLocationArn")]
        public string? SourceLocationArn { get; set; }

        /// <summary>
        /// The API member <c>DestinationLocationArn</c>.
        /// </summary>
        [JsonPropertyName("DestinationLocationArn")]
        public string? DestinationLocationArn { get; set; }

        /// <summary>
        /// The API member <c>CloudWatchLogGroupArn</c>.
        /// </summary>
        [JsonPropertyName("CloudWatchLogGroupArn")]
        public string? CloudWatchLogGroupArn { get; set; }

        /// <summary>
        /// The API member <c>SourceNetworkInterfaceArns</c>.
        /// </summary>
        [JsonPropertyName("SourceNetworkInterfaceArns")]
        public IReadOnlyList<string>? SourceNetworkInterfaceArns { get; set; }

        /// <summary>
        /// The API member <c>DestinationNetworkInterfaceArns</c>.
        /// </summary>
        [JsonPropertyName("DestinationNetworkInterfaceArns")]
        public IReadOnlyList<string>? DestinationNetworkInterfaceArns { get; set; }

        /// <summary>
        /// The API member <c>Options</c>.
        /// </summary>
        [JsonPropertyName("Options")]
        public TaskOptions? Options { get; set; }

        /// <summary>
        /// The API member <c>Excludes</c>.
        /// </summary>
        [JsonPropertyName("Excludes")]
        public IReadOnlyList<FilterRule>? Excludes { get; set; }

        /// <summary>
        /// The API member <c>Schedule</c>.
        /// </summary>
        [JsonPropertyName("Schedule")]
        public TaskSchedule? Schedule { get; set; }

        /// <summary>
        /// The API member <c>ErrorCode</c>.
        /// </summary>
        [JsonPropertyName("ErrorCode")]
        public string? ErrorCode { get; set; }

        /// <summary>
        /// The API member <c>ErrorDetail</c>.
        /// </summary>
        [JsonPropertyName("ErrorDetail")]
        public string? ErrorDetail { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }

        /// <summary>
        /// The API member <c>Includes</c>.
        /// </summary>
        [JsonPropertyName("Includes")]
        public IReadOnlyList<FilterRule>? Includes { get; set; }

        /// <summary>
        /// The API member <c>ManifestConfig</c>.
        /// </summary>
        [JsonPropertyName("ManifestConfig")]
        public ManifestConfig? ManifestConfig { get; set; }

        /// <summary>
        /// The API member <c>TaskReportConfig</c>.
        /// </summary>
        [JsonPropertyName("TaskReportConfig")]
        public TaskReportConfig? TaskReportConfig { get; set; }

        /// <summary>
        /// The API member <c>ScheduleDetails</c>.
        /// </summary>
        [JsonPropertyName("ScheduleDetails")]
        public TaskScheduleDetails? ScheduleDetails { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): BASIC, ENHANCED.
        /// </summary>
        [JsonPropertyName("TaskMode")]
        public string? TaskMode { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeAgentRequest</c>.
    /// </summary>
    public sealed class DescribeAgentRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="AgentArn"/>.</summary>
        public DescribeAgentRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeAgentRequest(string agentArn) { AgentArn = agentArn; }

        /// <summary>
        /// The API member <c>AgentArn</c>.
        /// </summary>
        [JsonPropertyName("AgentArn")]
        public string? AgentArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>PrivateLinkConfig</c>.
    /// </summary>
    public sealed class PrivateLinkConfig : ApiShape
    {
        /// <summary>
        /// The API member <c>VpcEndpointId</c>.
        /// </summary>
        [JsonPropertyName("VpcEndpointId")]
        public string? VpcEndpointId { get; set; }

        /// <summary>
        /// The API member <c>PrivateLinkEndpoint</c>.
        /// </summary>
        [JsonPropertyName("PrivateLinkEndpoint")]
        public string? PrivateLinkEndpoint { get; set; }

        /// <summary>
        /// The API member <c>SubnetArns</c>.
        /// </summary>
        [JsonPropertyName("SubnetArns")]
        public IReadOnlyList<string>? SubnetArns { get; set; }

        /// <summary>
        /// The API member <c>SecurityGroupArns</c>.
        /// </summary>
        [JsonPropertyName("SecurityGroupArns")]
        public IReadOnlyList<string>? SecurityGroupArns { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeAgentResponse</c>.
    /// </summary>
    public sealed class DescribeAgentResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>AgentArn</c>.
        /// </summary>
        [JsonPropertyName("AgentArn")]
        public string? AgentArn { get; set; }

        /// <summary>
        /// The API member <c>Name</c>.
        /// </summary>
        [JsonPropertyName("Name")]
        public string? Name { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): ONLINE, OFFLINE.
        /// </summary>
        [JsonPropertyName("Status")]
        public string? Status { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// The agent's last heartbeat.
        /// </summary>
        [JsonPropertyName("LastConnectionTime")]
        public DateTime? LastConnectionTime { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): PUBLIC, PRIVATE_LINK, FIPS, FIPS_PRIVATE_LINK.
        /// </summary>
        [JsonPropertyName("EndpointType")]
        public string? EndpointType { get; set; }

        /// <summary>
        /// The API member <c>PrivateLinkConfig</c>.
        /// </summary>
        [JsonPropertyName("PrivateLinkConfig")]
        public PrivateLinkConfig? PrivateLinkConfig { get; set; }

        /// <summary>
        /// The API member <c>Platform</c>.
        /// </summary>
        [JsonPropertyName("Platform")]
        public Platform? Platform { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeTaskExecutionRequest</c>.
    /// </summary>
    public sealed class DescribeTaskExecutionRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="TaskExecutionArn"/>.</summary>
        public DescribeTaskExecutionRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeTaskExecutionRequest(string taskExecutionArn) { TaskExecutionArn = taskExecutionArn; }

        /// <summary>
        /// The API member <c>TaskExecutionArn</c>.
        /// </summary>
        [JsonPropertyName("TaskExecutionArn")]
        public string? TaskExecutionArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>TaskExecutionResultDetail</c>.
    /// </summary>
    public sealed class TaskExecutionResultDetail : ApiShape
    {
        /// <summary>
        /// Unit: MILLISECONDS (the API reference: "how long ... in milliseconds"), kept as the API gives it.
        /// </summary>
        [JsonPropertyName("PrepareDuration")]
        public long? PrepareDuration { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): PENDING, SUCCESS, ERROR.
        /// </summary>
        [JsonPropertyName("PrepareStatus")]
        public string? PrepareStatus { get; set; }

        /// <summary>
        /// Unit: MILLISECONDS (the API reference: "how long ... in milliseconds"), kept as the API gives it.
        /// </summary>
        [JsonPropertyName("TotalDuration")]
        public long? TotalDuration { get; set; }

        /// <summary>
        /// Unit: MILLISECONDS (the API reference: "how long ... in milliseconds"), kept as the API gives it.
        /// </summary>
        [JsonPropertyName("TransferDuration")]
        public long? TransferDuration { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): PENDING, SUCCESS, ERROR.
        /// </summary>
        [JsonPropertyName("TransferStatus")]
        public string? TransferStatus { get; set; }

        /// <summary>
        /// Unit: MILLISECONDS (the API reference: "how long ... in milliseconds"), kept as the API gives it.
        /// </summary>
        [JsonPropertyName("VerifyDuration")]
        public long? VerifyDuration { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): PENDING, SUCCESS, ERROR.
        /// </summary>
        [JsonPropertyName("VerifyStatus")]
        public string? VerifyStatus { get; set; }

        /// <summary>
        /// The API member <c>ErrorCode</c>.
        /// </summary>
        [JsonPropertyName("ErrorCode")]
        public string? ErrorCode { get; set; }

        /// <summary>
        /// The API member <c>ErrorDetail</c>.
        /// </summary>
        [JsonPropertyName("ErrorDetail")]
        public string? ErrorDetail { get; set; }
    }

    /// <summary>
    /// The API shape <c>ReportResult</c>.
    /// </summary>
    public sealed class ReportResult : ApiShape
    {
        /// <summary>
        /// Known values (kept as a string, the API adds values): PENDING, SUCCESS, ERROR.
        /// </summary>
        [JsonPropertyName("Status")]
        public string? Status { get; set; }

        /// <summary>
        /// The API member <c>ErrorCode</c>.
        /// </summary>
        [JsonPropertyName("ErrorCode")]
        public string? ErrorCode { get; set; }

        /// <summary>
        /// The API member <c>ErrorDetail</c>.
        /// </summary>
        [JsonPropertyName("ErrorDetail")]
        public string? ErrorDetail { get; set; }
    }

    /// <summary>
    /// The API shape <c>TaskExecutionFilesListedDetail</c>.
    /// </summary>
    public sealed class TaskExecutionFilesListedDetail : ApiShape
    {
        /// <summary>
        /// The API member <c>AtSource</c>.
        /// </summary>
        [JsonPropertyName("AtSource")]
        public long? AtSource { get; set; }

        /// <summary>
        /// The API member <c>AtDestinationForDelete</c>.
        /// </summary>
        [JsonPropertyName("AtDestinationForDelete")]
        public long? AtDestinationForDelete { get; set; }
    }

    /// <summary>
    /// The API shape <c>TaskExecutionFilesFailedDetail</c>.
    /// </summary>
    public sealed class TaskExecutionFilesFailedDetail : ApiShape
    {
        /// <summary>
        /// The API member <c>Prepare</c>.
        /// </summary>
        [JsonPropertyName("Prepare")]
        public long? Prepare { get; set; }

        /// <summary>
        /// The API member <c>Transfer</c>.
        /// </summary>
        [JsonPropertyName("Transfer")]
        public long? Transfer { get; set; }

        /// <summary>
        /// The API member <c>Verify</c>.
        /// </summary>
        [JsonPropertyName("Verify")]
        public long? Verify { get; set; }

        /// <summary>
        /// The API member <c>Delete</c>.
        /// </summary>
        [JsonPropertyName("Delete")]
        public long? Delete { get; set; }
    }

    /// <summary>
    /// The API shape <c>TaskExecutionFoldersListedDetail</c>.
    /// </summary>
    public sealed class TaskExecutionFoldersListedDetail : ApiShape
    {
        /// <summary>
        /// The API member <c>AtSource</c>.
        /// </summary>
        [JsonPropertyName("AtSource")]
        public long? AtSource { get; set; }

        /// <summary>
        /// The API member <c>AtDestinationForDelete</c>.
        /// </summary>
        [JsonPropertyName("AtDestinationForDelete")]
        public long? AtDestinationForDelete { get; set; }
    }

    /// <summary>
    /// The API shape <c>TaskExecutionFoldersFailedDetail</c>.
    /// </summary>
    public sealed class TaskExecutionFoldersFailedDetail : ApiShape
    {
        /// <summary>
        /// The API member <c>List</c>.
        /// </summary>
        [JsonPropertyName("List")]
        public long? List { get; set; }

        /// <summary>
        /// The API member <c>Prepare</c>.
        /// </summary>
        [JsonPropertyName("Prepare")]
        public long? Prepare { get; set; }

        /// <summary>
        /// The API member <c>Transfer</c>.
        /// </summary>
        [JsonPropertyName("Transfer")]
        public long? Transfer { get; set; }

        /// <summary>
        /// The API member <c>Verify</c>.
        /// </summary>
        [JsonPropertyName("Verify")]
        public long? Verify { get; set; }

        /// <summary>
        /// The API member <c>Delete</c>.
        /// </summary>
        [JsonPropertyName("Delete")]
        public long? Delete { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeTaskExecutionResponse</c>.
    /// </summary>
    public sealed class DescribeTaskExecutionResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>TaskExecutionArn</c>.
        /// </summary>
        [JsonPropertyName("TaskExecutionArn")]
        public string? TaskExecutionArn { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): QUEUED, CANCELLING, LAUNCHING, PREPARING, TRANSFERRING, VERIFYING, SUCCESS, ERROR.
        /// </summary>
        [JsonPropertyName("Status")]
        public string? Status { get; set; }

        /// <summary>
        /// The API member <c>Options</c>.
        /// </summary>
        [JsonPropertyName("Options")]
        public TaskOptions? Options { get; set; }

        /// <summary>
        /// The API member <c>Excludes</c>.
        /// </summary>
        [JsonPropertyName("Excludes")]
        public IReadOnlyList<FilterRule>? Excludes { get; set; }

        /// <summary>
        /// The API member <c>Includes</c>.
        /// </summary>
        [JsonPropertyName("Includes")]
        public IReadOnlyList<FilterRule>? Includes { get; set; }

        /// <summary>
        /// The API member <c>ManifestConfig</c>.
        /// </summary>
        [JsonPropertyName("ManifestConfig")]
        public ManifestConfig? ManifestConfig { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("StartTime")]
        public DateTime? StartTime { get; set; }

        /// <summary>
        /// The API member <c>EstimatedFilesToTransfer</c>.
        /// </summary>
        [JsonPropertyName("EstimatedFilesToTransfer")]
        public long? EstimatedFilesToTransfer { get; set; }

        /// <summary>
        /// The API member <c>EstimatedBytesToTransfer</c>.
        /// </summary>
        [JsonPropertyName("EstimatedBytesToTransfer")]
        public long? EstimatedBytesToTransfer { get; set; }

        /// <summary>
        /// Top-level count (not in Result).
        /// </summary>
        [JsonPropertyName("FilesTransferred")]
        public long? FilesTransferred { get; set; }

        /// <summary>
        /// The API member <c>BytesWritten</c>.
        /// </summary>
        [JsonPropertyName("BytesWritten")]
        public long? BytesWritten { get; set; }

        /// <summary>
        /// Top-level count in bytes (not in Result).
        /// </summary>
        [JsonPropertyName("BytesTransferred")]
        public long? BytesTransferred { get; set; }

        /// <summary>
        /// The API member <c>BytesCompressed</c>.
        /// </summary>
        [JsonPropertyName("BytesCompressed")]
        public long? BytesCompressed { get; set; }

        /// <summary>
        /// Phase statuses and durations (milliseconds) and the execution error, if any.
        /// </summary>
        [JsonPropertyName("Result")]
        public TaskExecutionResultDetail? Result { get; set; }

        /// <summary>
        /// The API member <c>TaskReportConfig</c>.
        /// </summary>
        [JsonPropertyName("TaskReportConfig")]
        public TaskReportConfig? TaskReportConfig { get; set; }

        /// <summary>
        /// The API member <c>FilesDeleted</c>.
        /// </summary>
        [JsonPropertyName("FilesDeleted")]
        public long? FilesDeleted { get; set; }

        /// <summary>
        /// The API member <c>FilesSkipped</c>.
        /// </summary>
        [JsonPropertyName("FilesSkipped")]
        public long? FilesSkipped { get; set; }

        /// <summary>
        /// The API member <c>FilesVerified</c>.
        /// </summary>
        [JsonPropertyName("FilesVerified")]
        public long? FilesVerified { get; set; }

        /// <summary>
        /// The API member <c>ReportResult</c>.
        /// </summary>
        [JsonPropertyName("ReportResult")]
        public ReportResult? ReportResult { get; set; }

        /// <summary>
        /// The API member <c>EstimatedFilesToDelete</c>.
        /// </summary>
        [JsonPropertyName("EstimatedFilesToDelete")]
        public long? EstimatedFilesToDelete { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): BASIC, ENHANCED.
        /// </summary>
        [JsonPropertyName("TaskMode")]
        public string? TaskMode { get; set; }

        /// <summary>
        /// The API member <c>FilesPrepared</c>.
        /// </summary>
        [JsonPropertyName("FilesPrepared")]
        public long? FilesPrepared { get; set; }

        /// <summary>
        /// The API member <c>FilesListed</c>.
        /// </summary>
        [JsonPropertyName("FilesListed")]
        public TaskExecutionFilesListedDetail? FilesListed { get; set; }

        /// <summary>
        /// Enhanced mode only; the number of files that failed is the sum of its phases.
        /// </summary>
        [JsonPropertyName("FilesFailed")]
        public TaskExecutionFilesFailedDetail? FilesFailed { get; set; }

        /// <summary>
        /// The API member <c>EstimatedFoldersToDelete</c>.
        /// </summary>
        [JsonPropertyName("EstimatedFoldersToDelete")]
        public long? EstimatedFoldersToDelete { get; set; }

        /// <summary>
        /// The API member <c>EstimatedFoldersToTransfer</c>.
        /// </summary>
        [JsonPropertyName("EstimatedFoldersToTransfer")]
        public long? EstimatedFoldersToTransfer { get; set; }

        /// <summary>
        /// The API member <c>FoldersSkipped</c>.
        /// </summary>
        [JsonPropertyName("FoldersSkipped")]
        public long? FoldersSkipped { get; set; }

        /// <summary>
        /// The API member <c>FoldersPrepared</c>.
        /// </summary>
        [JsonPropertyName("FoldersPrepared")]
        public long? FoldersPrepared { get; set; }

        /// <summary>
        /// The API member <c>FoldersTransferred</c>.
        /// </summary>
        [JsonPropertyName("FoldersTransferred")]
        public long? FoldersTransferred { get; set; }

        /// <summary>
        /// The API member <c>FoldersVerified</c>.
        /// </summary>
        [JsonPropertyName("FoldersVerified")]
        public long? FoldersVerified { get; set; }

        /// <summary>
        /// The API member <c>FoldersDeleted</c>.
        /// </summary>
        [JsonPropertyName("FoldersDeleted")]
        public long? FoldersDeleted { get; set; }

        /// <summary>
        /// The API member <c>FoldersListed</c>.
        /// </summary>
        [JsonPropertyName("FoldersListed")]
        public TaskExecutionFoldersListedDetail? FoldersListed { get; set; }

        /// <summary>
        /// The API member <c>FoldersFailed</c>.
        /// </summary>
        [JsonPropertyName("FoldersFailed")]
        public TaskExecutionFoldersFailedDetail? FoldersFailed { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("LaunchTime")]
        public DateTime? LaunchTime { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("EndTime")]
        public DateTime? EndTime { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationS3Request</c>.
    /// </summary>
    public sealed class DescribeLocationS3Request : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationS3Request() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationS3Request(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>S3Config</c>.
    /// </summary>
    public sealed class S3Config : ApiShape
    {
        /// <summary>
        /// The API member <c>BucketAccessRoleArn</c>.
        /// </summary>
        [JsonPropertyName("BucketAccessRoleArn")]
        public string? BucketAccessRoleArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationS3Response</c>.
    /// </summary>
    public sealed class DescribeLocationS3Response : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER, DEEP_ARCHIVE, OUTPOSTS, GLACIER_INSTANT_RETRIEVAL.
        /// </summary>
        [JsonPropertyName("S3StorageClass")]
        public string? S3StorageClass { get; set; }

        /// <summary>
        /// The API member <c>S3Config</c>.
        /// </summary>
        [JsonPropertyName("S3Config")]
        public S3Config? S3Config { get; set; }

        /// <summary>
        /// The API member <c>AgentArns</c>.
        /// </summary>
        [JsonPropertyName("AgentArns")]
        public IReadOnlyList<string>? AgentArns { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationEfsRequest</c>.
    /// </summary>
    public sealed class DescribeLocationEfsRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationEfsRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationEfsRequest(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>Ec2Config</c>.
    /// </summary>
    public sealed class Ec2Config : ApiShape
    {
        /// <summary>
        /// The API member <c>SubnetArn</c>.
        /// </summary>
        [JsonPropertyName("SubnetArn")]
        public string? SubnetArn { get; set; }

        /// <summary>
        /// The API member <c>SecurityGroupArns</c>.
        /// </summary>
        [JsonPropertyName("SecurityGroupArns")]
        public IReadOnlyList<string>? SecurityGroupArns { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationEfsResponse</c>.
    /// </summary>
    public sealed class DescribeLocationEfsResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// The API member <c>Ec2Config</c>.
        /// </summary>
        [JsonPropertyName("Ec2Config")]
        public Ec2Config? Ec2Config { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }

        /// <summary>
        /// The API member <c>AccessPointArn</c>.
        /// </summary>
        [JsonPropertyName("AccessPointArn")]
        public string? AccessPointArn { get; set; }

        /// <summary>
        /// The API member <c>FileSystemAccessRoleArn</c>.
        /// </summary>
        [JsonPropertyName("FileSystemAccessRoleArn")]
        public string? FileSystemAccessRoleArn { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): NONE, TLS1_2.
        /// </summary>
        [JsonPropertyName("InTransitEncryption")]
        public string? InTransitEncryption { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationFsxWindowsRequest</c>.
    /// </summary>
    public sealed class DescribeLocationFsxWindowsRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationFsxWindowsRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationFsxWindowsRequest(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>ManagedSecretConfig</c>.
    /// </summary>
    public sealed class ManagedSecretConfig : ApiShape
    {
        /// <summary>
        /// The API member <c>SecretArn</c>.
        /// </summary>
        [JsonPropertyName("SecretArn")]
        public string? SecretArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>CmkSecretConfig</c>.
    /// </summary>
    public sealed class CmkSecretConfig : ApiShape
    {
        /// <summary>
        /// The API member <c>SecretArn</c>.
        /// </summary>
        [JsonPropertyName("SecretArn")]
        public string? SecretArn { get; set; }

        /// <summary>
        /// The API member <c>KmsKeyArn</c>.
        /// </summary>
        [JsonPropertyName("KmsKeyArn")]
        public string? KmsKeyArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>CustomSecretConfig</c>.
    /// </summary>
    public sealed class CustomSecretConfig : ApiShape
    {
        /// <summary>
        /// The API member <c>SecretArn</c>.
        /// </summary>
        [JsonPropertyName("SecretArn")]
        public string? SecretArn { get; set; }

        /// <summary>
        /// The API member <c>SecretAccessRoleArn</c>.
        /// </summary>
        [JsonPropertyName("SecretAccessRoleArn")]
        public string? SecretAccessRoleArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationFsxWindowsResponse</c>.
    /// </summary>
    public sealed class DescribeLocationFsxWindowsResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// The API member <c>SecurityGroupArns</c>.
        /// </summary>
        [JsonPropertyName("SecurityGroupArns")]
        public IReadOnlyList<string>? SecurityGroupArns { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }

        /// <summary>
        /// The API member <c>User</c>.
        /// </summary>
        [JsonPropertyName("User")]
        public string? User { get; set; }

        /// <summary>
        /// The API member <c>Domain</c>.
        /// </summary>
        [JsonPropertyName("Domain")]
        public string? Domain { get; set; }

        /// <summary>
        /// The API member <c>ManagedSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("ManagedSecretConfig")]
        public ManagedSecretConfig? ManagedSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CmkSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CmkSecretConfig")]
        public CmkSecretConfig? CmkSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CustomSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CustomSecretConfig")]
        public CustomSecretConfig? CustomSecretConfig { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationFsxLustreRequest</c>.
    /// </summary>
    public sealed class DescribeLocationFsxLustreRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationFsxLustreRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationFsxLustreRequest(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationFsxLustreResponse</c>.
    /// </summary>
    public sealed class DescribeLocationFsxLustreResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// The API member <c>SecurityGroupArns</c>.
        /// </summary>
        [JsonPropertyName("SecurityGroupArns")]
        public IReadOnlyList<string>? SecurityGroupArns { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationFsxOpenZfsRequest</c>.
    /// </summary>
    public sealed class DescribeLocationFsxOpenZfsRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationFsxOpenZfsRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationFsxOpenZfsRequest(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>NfsMountOptions</c>.
    /// </summary>
    public sealed class NfsMountOptions : ApiShape
    {
        /// <summary>
        /// Known values (kept as a string, the API adds values): AUTOMATIC, NFS3, NFS4_0, NFS4_1.
        /// </summary>
        [JsonPropertyName("Version")]
        public string? Version { get; set; }
    }

    /// <summary>
    /// The API shape <c>FsxProtocolNfs</c>.
    /// </summary>
    public sealed class FsxProtocolNfs : ApiShape
    {
        /// <summary>
        /// The API member <c>MountOptions</c>.
        /// </summary>
        [JsonPropertyName("MountOptions")]
        public NfsMountOptions? MountOptions { get; set; }
    }

    /// <summary>
    /// The API shape <c>SmbMountOptions</c>.
    /// </summary>
    public sealed class SmbMountOptions : ApiShape
    {
        /// <summary>
        /// Known values (kept as a string, the API adds values): AUTOMATIC, SMB2, SMB3, SMB1, SMB2_0.
        /// </summary>
        [JsonPropertyName("Version")]
        public string? Version { get; set; }
    }

    /// <summary>
    /// The API shape <c>FsxProtocolSmb</c>.
    /// </summary>
    public sealed class FsxProtocolSmb : ApiShape
    {
        /// <summary>
        /// The API member <c>Domain</c>.
        /// </summary>
        [JsonPropertyName("Domain")]
        public string? Domain { get; set; }

        /// <summary>
        /// The API member <c>MountOptions</c>.
        /// </summary>
        [JsonPropertyName("MountOptions")]
        public SmbMountOptions? MountOptions { get; set; }

        /// <summary>
        /// The API member <c>Password</c>.
        /// </summary>
        [JsonPropertyName("Password")]
        public string? Password { get; set; }

        /// <summary>
        /// The API member <c>User</c>.
        /// </summary>
        [JsonPropertyName("User")]
        public string? User { get; set; }

        /// <summary>
        /// The API member <c>ManagedSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("ManagedSecretConfig")]
        public ManagedSecretConfig? ManagedSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CmkSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CmkSecretConfig")]
        public CmkSecretConfig? CmkSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CustomSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CustomSecretConfig")]
        public CustomSecretConfig? CustomSecretConfig { get; set; }
    }

    /// <summary>
    /// The API shape <c>FsxProtocol</c>.
    /// </summary>
    public sealed class FsxProtocol : ApiShape
    {
        /// <summary>
        /// The API member <c>NFS</c>.
        /// </summary>
        [JsonPropertyName("NFS")]
        public FsxProtocolNfs? Nfs { get; set; }

        /// <summary>
        /// The API member <c>SMB</c>.
        /// </summary>
        [JsonPropertyName("SMB")]
        public FsxProtocolSmb? Smb { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationFsxOpenZfsResponse</c>.
    /// </summary>
    public sealed class DescribeLocationFsxOpenZfsResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// The API member <c>SecurityGroupArns</c>.
        /// </summary>
        [JsonPropertyName("SecurityGroupArns")]
        public IReadOnlyList<string>? SecurityGroupArns { get; set; }

        /// <summary>
        /// The API member <c>Protocol</c>.
        /// </summary>
        [JsonPropertyName("Protocol")]
        public FsxProtocol? Protocol { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationFsxOntapRequest</c>.
    /// </summary>
    public sealed class DescribeLocationFsxOntapRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationFsxOntapRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationFsxOntapRequest(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationFsxOntapResponse</c>.
    /// </summary>
    public sealed class DescribeLocationFsxOntapResponse : ApiShape
    {
        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// The API member <c>Protocol</c>.
        /// </summary>
        [JsonPropertyName("Protocol")]
        public FsxProtocol? Protocol { get; set; }

        /// <summary>
        /// The API member <c>SecurityGroupArns</c>.
        /// </summary>
        [JsonPropertyName("SecurityGroupArns")]
        public IReadOnlyList<string>? SecurityGroupArns { get; set; }

        /// <summary>
        /// The API member <c>StorageVirtualMachineArn</c>.
        /// </summary>
        [JsonPropertyName("StorageVirtualMachineArn")]
        public string? StorageVirtualMachineArn { get; set; }

        /// <summary>
        /// The API member <c>FsxFilesystemArn</c>.
        /// </summary>
        [JsonPropertyName("FsxFilesystemArn")]
        public string? FsxFilesystemArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationNfsRequest</c>.
    /// </summary>
    public sealed class DescribeLocationNfsRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationNfsRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationNfsRequest(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>OnPremConfig</c>.
    /// </summary>
    public sealed class OnPremConfig : ApiShape
    {
        /// <summary>
        /// The API member <c>AgentArns</c>.
        /// </summary>
        [JsonPropertyName("AgentArns")]
        public IReadOnlyList<string>? AgentArns { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationNfsResponse</c>.
    /// </summary>
    public sealed class DescribeLocationNfsResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// The API member <c>OnPremConfig</c>.
        /// </summary>
        [JsonPropertyName("OnPremConfig")]
        public OnPremConfig? OnPremConfig { get; set; }

        /// <summary>
        /// The API member <c>MountOptions</c>.
        /// </summary>
        [JsonPropertyName("MountOptions")]
        public NfsMountOptions? MountOptions { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationSmbRequest</c>.
    /// </summary>
    public sealed class DescribeLocationSmbRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationSmbRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationSmbRequest(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationSmbResponse</c>.
    /// </summary>
    public sealed class DescribeLocationSmbResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// The API member <c>AgentArns</c>.
        /// </summary>
        [JsonPropertyName("AgentArns")]
        public IReadOnlyList<string>? AgentArns { get; set; }

        /// <summary>
        /// The API member <c>User</c>.
        /// </summary>
        [JsonPropertyName("User")]
        public string? User { get; set; }

        /// <summary>
        /// The API member <c>Domain</c>.
        /// </summary>
        [JsonPropertyName("Domain")]
        public string? Domain { get; set; }

        /// <summary>
        /// The API member <c>MountOptions</c>.
        /// </summary>
        [JsonPropertyName("MountOptions")]
        public SmbMountOptions? MountOptions { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }

        /// <summary>
        /// The API member <c>DnsIpAddresses</c>.
        /// </summary>
        [JsonPropertyName("DnsIpAddresses")]
        public IReadOnlyList<string>? DnsIpAddresses { get; set; }

        /// <summary>
        /// The API member <c>KerberosPrincipal</c>.
        /// </summary>
        [JsonPropertyName("KerberosPrincipal")]
        public string? KerberosPrincipal { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): NTLM, KERBEROS.
        /// </summary>
        [JsonPropertyName("AuthenticationType")]
        public string? AuthenticationType { get; set; }

        /// <summary>
        /// The API member <c>ManagedSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("ManagedSecretConfig")]
        public ManagedSecretConfig? ManagedSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CmkSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CmkSecretConfig")]
        public CmkSecretConfig? CmkSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CustomSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CustomSecretConfig")]
        public CustomSecretConfig? CustomSecretConfig { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationHdfsRequest</c>.
    /// </summary>
    public sealed class DescribeLocationHdfsRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationHdfsRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationHdfsRequest(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>HdfsNameNode</c>.
    /// </summary>
    public sealed class HdfsNameNode : ApiShape
    {
        /// <summary>
        /// The API member <c>Hostname</c>.
        /// </summary>
        [JsonPropertyName("Hostname")]
        public string? Hostname { get; set; }

        /// <summary>
        /// TCP port of the NameNode.
        /// </summary>
        [JsonPropertyName("Port")]
        public int? Port { get; set; }
    }

    /// <summary>
    /// The API shape <c>QopConfiguration</c>.
    /// </summary>
    public sealed class QopConfiguration : ApiShape
    {
        /// <summary>
        /// Known values (kept as a string, the API adds values): DISABLED, AUTHENTICATION, INTEGRITY, PRIVACY.
        /// </summary>
        [JsonPropertyName("RpcProtection")]
        public string? RpcProtection { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): DISABLED, AUTHENTICATION, INTEGRITY, PRIVACY.
        /// </summary>
        [JsonPropertyName("DataTransferProtection")]
        public string? DataTransferProtection { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationHdfsResponse</c>.
    /// </summary>
    public sealed class DescribeLocationHdfsResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// The API member <c>NameNodes</c>.
        /// </summary>
        [JsonPropertyName("NameNodes")]
        public IReadOnlyList<HdfsNameNode>? NameNodes { get; set; }

        /// <summary>
        /// Bytes.
        /// </summary>
        [JsonPropertyName("BlockSize")]
        public int? BlockSize { get; set; }

        /// <summary>
        /// The API member <c>ReplicationFactor</c>.
        /// </summary>
        [JsonPropertyName("ReplicationFactor")]
        public int? ReplicationFactor { get; set; }

        /// <summary>
        /// The API member <c>KmsKeyProviderUri</c>.
        /// </summary>
        [JsonPropertyName("KmsKeyProviderUri")]
        public string? KmsKeyProviderUri { get; set; }

        /// <summary>
        /// The API member <c>QopConfiguration</c>.
        /// </summary>
        [JsonPropertyName("QopConfiguration")]
        public QopConfiguration? QopConfiguration { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): SIMPLE, KERBEROS.
        /// </summary>
        [JsonPropertyName("AuthenticationType")]
        public string? AuthenticationType { get; set; }

        /// <summary>
        /// The API member <c>SimpleUser</c>.
        /// </summary>
        [JsonPropertyName("SimpleUser")]
        public string? SimpleUser { get; set; }

        /// <summary>
        /// The API member <c>KerberosPrincipal</c>.
        /// </summary>
        [JsonPropertyName("KerberosPrincipal")]
        public string? KerberosPrincipal { get; set; }

        /// <summary>
        /// The API member <c>AgentArns</c>.
        /// </summary>
        [JsonPropertyName("AgentArns")]
        public IReadOnlyList<string>? AgentArns { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }

        /// <summary>
        /// The API member <c>ManagedSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("ManagedSecretConfig")]
        public ManagedSecretConfig? ManagedSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CmkSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CmkSecretConfig")]
        public CmkSecretConfig? CmkSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CustomSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CustomSecretConfig")]
        public CustomSecretConfig? CustomSecretConfig { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationObjectStorageRequest</c>.
    /// </summary>
    public sealed class DescribeLocationObjectStorageRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationObjectStorageRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationObjectStorageRequest(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationObjectStorageResponse</c>.
    /// </summary>
    public sealed class DescribeLocationObjectStorageResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// The API member <c>AccessKey</c>.
        /// </summary>
        [JsonPropertyName("AccessKey")]
        public string? AccessKey { get; set; }

        /// <summary>
        /// The API member <c>ServerPort</c>.
        /// </summary>
        [JsonPropertyName("ServerPort")]
        public int? ServerPort { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): HTTPS, HTTP.
        /// </summary>
        [JsonPropertyName("ServerProtocol")]
        public string? ServerProtocol { get; set; }

        /// <summary>
        /// The API member <c>AgentArns</c>.
        /// </summary>
        [JsonPropertyName("AgentArns")]
        public IReadOnlyList<string>? AgentArns { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }

        /// <summary>
        /// On the wire: a base64 string; here the decoded bytes.
        /// </summary>
        [JsonPropertyName("ServerCertificate")]
        public byte[]? ServerCertificate { get; set; }

        /// <summary>
        /// The API member <c>ManagedSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("ManagedSecretConfig")]
        public ManagedSecretConfig? ManagedSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CmkSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CmkSecretConfig")]
        public CmkSecretConfig? CmkSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CustomSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CustomSecretConfig")]
        public CustomSecretConfig? CustomSecretConfig { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationAzureBlobRequest</c>.
    /// </summary>
    public sealed class DescribeLocationAzureBlobRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="LocationArn"/>.</summary>
        public DescribeLocationAzureBlobRequest() { }

        /// <summary>A request for one resource.</summary>
        public DescribeLocationAzureBlobRequest(string locationArn) { LocationArn = locationArn; }

        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }
    }

    /// <summary>
    /// The API shape <c>DescribeLocationAzureBlobResponse</c>.
    /// </summary>
    public sealed class DescribeLocationAzureBlobResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>LocationArn</c>.
        /// </summary>
        [JsonPropertyName("LocationArn")]
        public string? LocationArn { get; set; }

        /// <summary>
        /// The API member <c>LocationUri</c>.
        /// </summary>
        [JsonPropertyName("LocationUri")]
        public string? LocationUri { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): SAS, NONE.
        /// </summary>
        [JsonPropertyName("AuthenticationType")]
        public string? AuthenticationType { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): BLOCK.
        /// </summary>
        [JsonPropertyName("BlobType")]
        public string? BlobType { get; set; }

        /// <summary>
        /// Known values (kept as a string, the API adds values): HOT, COOL, ARCHIVE.
        /// </summary>
        [JsonPropertyName("AccessTier")]
        public string? AccessTier { get; set; }

        /// <summary>
        /// The API member <c>AgentArns</c>.
        /// </summary>
        [JsonPropertyName("AgentArns")]
        public IReadOnlyList<string>? AgentArns { get; set; }

        /// <summary>
        /// UTC. On the wire: epoch seconds, a fractional JSON number.
        /// </summary>
        [JsonPropertyName("CreationTime")]
        public DateTime? CreationTime { get; set; }

        /// <summary>
        /// The API member <c>ManagedSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("ManagedSecretConfig")]
        public ManagedSecretConfig? ManagedSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CmkSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CmkSecretConfig")]
        public CmkSecretConfig? CmkSecretConfig { get; set; }

        /// <summary>
        /// The API member <c>CustomSecretConfig</c>.
        /// </summary>
        [JsonPropertyName("CustomSecretConfig")]
        public CustomSecretConfig? CustomSecretConfig { get; set; }
    }

    /// <summary>
    /// The API shape <c>ListTagsForResourceRequest</c>.
    /// </summary>
    public sealed class ListTagsForResourceRequest : ApiShape
    {
        /// <summary>An empty request; set <see cref="ResourceArn"/>.</summary>
        public ListTagsForResourceRequest() { }

        /// <summary>A request for one resource.</summary>
        public ListTagsForResourceRequest(string resourceArn) { ResourceArn = resourceArn; }

        /// <summary>
        /// The API member <c>ResourceArn</c>.
        /// </summary>
        [JsonPropertyName("ResourceArn")]
        public string? ResourceArn { get; set; }

        /// <summary>
        /// The API member <c>MaxResults</c>.
        /// </summary>
        [JsonPropertyName("MaxResults")]
        public int? MaxResults { get; set; }

        /// <summary>
        /// The API member <c>NextToken</c>.
        /// </summary>
        [JsonPropertyName("NextToken")]
        public string? NextToken { get; set; }
    }

    /// <summary>
    /// The API shape <c>TagListEntry</c>.
    /// </summary>
    public sealed class TagListEntry : ApiShape
    {
        /// <summary>
        /// The API member <c>Key</c>.
        /// </summary>
        [JsonPropertyName("Key")]
        public string? Key { get; set; }

        /// <summary>
        /// The API member <c>Value</c>.
        /// </summary>
        [JsonPropertyName("Value")]
        public string? Value { get; set; }
    }

    /// <summary>
    /// The API shape <c>ListTagsForResourceResponse</c>.
    /// </summary>
    public sealed class ListTagsForResourceResponse : ApiShape
    {
        /// <summary>
        /// The API member <c>Tags</c>.
        /// </summary>
        [JsonPropertyName("Tags")]
        public IReadOnlyList<TagListEntry>? Tags { get; set; }

        /// <summary>
        /// The API member <c>NextToken</c>.
        /// </summary>
        [JsonPropertyName("NextToken")]
        public string? NextToken { get; set; }
    }
}
