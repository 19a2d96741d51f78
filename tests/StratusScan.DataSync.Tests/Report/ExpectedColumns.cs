using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>
    /// The check of a data sheet against the one column list (<see cref="SheetColumns"/>, which the writer reads): the
    /// header row equals the list's headers, and every cell equals its column's value of the source row as a reader
    /// gets it back. Spot checks, written out here independently of that list, tie a few literal headers to the
    /// source members they must show, so a column mapped to the wrong member or renamed fails too.
    /// </summary>
    internal static class ExpectedColumns
    {
        public static readonly (string Header, Func<DataSyncTask, object?> Value)[] TaskSpotChecks =
        {
            ("Task Name", t => t.Name),
            ("Task ARN", t => t.TaskArn),
            ("Status", t => t.Status),
            ("Creation Time (UTC)", t => t.CreationTime),
            ("Include Pattern Count", t => t.IncludePatterns.Count),
            ("Exclude Filters", t => string.Join("|", t.ExcludePatterns)),
            ("Error Detail", t => t.ErrorDetail),
            ("Account Name", t => string.IsNullOrEmpty(t.AccountName) ? t.AccountId : t.AccountName),
        };

        public static readonly (string Header, Func<DataSyncLocation, object?> Value)[] LocationSpotChecks =
        {
            ("Location ARN", l => l.LocationArn),
            ("Location URI", l => l.LocationUri),
            ("Server Port", l => l.ServerPort),
            ("Security Group ARNs", l => string.Join("; ", l.SecurityGroupArns)),
            ("Agent ARNs", l => string.Join("; ", l.AgentArns)),
        };

        public static readonly (string Header, Func<DataSyncAgent, object?> Value)[] AgentSpotChecks =
        {
            ("Agent ARN", a => a.AgentArn),
            ("Last Heartbeat (UTC)", a => a.LastConnectionTime),
            ("Private Link Subnet ARN", a => a.SubnetArns.FirstOrDefault()),
            ("Account ID", a => a.AccountId),
        };

        public static readonly (string Header, Func<DataSyncTaskExecution, object?> Value)[] ExecutionSpotChecks =
        {
            ("Task Execution ARN", e => e.TaskExecutionArn),
            ("Task Name", e => e.TaskName),
            ("Start Time (UTC)", e => e.StartTime),
            ("Duration", e => e.TotalDuration),
            ("Bytes Transferred", e => e.BytesTransferred),
            ("Files Failed", e => e.FilesFailed),
            ("Task Mode", e => e.TaskMode),
            ("End Time (UTC)", e => e.EndTime),
            ("Files Estimated", e => e.EstimatedFilesToTransfer),
            ("Bytes Estimated", e => e.EstimatedBytesToTransfer),
            ("Files Listed", e => e.FilesListed?.AtSource),
            ("Files Prepared", e => e.FilesPrepared),
            ("Folders Transferred", e => e.FoldersTransferred),
            ("Folders Failed", e => e.FoldersFailed is null ? null : (long?)((e.FoldersFailed.List ?? 0) + (e.FoldersFailed.Prepare ?? 0) + (e.FoldersFailed.Transfer ?? 0) + (e.FoldersFailed.Verify ?? 0) + (e.FoldersFailed.Delete ?? 0))),
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

        public static void AssertTasks(WorkbookReader.SheetData sheet, IReadOnlyList<DataSyncTask> rows) => AssertSheet(sheet, SheetColumns.Tasks, TaskSpotChecks, rows);

        public static void AssertLocations(WorkbookReader.SheetData sheet, IReadOnlyList<DataSyncLocation> rows) => AssertSheet(sheet, SheetColumns.Locations, LocationSpotChecks, rows);

        public static void AssertAgents(WorkbookReader.SheetData sheet, IReadOnlyList<DataSyncAgent> rows) => AssertSheet(sheet, SheetColumns.Agents, AgentSpotChecks, rows);

        public static void AssertExecutions(WorkbookReader.SheetData sheet, IReadOnlyList<DataSyncTaskExecution> rows) => AssertSheet(sheet, SheetColumns.Executions, ExecutionSpotChecks, rows);

        /// <summary>The headers of a column list, in order.</summary>
        public static string[] Headers<T>(IReadOnlyList<SheetColumn<T>> columns) => columns.Select(c => c.Header).ToArray();

        /// <summary>
        /// Asserts that a sheet's header row is the column list's, that every data cell equals its column's value of the
        /// row (types included), and that the spot-checked columns hold the members named for them.
        /// </summary>
        public static void AssertSheet<T>(WorkbookReader.SheetData sheet, IReadOnlyList<SheetColumn<T>> columns, (string Header, Func<T, object?> Value)[] spotChecks, IReadOnlyList<T> rows)
        {
            Assert.Equal(Headers(columns), sheet.Headers);
            Assert.All(spotChecks, check => Assert.Contains(check.Header, sheet.Headers));
            Assert.Equal(rows.Count, sheet.DataRowCount);
            for (int r = 0; r < rows.Count; r++)
            {
                foreach (var column in columns)
                {
                    AssertCell(AsRead(column.Value(rows[r])), sheet.Cell(r, column.Header), sheet.Name + "!" + column.Header + (r + 2));
                }

                foreach (var (header, value) in spotChecks)
                {
                    AssertCell(AsRead(value(rows[r])), sheet.Cell(r, header), sheet.Name + "!" + header + (r + 2) + " (spot check)");
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
