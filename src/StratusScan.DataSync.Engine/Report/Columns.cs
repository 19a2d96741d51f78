using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>One column of a data sheet: its header text, how its cells are typed, and the value of a row.</summary>
    internal sealed class SheetColumn<T>
    {
        public SheetColumn(string header, CellKind kind, Func<T, object?> value)
        {
            Header = header;
            Kind = kind;
            Value = value;
        }

        public string Header { get; }
        public CellKind Kind { get; }
        public Func<T, object?> Value { get; }
    }

    /// <summary>The columns of the data sheets (header texts as the workbook shows them; date headers say UTC).</summary>
    internal static class SheetColumns
    {
        public const string Status = "Status";

        public static readonly IReadOnlyList<SheetColumn<DataSyncTask>> Tasks = new[]
        {
            Text<DataSyncTask>("Task Name", t => t.Name),
            Text<DataSyncTask>("Task ARN", t => t.TaskArn),
            Text<DataSyncTask>(Status, t => t.Status),
            Text<DataSyncTask>("Source Location ARN", t => t.SourceLocationArn),
            Text<DataSyncTask>("Destination Location ARN", t => t.DestinationLocationArn),
            Text<DataSyncTask>("Schedule Expression", t => t.ScheduleExpression),
            Text<DataSyncTask>("Schedule Status", t => t.ScheduleStatus),
            Text<DataSyncTask>("CloudWatch Log Group", t => t.CloudWatchLogGroupArn),
            Col<DataSyncTask>("Creation Time (UTC)", CellKind.DateTime, t => t.CreationTime),
            Text<DataSyncTask>("Task Mode", t => t.TaskMode),
            Text<DataSyncTask>("Verify Mode", t => t.VerifyMode),
            Text<DataSyncTask>("Overwrite Mode", t => t.OverwriteMode),
            Text<DataSyncTask>("Atime", t => t.Atime),
            Text<DataSyncTask>("Mtime", t => t.Mtime),
            Text<DataSyncTask>("UID", t => t.Uid),
            Text<DataSyncTask>("GID", t => t.Gid),
            Text<DataSyncTask>("Preserve Deleted Files", t => t.PreserveDeletedFiles),
            Text<DataSyncTask>("Preserve Devices", t => t.PreserveDevices),
            Text<DataSyncTask>("POSIX Permissions", t => t.PosixPermissions),
            Col<DataSyncTask>("Bytes Per Second", CellKind.Integer, t => t.BytesPerSecond),
            Text<DataSyncTask>("Task Queueing", t => t.TaskQueueing),
            Text<DataSyncTask>("Log Level", t => t.LogLevel),
            Text<DataSyncTask>("Transfer Mode", t => t.TransferMode),
            Text<DataSyncTask>("Security Descriptor Copy Flags", t => t.SecurityDescriptorCopyFlags),
            Text<DataSyncTask>("Object Tags", t => t.ObjectTags),
            Col<DataSyncTask>("Include Pattern Count", CellKind.Integer, t => t.IncludeCount),
            Col<DataSyncTask>("Exclude Pattern Count", CellKind.Integer, t => t.ExcludeCount),
            Text<DataSyncTask>("Include Filters", t => Patterns(t.IncludePatterns)),
            Text<DataSyncTask>("Exclude Filters", t => Patterns(t.ExcludePatterns)),
            Text<DataSyncTask>("Error Code", t => t.ErrorCode),
            Text<DataSyncTask>("Error Detail", t => t.ErrorDetail),
            Text<DataSyncTask>("Region", t => t.Region),
        }.Concat(Account<DataSyncTask>(t => t.AccountId, t => t.AccountName)).ToArray();

        public static readonly IReadOnlyList<SheetColumn<DataSyncLocation>> Locations = new[]
        {
            Text<DataSyncLocation>("Location ARN", l => l.LocationArn),
            Text<DataSyncLocation>("Location Type", l => l.LocationType),
            Text<DataSyncLocation>("Location URI", l => l.LocationUri),
            Col<DataSyncLocation>("Creation Time (UTC)", CellKind.DateTime, l => l.CreationTime),
            Text<DataSyncLocation>("Region", l => l.Region),
            Text<DataSyncLocation>("Subdirectory", l => l.Subdirectory),
            Text<DataSyncLocation>("S3 Bucket ARN", l => l.S3BucketArn),
            Text<DataSyncLocation>("S3 Storage Class", l => l.S3StorageClass),
            Text<DataSyncLocation>("Bucket Access Role ARN", l => l.BucketAccessRoleArn),
            Text<DataSyncLocation>("EFS File System ARN", l => l.EfsFileSystemArn),
            Text<DataSyncLocation>("EC2 Subnet ARN", l => l.Ec2SubnetArn),
            Text<DataSyncLocation>("Access Point ARN", l => l.AccessPointArn),
            Text<DataSyncLocation>("In-Transit Encryption", l => l.InTransitEncryption),
            Text<DataSyncLocation>("FSx File System ARN", l => l.FsxFileSystemArn),
            Text<DataSyncLocation>("Storage Virtual Machine ARN", l => l.StorageVirtualMachineArn),
            Text<DataSyncLocation>("FSx Protocol", l => l.FsxProtocol),
            Text<DataSyncLocation>("Security Group ARNs", l => Joined(l.SecurityGroupArns)),
            Text<DataSyncLocation>("Server Hostname", l => l.ServerHostname),
            Col<DataSyncLocation>("Server Port", CellKind.Integer, l => l.ServerPort),
            Text<DataSyncLocation>("Server Protocol", l => l.ServerProtocol),
            Text<DataSyncLocation>("Mount Options Version", l => l.MountOptionsVersion),
            Text<DataSyncLocation>("User", l => l.User),
            Text<DataSyncLocation>("Domain", l => l.Domain),
            Text<DataSyncLocation>("Authentication Type", l => l.AuthenticationType),
            Text<DataSyncLocation>("Kerberos Principal", l => l.KerberosPrincipal),
            Col<DataSyncLocation>("NameNode Count", CellKind.Integer, l => l.NameNodeCount),
            Col<DataSyncLocation>("Block Size", CellKind.Integer, l => l.BlockSize),
            Col<DataSyncLocation>("Replication Factor", CellKind.Integer, l => l.ReplicationFactor),
            Text<DataSyncLocation>("Bucket Name", l => l.BucketName),
            Text<DataSyncLocation>("Azure Blob Container URL", l => l.AzureBlobContainerUrl),
            Text<DataSyncLocation>("Blob Type", l => l.BlobType),
            Text<DataSyncLocation>("Access Tier", l => l.AccessTier),
            Text<DataSyncLocation>("Agent ARNs", l => Joined(l.AgentArns)),
        }.Concat(Account<DataSyncLocation>(l => l.AccountId, l => l.AccountName)).ToArray();

        public static readonly IReadOnlyList<SheetColumn<DataSyncAgent>> Agents = new[]
        {
            Text<DataSyncAgent>("Agent Name", a => a.Name),
            Text<DataSyncAgent>("Agent ARN", a => a.AgentArn),
            Text<DataSyncAgent>(Status, a => a.Status),
            Text<DataSyncAgent>("Endpoint Type", a => a.EndpointType),
            Col<DataSyncAgent>("Last Heartbeat (UTC)", CellKind.DateTime, a => a.LastConnectionTime),
            Col<DataSyncAgent>("Creation Time (UTC)", CellKind.DateTime, a => a.CreationTime),
            Text<DataSyncAgent>("Platform Version", a => a.PlatformVersion),
            Text<DataSyncAgent>("VPC Endpoint ID", a => a.VpcEndpointId),
            Text<DataSyncAgent>("Private Link Endpoint", a => a.PrivateLinkEndpoint),
            Text<DataSyncAgent>("Private Link Subnet ARN", a => a.PrivateLinkSubnetArn),
            Text<DataSyncAgent>("Security Group ARNs", a => Joined(a.SecurityGroupArns)),
            Text<DataSyncAgent>("Region", a => a.Region),
        }.Concat(Account<DataSyncAgent>(a => a.AccountId, a => a.AccountName)).ToArray();

        public static readonly IReadOnlyList<SheetColumn<DataSyncTaskExecution>> Executions = new[]
        {
            Text<DataSyncTaskExecution>("Task Execution ARN", e => e.TaskExecutionArn),
            Text<DataSyncTaskExecution>("Task ARN", e => e.TaskArn),
            Text<DataSyncTaskExecution>("Task Name", e => e.TaskName),
            Text<DataSyncTaskExecution>(Status, e => e.Status),
            Col<DataSyncTaskExecution>("Start Time (UTC)", CellKind.DateTime, e => e.StartTime),
            Col<DataSyncTaskExecution>("Duration", CellKind.Duration, e => e.TotalDuration),
            Col<DataSyncTaskExecution>("Files Transferred", CellKind.Integer, e => e.FilesTransferred),
            Col<DataSyncTaskExecution>("Bytes Transferred", CellKind.Bytes, e => e.BytesTransferred),
            Col<DataSyncTaskExecution>("Files Failed", CellKind.Integer, e => e.FilesFailed),
            Col<DataSyncTaskExecution>("Files Skipped", CellKind.Integer, e => e.FilesSkipped),
            Col<DataSyncTaskExecution>("Files Verified", CellKind.Integer, e => e.FilesVerified),
            Col<DataSyncTaskExecution>("Files Deleted", CellKind.Integer, e => e.FilesDeleted),
            Col<DataSyncTaskExecution>("Bytes Written", CellKind.Bytes, e => e.BytesWritten),
            Text<DataSyncTaskExecution>("Error Code", e => e.ErrorCode),
            Text<DataSyncTaskExecution>("Error Detail", e => e.ErrorDetail),
            Text<DataSyncTaskExecution>("Task Mode", e => e.TaskMode),
            Col<DataSyncTaskExecution>("End Time (UTC)", CellKind.DateTime, e => e.EndTime),
            Col<DataSyncTaskExecution>("Files Estimated", CellKind.Integer, e => e.EstimatedFilesToTransfer),
            Col<DataSyncTaskExecution>("Bytes Estimated", CellKind.Bytes, e => e.EstimatedBytesToTransfer),
            Col<DataSyncTaskExecution>("Files Listed", CellKind.Integer, e => e.FilesListed?.AtSource),
            Col<DataSyncTaskExecution>("Files Prepared", CellKind.Integer, e => e.FilesPrepared),
            Col<DataSyncTaskExecution>("Folders Transferred", CellKind.Integer, e => e.FoldersTransferred),
            Col<DataSyncTaskExecution>("Folders Failed", CellKind.Integer, e => FoldersFailed(e.FoldersFailed)),
            Text<DataSyncTaskExecution>("Region", e => e.Region),
        }.Concat(Account<DataSyncTaskExecution>(e => e.AccountId, e => e.AccountName)).ToArray();

        /// <summary>The column a sheet gains when tags were collected (-IncludeTags): "Key=Value; …", before the account columns.</summary>
        public const string Tags = "Tags";

        public static readonly IReadOnlyList<SheetColumn<DataSyncTask>> TasksWithTags = WithTags(Tasks, t => t.Tags);
        public static readonly IReadOnlyList<SheetColumn<DataSyncLocation>> LocationsWithTags = WithTags(Locations, l => l.Tags);
        public static readonly IReadOnlyList<SheetColumn<DataSyncAgent>> AgentsWithTags = WithTags(Agents, a => a.Tags);

        /// <summary><paramref name="columns"/> with the Tags column before the two account columns that end every sheet.</summary>
        private static SheetColumn<T>[] WithTags<T>(IReadOnlyList<SheetColumn<T>> columns, Func<T, TagSet?> tags) =>
            columns.Take(columns.Count - 2)
                .Append(Text<T>(Tags, row => tags(row) is { Count: > 0 } set ? set.ToString() : null))
                .Concat(columns.Skip(columns.Count - 2))
                .ToArray();

        /// <summary>Folders that failed in any phase (enhanced mode: list, prepare, transfer, verify, delete); null when not reported.</summary>
        internal static long? FoldersFailed(Aws.Model.TaskExecutionFoldersFailedDetail? failed) =>
            failed is null ? (long?)null : (failed.List ?? 0) + (failed.Prepare ?? 0) + (failed.Transfer ?? 0) + (failed.Verify ?? 0) + (failed.Delete ?? 0);

        private static SheetColumn<T> Text<T>(string header, Func<T, string?> value) => new SheetColumn<T>(header, CellKind.Text, value);

        /// <summary>The last two columns of every data sheet: the row's account, and its name (the id when it has none).</summary>
        private static SheetColumn<T>[] Account<T>(Func<T, string> id, Func<T, string> name) => new[]
        {
            Text<T>("Account ID", id),
            Text<T>("Account Name", row => AccountNames.OrId(name(row), id(row))),
        };

        private static SheetColumn<T> Col<T>(string header, CellKind kind, Func<T, object?> value) => new SheetColumn<T>(header, kind, value);

        /// <summary>The patterns in DataSync's own syntax: separated by '|'.</summary>
        internal static string? Patterns(IReadOnlyCollection<string>? patterns) =>
            patterns is null || patterns.Count == 0 ? null : string.Join("|", patterns);

        internal static string? Joined(IReadOnlyCollection<string>? values) =>
            values is null || values.Count == 0 ? null : string.Join("; ", values);
    }
}
