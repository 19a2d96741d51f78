using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>
    /// What each data sheet's columns must hold, written out here independently of the writer's own column table:
    /// header text → the source object's value.
    /// </summary>
    internal static class ExpectedColumns
    {
        public static readonly (string Header, Func<DataSyncTask, object?> Value)[] Tasks =
        {
            ("Task Name", t => t.Name),
            ("Task ARN", t => t.TaskArn),
            ("Status", t => t.Status),
            ("Source Location ARN", t => t.SourceLocationArn),
            ("Destination Location ARN", t => t.DestinationLocationArn),
            ("Schedule Expression", t => t.ScheduleExpression),
            ("Schedule Status", t => t.ScheduleStatus),
            ("CloudWatch Log Group", t => t.CloudWatchLogGroupArn),
            ("Creation Time (UTC)", t => t.CreationTime),
            ("Task Mode", t => t.TaskMode),
            ("Verify Mode", t => t.VerifyMode),
            ("Overwrite Mode", t => t.OverwriteMode),
            ("Atime", t => t.Atime),
            ("Mtime", t => t.Mtime),
            ("UID", t => t.Uid),
            ("GID", t => t.Gid),
            ("Preserve Deleted Files", t => t.PreserveDeletedFiles),
            ("Preserve Devices", t => t.PreserveDevices),
            ("POSIX Permissions", t => t.PosixPermissions),
            ("Bytes Per Second", t => t.BytesPerSecond),
            ("Task Queueing", t => t.TaskQueueing),
            ("Log Level", t => t.LogLevel),
            ("Transfer Mode", t => t.TransferMode),
            ("Security Descriptor Copy Flags", t => t.SecurityDescriptorCopyFlags),
            ("Object Tags", t => t.ObjectTags),
            ("Include Pattern Count", t => t.IncludePatterns.Count),
            ("Exclude Pattern Count", t => t.ExcludePatterns.Count),
            ("Include Filters", t => string.Join("|", t.IncludePatterns)),
            ("Exclude Filters", t => string.Join("|", t.ExcludePatterns)),
            ("Error Code", t => t.ErrorCode),
            ("Error Detail", t => t.ErrorDetail),
            ("Region", t => t.Region),
            ("Account ID", t => t.AccountId),
            ("Account Name", t => string.IsNullOrEmpty(t.AccountName) ? t.AccountId : t.AccountName),
        };

        public static readonly (string Header, Func<DataSyncLocation, object?> Value)[] Locations =
        {
            ("Location ARN", l => l.LocationArn),
            ("Location Type", l => l.LocationType),
            ("Location URI", l => l.LocationUri),
            ("Creation Time (UTC)", l => l.CreationTime),
            ("Region", l => l.Region),
            ("Subdirectory", l => l.Subdirectory),
            ("S3 Bucket ARN", l => l.S3BucketArn),
            ("S3 Storage Class", l => l.S3StorageClass),
            ("Bucket Access Role ARN", l => l.BucketAccessRoleArn),
            ("EFS File System ARN", l => l.EfsFileSystemArn),
            ("EC2 Subnet ARN", l => l.Ec2SubnetArn),
            ("Access Point ARN", l => l.AccessPointArn),
            ("In-Transit Encryption", l => l.InTransitEncryption),
            ("FSx File System ARN", l => l.FsxFileSystemArn),
            ("Storage Virtual Machine ARN", l => l.StorageVirtualMachineArn),
            ("FSx Protocol", l => l.FsxProtocol),
            ("Security Group ARNs", l => string.Join("; ", l.SecurityGroupArns)),
            ("Server Hostname", l => l.ServerHostname),
            ("Server Port", l => l.ServerPort),
            ("Server Protocol", l => l.ServerProtocol),
            ("Mount Options Version", l => l.MountOptionsVersion),
            ("User", l => l.User),
            ("Domain", l => l.Domain),
            ("Authentication Type", l => l.AuthenticationType),
            ("Kerberos Principal", l => l.KerberosPrincipal),
            ("NameNode Count", l => l.NameNodeCount),
            ("Block Size", l => l.BlockSize),
            ("Replication Factor", l => l.ReplicationFactor),
            ("Bucket Name", l => l.BucketName),
            ("Azure Blob Container URL", l => l.AzureBlobContainerUrl),
            ("Blob Type", l => l.BlobType),
            ("Access Tier", l => l.AccessTier),
            ("Agent ARNs", l => string.Join("; ", l.AgentArns)),
            ("Account ID", l => l.AccountId),
            ("Account Name", l => string.IsNullOrEmpty(l.AccountName) ? l.AccountId : l.AccountName),
        };

        public static readonly (string Header, Func<DataSyncAgent, object?> Value)[] Agents =
        {
            ("Agent Name", a => a.Name),
            ("Agent ARN", a => a.AgentArn),
            ("Status", a => a.Status),
            ("Endpoint Type", a => a.EndpointType),
            ("Last Heartbeat (UTC)", a => a.LastConnectionTime),
            ("Creation Time (UTC)", a => a.CreationTime),
            ("Platform Version", a => a.PlatformVersion),
            ("VPC Endpoint ID", a => a.VpcEndpointId),
            ("Private Link Endpoint", a => a.PrivateLinkEndpoint),
            ("Private Link Subnet ARN", a => a.SubnetArns.FirstOrDefault()),
            ("Security Group ARNs", a => string.Join("; ", a.SecurityGroupArns)),
            ("Region", a => a.Region),
            ("Account ID", a => a.AccountId),
            ("Account Name", a => string.IsNullOrEmpty(a.AccountName) ? a.AccountId : a.AccountName),
        };

        public static readonly (string Header, Func<DataSyncTaskExecution, object?> Value)[] Executions =
        {
            ("Task Execution ARN", e => e.TaskExecutionArn),
            ("Task ARN", e => e.TaskArn),
            ("Task Name", e => e.TaskName),
            ("Status", e => e.Status),
            ("Start Time (UTC)", e => e.StartTime),
            ("Duration", e => e.TotalDuration),
            ("Files Transferred", e => e.FilesTransferred),
            ("Bytes Transferred", e => e.BytesTransferred),
            ("Files Failed", e => e.FilesFailed),
            ("Files Skipped", e => e.FilesSkipped),
            ("Files Verified", e => e.FilesVerified),
            ("Files Deleted", e => e.FilesDeleted),
            ("Bytes Written", e => e.BytesWritten),
            ("Error Code", e => e.ErrorCode),
            ("Error Detail", e => e.ErrorDetail),
            ("Region", e => e.Region),
            ("Account ID", e => e.AccountId),
            ("Account Name", e => string.IsNullOrEmpty(e.AccountName) ? e.AccountId : e.AccountName),
        };

        public const string Marker = StratusScan.DataSync.Report.CellText.TruncationMarker;

        /// <summary>The source value as a reader must give it back: text (cut at 32,767 with the marker), double, DateTime, TimeSpan; empty text and null read as null.</summary>
        public static object? AsRead(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string s when s.Length == 0: return null;
                case string s when s.Length > 32767: return s.Substring(0, 32767 - Marker.Length) + Marker;
                case string s: return s;
                case int i: return (double)i;
                case long l: return (double)l;
                default: return value;
            }
        }

        /// <summary>Asserts that every data cell of a sheet equals the expected row's values, types included.</summary>
        public static void AssertSheet<T>(WorkbookReader.SheetData sheet, (string Header, Func<T, object?> Value)[] columns, IReadOnlyList<T> rows)
        {
            Assert.Equal(columns.Select(c => c.Header).ToArray(), sheet.Headers);
            Assert.Equal(rows.Count, sheet.DataRowCount);
            for (int r = 0; r < rows.Count; r++)
            {
                foreach (var (header, value) in columns)
                {
                    var expected = AsRead(value(rows[r]));
                    var actual = sheet.Cell(r, header);
                    AssertCell(expected, actual, sheet.Name + "!" + header + (r + 2));
                }
            }
        }

        public static void AssertCell(object? expected, object? actual, string where)
        {
            switch (expected)
            {
                case null:
                    Assert.True(actual is null, where + ": expected empty, got " + actual);
                    return;
                case DateTime date:
                    var readDate = Assert.IsType<DateTime>(actual);
                    Assert.True(Math.Abs((readDate - date).TotalMilliseconds) <= 1, where + ": " + readDate.ToString("O") + " != " + date.ToString("O"));
                    return;
                case TimeSpan span:
                    var readSpan = actual is DateTime asDate ? asDate - DateTime.FromOADate(0) : Assert.IsType<TimeSpan>(actual);
                    Assert.True(Math.Abs((readSpan - span).TotalMilliseconds) <= 1, where + ": " + readSpan + " != " + span);
                    return;
                case double number:
                    Assert.True(actual is double d && d == number, where + ": " + actual + " != " + number);
                    return;
                default:
                    Assert.True(actual is string s && s == (string)expected, where + ": '" + Shorten(actual) + "' != '" + Shorten(expected) + "'");
                    return;
            }
        }

        private static string Shorten(object? value)
        {
            var text = value?.ToString() ?? "<null>";
            return text.Length > 200 ? text.Substring(0, 200) + "…(" + text.Length + ")" : text;
        }
    }
}
