using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>Hand-made data for the cases the generated dataset does not reach.</summary>
    public sealed class WorkbookEdgeCaseTests : IDisposable
    {
        private static readonly DateTime Now = new DateTime(2026, 3, 10, 8, 30, 0, DateTimeKind.Utc);
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "ss-report-edge-" + Guid.NewGuid().ToString("N"));

        public WorkbookEdgeCaseTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private (WorkbookResult Result, List<WorkbookReader.SheetData> Sheets, string Path) Write(ReportData data)
        {
            string path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".xlsx");
            var result = WorkbookWriter.WriteFile(path, data, overwrite: false);
            using (var document = SpreadsheetDocument.Open(path, false))
            {
                var errors = new OpenXmlValidator().Validate(document).Select(e => e.Path?.XPath + ": " + e.Description).ToList();
                Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            }

            return (result, WorkbookReader.Read(path), path);
        }

        private static string Arn(string kind, int n) => "arn:aws:datasync:us-east-1:111122223333:" + kind + "/" + kind + "-" + n.ToString("D17", System.Globalization.CultureInfo.InvariantCulture);

        [Fact]
        public void CollectedTagsGiveTasksLocationsAndAgentsATagsColumnBeforeTheAccountColumns()
        {
            var tags = new TagSet(new Dictionary<string, string> { ["team"] = "storage", ["cost-centre"] = "=42" });
            var task = new DataSyncTask { TaskArn = Arn("task", 1), Name = "nightly", Status = TaskStatuses.Available, Region = "us-east-1", AccountId = "111122223333", Tags = tags };
            var untagged = new DataSyncTask { TaskArn = Arn("task", 2), Name = "weekly", Status = TaskStatuses.Available, Region = "us-east-1", AccountId = "111122223333", Tags = TagSet.From(null) };
            var location = new DataSyncLocation { LocationArn = Arn("location", 1), LocationType = "S3", Region = "us-east-1", AccountId = "111122223333", Tags = tags };
            var agent = new DataSyncAgent { AgentArn = Arn("agent", 1), Name = "edge", Status = AgentStatuses.Online, Region = "us-east-1", AccountId = "111122223333", Tags = tags };
            var data = new ReportData
            {
                AccountId = "111122223333", ScanTimeUtc = Now, Window = ExecutionWindow.LastDays(7, Now), Regions = new[] { "us-east-1" },
                Tasks = new[] { task, untagged }, Locations = new[] { location }, Agents = new[] { agent }, TagsCollected = true,
            };

            var (_, sheets, _) = Write(data);
            foreach (var name in new[] { "Tasks", "Locations", "Agents", "Active Tasks" })
            {
                var sheet = sheets.Single(s => s.Name == name);
                var headers = sheet.Headers.ToList();
                Assert.Equal(new[] { SheetColumns.Tags, "Account ID", "Account Name" }, headers.Skip(headers.Count - 3));
                Assert.Equal("cost-centre==42; team=storage", sheet.Cell(0, SheetColumns.Tags));
            }

            var tasksSheet = sheets.Single(s => s.Name == "Tasks");
            Assert.Equal(ExpectedColumns.Headers(SheetColumns.TasksWithTags), tasksSheet.Headers);
            Assert.True(string.IsNullOrEmpty(tasksSheet.Cell(1, SheetColumns.Tags) as string), "a task with no tags has an empty Tags cell");
            Assert.DoesNotContain(SheetColumns.Tags, sheets.Single(s => s.Name == "Recent Executions").Headers);

            data.TagsCollected = false;
            var (_, plain, _) = Write(data);
            Assert.All(plain.Skip(1), s => Assert.DoesNotContain(SheetColumns.Tags, s.Headers));
            Assert.Equal(ExpectedColumns.Headers(SheetColumns.Tasks), plain.Single(s => s.Name == "Tasks").Headers);
        }

        [Fact]
        public void AnEmptyInventoryStillGivesSevenValidSheetsWithHeaders()
        {
            var (result, sheets, path) = Write(new ReportData { AccountId = "111122223333", AccountName = "empty", ScanTimeUtc = Now, Window = ExecutionWindow.LastDays(7, Now), Regions = new[] { "us-east-1" } });
            Assert.Equal(new[] { "Summary", "Tasks", "Locations", "Agents", "Recent Executions", "Active Tasks", "Failed Executions" }, sheets.Select(s => s.Name));
            Assert.All(sheets.Skip(1), s => Assert.Equal(0, s.DataRowCount));
            Assert.Equal(ExpectedColumns.Headers(SheetColumns.Tasks), sheets[5].Headers);
            Assert.Equal("Task Name", sheets[5].Headers[0]);
            Assert.Equal(ExpectedColumns.Headers(SheetColumns.Executions), sheets[6].Headers);
            Assert.Equal(new[] { "Task Execution ARN", "Task ARN", "Task Name", "Status" }, sheets[6].Headers.Take(4));
            Assert.All(result.RowsPerSheet.Where(p => p.Key != "Summary"), p => Assert.Equal(0, p.Value));

            using var document = SpreadsheetDocument.Open(path, false);
            var tasks = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().ElementAt(1).Id!);
            Assert.Equal("A1:AH2", tasks.TableDefinitionParts.Single().Table.Reference!.Value);

            var summary = new SummaryView(sheets[0]);
            Assert.Equal(8, summary.Table("Executions per Day (UTC)").Rows.Count);
            Assert.Equal(0d, summary.SectionCount("Agents OFFLINE"));
            Assert.Empty(summary.Table("Agents OFFLINE").Rows);
        }

        [Fact]
        public void AwkwardTextReadsBackLiterally()
        {
            string emoji = "\U0001F600";
            var cut = new string('a', 32767 - CellText.TruncationMarker.Length - 1) + emoji + new string('z', 1000); // the pair straddles the cut
            var tasks = new List<DataSyncTask>
            {
                Task(1, "_x0041_ and _X0042_ and _x00e9_ stay literal"),
                Task(2, "bell\u0007 and\u0000nul and lone \uD800 surrogate"),
                Task(3, "  leading and trailing spaces  "),
                Task(4, "+1 plus"),
                Task(5, "-1 minus"),
                Task(6, "@SUM(A1)"),
                Task(7, "tab\tnew\nline \"quotes\" <xml> & ampersand " + emoji),
                Task(8, cut),
            };
            var (result, sheets, _) = Write(new ReportData { AccountId = "111122223333", ScanTimeUtc = Now, Tasks = tasks });

            var names = Enumerable.Range(0, sheets[1].DataRowCount).Select(r => sheets[1].Cell(r, "Task Name")).ToList();
            Assert.Equal("_x0041_ and _X0042_ and _x00e9_ stay literal", names[0]);
            Assert.Equal("bell andnul and lone  surrogate", names[1]);
            Assert.Equal("  leading and trailing spaces  ", names[2]);
            Assert.Equal("+1 plus", names[3]);
            Assert.Equal("-1 minus", names[4]);
            Assert.Equal("@SUM(A1)", names[5]);
            Assert.Equal(tasks[6].Name, names[6]);
            var truncated = Assert.IsType<string>(names[7]);
            Assert.Equal(32766, truncated.Length); // the high surrogate went with its pair rather than be split
            Assert.EndsWith("a" + CellText.TruncationMarker, truncated, StringComparison.Ordinal);
            Assert.Equal(3, result.TruncatedCells); // Tasks, Active Tasks, and the Summary's list of tasks with no execution
        }

        [Fact]
        public void ScanIssuesAreListedAndTheDataIsMarkedIncomplete()
        {
            var issues = new[]
            {
                new ScanIssue(ScanIssueKind.AccessDenied, "eu-west-1", "ListAgents", null, "AccessDeniedException", "User is not authorized", "Agents of eu-west-1"),
                new ScanIssue(ScanIssueKind.ServiceError, "us-east-1", "DescribeTask", Arn("task", 1), "InternalException", "=cmd|' /C calc'!A0", "Task details"),
            };
            var (_, sheets, _) = Write(new ReportData { AccountId = "111122223333", Partition = "aws-us-gov", ScanTimeUtc = Now, Issues = issues, Regions = new[] { "us-gov-west-1" } });
            var summary = new SummaryView(sheets[0]);
            var header = summary.Block(null);
            Assert.Equal("AWS GovCloud (US)", header["Partition"]);
            Assert.StartsWith("No: 2 scan issues", (string)header["Data Complete"]!, StringComparison.Ordinal);
            Assert.Equal("not limited (every execution DataSync keeps)", header["Execution Window"]);

            var table = summary.Table("Scan Issues");
            Assert.Equal(new[] { "Region", "IAM Action", "Target", "Error Code", "Message", "Missing Data", "Account" }, table.Headers);
            Assert.Equal(new object?[] { "eu-west-1", "datasync:ListAgents", null, "AccessDeniedException", "User is not authorized", "Agents of eu-west-1" }, table.Rows[0].Take(6));
            Assert.Equal("=cmd|' /C calc'!A0", table.Rows[1][4]);
            Assert.Equal(2d, summary.SectionCount("Scan Issues"));
            Assert.DoesNotContain(summary.Rows, r => r.Length > 0 && (r[0] as string) == "The scan had no issues: the data is complete.");
        }

        [Fact]
        public void AnOrganisationWorkbookHasAccountColumnsAByAccountTableAndTheAccountOfEachIssue()
        {
            static string OrgArn(string account, string kind, int n) => "arn:aws:datasync:us-east-1:" + account + ":" + kind + "/" + kind + "-" + n.ToString("D17", System.Globalization.CultureInfo.InvariantCulture);
            const string Prod = "444455556666", Shared = "777788889999", Closed = "123456789012";
            var tasks = new[]
            {
                new DataSyncTask { TaskArn = OrgArn(Prod, "task", 1), AccountId = Prod, AccountName = "Production", Region = "us-east-1", Status = "AVAILABLE" },
                new DataSyncTask { TaskArn = OrgArn(Prod, "task", 2), AccountId = Prod, AccountName = "Production", Region = "us-east-1", Status = "UNAVAILABLE" },
                new DataSyncTask { TaskArn = OrgArn(Shared, "task", 3), AccountId = Shared, Region = "us-east-1", Status = "AVAILABLE" },
            };
            var executions = new[]
            {
                new DataSyncTaskExecution { TaskExecutionArn = tasks[0].TaskArn + "/execution/exec-00000000000000001", TaskArn = tasks[0].TaskArn, AccountId = Prod, AccountName = "Production", Region = "us-east-1", Status = "ERROR", StartTime = Now.AddHours(-2), BytesTransferred = 2048 },
                new DataSyncTaskExecution { TaskExecutionArn = tasks[2].TaskArn + "/execution/exec-00000000000000002", TaskArn = tasks[2].TaskArn, AccountId = Shared, Region = "us-east-1", Status = "SUCCESS", StartTime = Now.AddHours(-1), BytesTransferred = 1000 },
            };
            var issues = new[]
            {
                new ScanIssue(ScanIssueKind.AccessDenied, "us-east-1", "AssumeRole", "arn:aws:iam::123456789012:role/Scan", "AccessDenied", "not trusted", "everything in account " + Closed, Closed, "sts"),
                new ScanIssue(ScanIssueKind.AccessDenied, "us-east-1", "ListAgents", null, "AccessDeniedException", "denied", "agents", Shared),
            };
            var (_, sheets, _) = Write(new ReportData
            {
                AccountName = "Contoso",
                Accounts = new[] { new ReportAccount(Prod, "Production", true), new ReportAccount(Shared, "", true), new ReportAccount(Closed, "Closed", false) },
                ScanTimeUtc = Now,
                Window = ExecutionWindow.LastDays(7, Now),
                Regions = new[] { "us-east-1" },
                Tasks = tasks,
                Executions = executions,
                Locations = new[] { new DataSyncLocation { LocationArn = OrgArn(Shared, "location", 4), AccountId = Shared, AccountName = "Shared", Region = "us-east-1", LocationUri = "nfs://host/x/" } },
                Issues = issues,
            });

            var summary = new SummaryView(sheets[0]);
            var header = summary.Block(null);
            Assert.Equal("Contoso", header["Organization"]);
            Assert.Equal("3 accounts (2 scanned, 1 not scanned)", header["Accounts"]);
            Assert.False(header.ContainsKey("Account ID"));

            var accounts = summary.Table("By Account");
            Assert.Equal(new[] { "Account ID", "Account Name", "Status", "Tasks", "Active Tasks", "Locations", "Agents", "Executions", "Failed Executions", "Bytes Transferred", "Scan Issues" }, accounts.Headers);
            Assert.Equal(new object?[] { Prod, "Production", "Complete", 2d, 1d, 0d, 0d, 1d, 1d, 2048d, 0d }, accounts.Rows[0].Take(11));
            Assert.Equal(new object?[] { Shared, Shared, "Incomplete", 1d, 1d, 1d, 0d, 1d, 0d, 1000d, 1d }, accounts.Rows[1].Take(11));
            Assert.Equal(new object?[] { Closed, "Closed", "Not scanned", 0d, 0d, 0d, 0d, 0d, 0d, 0d, 1d }, accounts.Rows[2].Take(11));

            var issueTable = summary.Table("Scan Issues");
            Assert.Equal(new object?[] { "sts:AssumeRole", Closed }, new[] { issueTable.Rows[0][1], issueTable.Rows[0][6] });
            Assert.Equal(new object?[] { "datasync:ListAgents", Shared }, new[] { issueTable.Rows[1][1], issueTable.Rows[1][6] });

            // Every data sheet ends with the row's account; a row without a name shows its id.
            var taskSheet = sheets[1];
            Assert.Equal(new[] { "Account ID", "Account Name" }, taskSheet.Headers.Skip(taskSheet.Headers.Count - 2));
            Assert.Equal(new object?[] { Prod, Prod, Shared }, taskSheet.Column("Account ID"));
            Assert.Equal(new object?[] { "Production", "Production", Shared }, taskSheet.Column("Account Name"));
            Assert.Equal(new object?[] { "Shared" }, sheets[2].Column("Account Name"));
            Assert.Equal(new object?[] { Shared, Prod }, sheets[4].Column("Account ID")); // newest first
            Assert.Equal(new object?[] { Prod }, sheets[6].Column("Account ID"));
            Assert.Equal(new object?[] { "Production", Shared }, sheets[5].Column("Account Name"));
        }

        [Fact]
        public void ASingleAccountWorkbookKeepsItsAccountRowsAndHasNoByAccountTable()
        {
            var (_, sheets, _) = Write(new ReportData { AccountId = "111122223333", AccountName = "Prod", ScanTimeUtc = Now, Regions = new[] { "us-east-1" } });
            var summary = new SummaryView(sheets[0]);
            var header = summary.Block(null);
            Assert.Equal("111122223333", header["Account ID"]);
            Assert.Equal("Prod", header["Account Name"]);
            Assert.DoesNotContain(summary.Rows, r => r.Length > 0 && (r[0] as string) == "By Account");
        }

        [Fact]
        public void FindingsNameIdleTasksOfflineAgentsAndUnusedLocations()
        {
            var tasks = new List<DataSyncTask> { Task(1, "runs"), Task(2, "idle") };
            tasks[0].SourceLocationArn = Arn("location", 1);
            tasks[0].DestinationLocationArn = Arn("location", 2);
            var locations = Enumerable.Range(1, 3).Select(n => new DataSyncLocation { LocationArn = Arn("location", n), LocationType = "S3", LocationUri = "s3://bucket-" + n + "/", Region = "us-east-1" }).ToList();
            var agents = new List<DataSyncAgent>
            {
                new DataSyncAgent { AgentArn = Arn("agent", 1), Name = "up", Status = "ONLINE", Region = "us-east-1" },
                new DataSyncAgent { AgentArn = Arn("agent", 2), Name = "down", Status = "OFFLINE", LastConnectionTime = Now.AddDays(-3), Region = "us-east-1" },
            };
            var executions = new List<DataSyncTaskExecution>
            {
                Execution(tasks[0], 1, "SUCCESS", Now.AddDays(-2)),
                Execution(tasks[0], 2, "ERROR", Now.AddDays(-1)),
            };
            var (_, sheets, _) = Write(new ReportData
            {
                AccountId = "111122223333", ScanTimeUtc = Now, Window = ExecutionWindow.LastDays(3, Now),
                Tasks = tasks, Locations = locations, Agents = agents, Executions = executions, Regions = new[] { "us-east-1" },
            });
            var summary = new SummaryView(sheets[0]);
            Assert.Equal(new object[] { tasks[0].TaskArn }, summary.Table("Tasks Whose Latest Execution Failed").Column("Task ARN"));
            Assert.Equal(new object[] { "runs" }, summary.Table("Tasks Whose Latest Execution Failed").Column("Task Name"));
            Assert.Equal(new object[] { tasks[1].TaskArn }, summary.Table("Tasks With No Execution in the Window").Column("Task ARN"));
            Assert.Equal(new object[] { agents[1].AgentArn }, summary.Table("Agents OFFLINE").Column("Agent ARN"));
            Assert.Equal(new object[] { locations[2].LocationArn }, summary.Table("Locations No Task Uses").Column("Location ARN"));

            var days = summary.Table("Executions per Day (UTC)");
            Assert.Equal(4, days.Rows.Count);
            Assert.Equal(1d, days.Rows[2][2]); // the ERROR, one day before Now

            // The latest execution succeeding clears the finding.
            executions.Add(Execution(tasks[0], 3, "SUCCESS", Now.AddHours(-1)));
            var again = new SummaryView(Write(new ReportData { AccountId = "1", ScanTimeUtc = Now, Tasks = tasks, Executions = executions })!.Sheets[0]);
            Assert.Empty(again.Table("Tasks Whose Latest Execution Failed").Rows);
        }

        [Fact]
        public void ACancelledTokenWritesNothing()
        {
            using var cancellation = new CancellationTokenSource();
            cancellation.Cancel();
            string path = Path.Combine(_directory, "never.xlsx");
            Assert.ThrowsAny<OperationCanceledException>(() => WorkbookWriter.WriteFile(path, new ReportData(), false, cancellation.Token));
            Assert.Empty(Directory.GetFileSystemEntries(_directory));
        }

        [Fact]
        public void AMissingDirectoryIsAnErrorAndNothingIsCreated()
        {
            string path = Path.Combine(_directory, "missing", "x.xlsx");
            Assert.Throws<DirectoryNotFoundException>(() => WorkbookWriter.WriteFile(path, new ReportData(), false));
            Assert.Empty(Directory.GetFileSystemEntries(_directory));
        }

        internal static DataSyncTask Task(int n, string name) => new DataSyncTask
        {
            AccountId = "111122223333",
            Region = "us-east-1",
            TaskArn = Arn("task", n),
            Name = name,
            Status = "AVAILABLE",
            CreationTime = Now.AddDays(-10),
        };

        internal static DataSyncTaskExecution Execution(DataSyncTask task, int n, string status, DateTime start) => new DataSyncTaskExecution
        {
            AccountId = task.AccountId,
            Region = task.Region,
            TaskArn = task.TaskArn,
            TaskExecutionArn = task.TaskArn + "/execution/exec-" + n.ToString("D17", System.Globalization.CultureInfo.InvariantCulture),
            TaskName = task.Name,
            Status = status,
            StartTime = start,
            TotalDuration = TimeSpan.FromMinutes(75),
            BytesTransferred = 1_500_000_000,
            FilesTransferred = 12,
        };
    }
}
