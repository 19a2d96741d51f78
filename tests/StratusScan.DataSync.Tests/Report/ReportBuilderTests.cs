using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>
    /// The builder that holds no list of rows: spilled runs merge into the same workbook as one run, whatever the
    /// arrival order or the threads; sheets past the limit continue; the temporary folder goes in every outcome.
    /// </summary>
    public sealed class ReportBuilderTests : IClassFixture<WorkbookFixture>, IDisposable
    {
        private static readonly DateTime Now = new DateTime(2026, 5, 4, 10, 0, 0, DateTimeKind.Utc);
        private readonly WorkbookFixture _fixture;
        private readonly string _spillRoot = Path.Combine(Path.GetTempPath(), "ss-spill-" + Guid.NewGuid().ToString("N"));

        public ReportBuilderTests(WorkbookFixture fixture)
        {
            _fixture = fixture;
            Directory.CreateDirectory(_spillRoot);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_spillRoot, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private ReportData Data => _fixture.Data;

        /// <summary>Every object of the dataset, kinds mixed as a scan hands them on.</summary>
        private List<object> Objects() =>
            Data.Tasks.Cast<object>().Concat(Data.Locations).Concat(Data.Agents).Concat(Data.Executions).ToList();

        private WriterSettings Tiny(int maxDataRows = WorkbookWriter.MaxDataRows) =>
            new WriterSettings { SpillBufferBytes = 4096, SpillRoot = _spillRoot, MaxDataRows = maxDataRows };

        private static byte[] Build(IEnumerable<object> objects, ReportData report, WriterSettings settings, out int runs)
        {
            using var builder = new ReportBuilder(settings);
            foreach (var item in objects) Assert.True(builder.Add(item));
            runs = builder.Runs;
            using var output = new MemoryStream();
            builder.Write(output, report, CancellationToken.None);
            return output.ToArray();
        }

        [Fact]
        public void ATinySpillBufferGivesTheSameWorkbookAsOneRunInMemory()
        {
            var oneRun = Build(Objects(), Data, new WriterSettings { SpillRoot = _spillRoot }, out int inMemory);
            var spilled = Build(Objects(), Data, Tiny(), out int runs);

            Assert.Equal(0, inMemory);
            Assert.True(runs > 10, "runs: " + runs);
            Assert.Equal(oneRun, spilled);
            Assert.Equal(File.ReadAllBytes(_fixture.WorkbookPath), oneRun);
            Assert.Empty(Directory.GetFileSystemEntries(_spillRoot));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(2026)]
        public void ShuffledArrivalGivesTheSameWorkbook(int seed)
        {
            var random = new Random(seed);
            var shuffled = Objects().OrderBy(_ => random.Next()).ToList();
            var spilled = Build(shuffled, Data, Tiny(), out int runs);
            Assert.True(runs > 10);
            Assert.Equal(File.ReadAllBytes(_fixture.WorkbookPath), spilled);
        }

        [Fact]
        public async Task SeveralWorkerThreadsAtOnceGiveTheSameWorkbook()
        {
            var objects = Objects();
            using var builder = new ReportBuilder(Tiny());
            using var start = new ManualResetEventSlim();
            var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                start.Wait();
                for (int i = w; i < objects.Count; i += 4) await builder.WriteAsync(objects[i], CancellationToken.None);
            })).ToList();
            start.Set();
            await Task.WhenAll(workers);

            Assert.Equal((Data.Tasks.Count, Data.Executions.Count), ((int)builder.Tasks, (int)builder.Executions));
            using var output = new MemoryStream();
            builder.Write(output, Data, CancellationToken.None);
            Assert.Equal(File.ReadAllBytes(_fixture.WorkbookPath), output.ToArray());
        }

        [Fact]
        public void TheSummaryFromRunningTotalsEqualsTheListBasedFigures()
        {
            // The figures the Summary showed when it counted lists, recomputed here from the lists.
            var random = new Random(3);
            var bytes = Build(Objects().OrderBy(_ => random.Next()), Data, Tiny(), out _);
            var summary = new SummaryView(WorkbookReader.Read(new MemoryStream(bytes))[0]);

            var executions = summary.Block("Executions in the Window");
            Assert.Equal((double)Data.Executions.Count, executions["Total"]);
            Assert.Equal((double)Data.Executions.Count(e => e.Status == "ERROR"), executions["ERROR"]);
            Assert.Equal((double)Data.Executions.Sum(e => e.BytesTransferred ?? 0), executions["Bytes Transferred"]);
            var tasks = summary.Block("Tasks");
            Assert.Equal((double)Data.Tasks.Count(t => t.Status == "AVAILABLE"), tasks["AVAILABLE"]);
            Assert.Equal((double)Data.Tasks.Count(t => t.HasSchedule), tasks["With a Schedule"]);

            var regions = summary.Table("By Region");
            foreach (var row in regions.Rows)
            {
                var region = (string)row[0]!;
                Assert.Equal((double)Data.Tasks.Count(t => t.Region == region), row[1]);
                Assert.Equal((double)Data.Executions.Count(e => e.Region == region), row[4]);
                Assert.Equal((double)Data.Executions.Count(e => e.Region == region && e.Status == "ERROR"), row[5]);
                Assert.Equal((double)Data.Executions.Where(e => e.Region == region).Sum(e => e.BytesTransferred ?? 0), row[6]);
            }

            var latestFailed = Data.Executions.GroupBy(e => e.TaskArn)
                .Select(g => g.OrderByDescending(e => e.StartTime).ThenByDescending(e => e.TaskExecutionArn, StringComparer.Ordinal).First())
                .Where(e => e.Status == "ERROR").OrderBy(e => e.Region, StringComparer.Ordinal).ThenBy(e => e.TaskArn, StringComparer.Ordinal).Select(e => e.TaskArn).ToList();
            Assert.Equal(latestFailed, summary.Table("Tasks Whose Latest Execution Failed").Column("Task ARN").Cast<string>().ToList());
        }

        /// <summary>2,500 executions over 4 days, every fifth failed.</summary>
        private static List<DataSyncTaskExecution> Executions(int count)
        {
            const string Task = "arn:aws:datasync:us-east-1:111122223333:task/task-00000000000000001";
            return Enumerable.Range(0, count).Select(i => new DataSyncTaskExecution
            {
                TaskExecutionArn = Task + "/execution/exec-" + i.ToString("D17", System.Globalization.CultureInfo.InvariantCulture),
                TaskArn = Task,
                TaskName = "nightly",
                AccountId = "111122223333",
                Region = "us-east-1",
                Status = i % 5 == 0 ? "ERROR" : "SUCCESS",
                StartTime = Now.AddMinutes(-(i * 2) - (i % 3)),
                BytesTransferred = 1000 + i,
            }).ToList();
        }

        [Fact]
        public void RowsPastTheLimitContinueOnSheetsThatHoldEveryRowOnce()
        {
            var executions = Executions(2500);
            var report = new ReportData { AccountId = "111122223333", ScanTimeUtc = Now, Window = ExecutionWindow.LastDays(7, Now), Regions = new[] { "us-east-1" } };
            var random = new Random(5);
            var path = Path.Combine(_spillRoot, "continued.xlsx");
            WorkbookResult result;
            using (var builder = new ReportBuilder(Tiny(maxDataRows: 1000)))
            {
                foreach (var e in executions.OrderBy(_ => random.Next())) builder.Add(e);
                result = builder.WriteFile(path, report, overwrite: false);
            }

            var sheets = WorkbookReader.Read(path);
            Assert.Equal(new[] { "Summary", "Tasks", "Locations", "Agents", "Recent Executions", "Recent Executions (2)", "Recent Executions (3)", "Active Tasks", "Failed Executions" },
                sheets.Select(s => s.Name));
            Assert.Equal(new[] { 1000, 1000, 500 }, new[] { "Recent Executions", "Recent Executions (2)", "Recent Executions (3)" }.Select(n => result.RowsPerSheet[n]));
            var recent = sheets.Skip(4).Take(3).ToList();
            Assert.All(recent, s => Assert.Equal(SheetColumns.Executions.Select(c => c.Header), s.Headers));
            var arns = recent.SelectMany(s => s.Column("Task Execution ARN")).Cast<string>().ToList();
            Assert.Equal(executions.InSheetOrder().Select(e => e.TaskExecutionArn), arns); // every row once, newest first across the sheets
            Assert.Equal(500, sheets[8].DataRowCount);
            Assert.Equal(executions.Where(e => e.Status == "ERROR").InSheetOrder().Select(e => e.TaskExecutionArn), sheets[8].Column("Task Execution ARN").Cast<string>());
            ExpectedColumns.AssertExecutions(recent[2], executions.InSheetOrder().Skip(2000).ToList());

            var header = new SummaryView(sheets[0]).Block(null);
            Assert.Equal(2d, header["Continuation Sheets"]);
            Assert.Equal("2,500 rows on 3 sheets: Recent Executions, Recent Executions (2), Recent Executions (3)", header["Continued: Recent Executions"]);
            Assert.Equal(2500d, new SummaryView(sheets[0]).Block("Executions in the Window")["Total"]);

            using var document = SpreadsheetDocument.Open(path, false);
            var errors = new OpenXmlValidator().Validate(document).Take(10).Select(e => e.Part?.Uri + " " + e.Description).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            var workbook = document.WorkbookPart!;
            var tables = workbook.WorksheetParts.SelectMany(p => p.TableDefinitionParts).Select(t => t.Table!).ToList();
            Assert.Equal(tables.Count, tables.Select(t => t.Name!.Value).Distinct().Count());
            Assert.Equal(tables.Count, tables.Select(t => t.Id!.Value).Distinct().Count());
            Assert.Contains(tables, t => t.Name == "RecentExecutions_3" && t.Reference == "A1:" + SheetStream.ColumnName(SheetColumns.Executions.Count - 1) + "501");
            foreach (var name in new[] { "Recent Executions (2)", "Recent Executions (3)" })
            {
                var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
                var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!;
                Assert.Equal(PaneStateValues.Frozen, worksheet.Descendants<Pane>().Single().State!.Value);
                Assert.Contains("=\"ERROR\"", worksheet.Descendants<ConditionalFormatting>().Single().InnerText, StringComparison.Ordinal);
            }

            Assert.Equal(new[] { "continued.xlsx" }, Directory.GetFileSystemEntries(_spillRoot).Select(Path.GetFileName));
        }

        [Fact]
        public void TheTemporaryFolderGoesAfterASuccessAFailureAndACancellation()
        {
            var executions = Executions(600);
            var report = new ReportData { AccountId = "111122223333", ScanTimeUtc = Now };
            string? folder;
            using (var builder = new ReportBuilder(Tiny()))
            {
                foreach (var e in executions) builder.Add(e);
                folder = builder.SpillDirectory;
                Assert.NotNull(folder);
                Assert.NotEmpty(Directory.GetFiles(folder!, "*.run"));
                builder.Write(Stream.Null, report, CancellationToken.None);
                Assert.Throws<InvalidOperationException>(() => builder.Add(executions[0]));
            }

            Assert.False(Directory.Exists(folder));

            var output = Path.Combine(_spillRoot, "out");
            Directory.CreateDirectory(output);
            var failing = Tiny();
            failing.CheckEvery = 10;
            failing.OnRows = (sheet, _) => { if (sheet == "Recent Executions") throw new InvalidDataException("boom"); };
            var data = new ReportData { AccountId = "111122223333", ScanTimeUtc = Now, Executions = executions };
            Assert.Throws<InvalidDataException>(() => WorkbookWriter.WriteFile(Path.Combine(output, "failed.xlsx"), data, false, CancellationToken.None, failing));

            using var cancellation = new CancellationTokenSource();
            var cancelling = Tiny();
            cancelling.CheckEvery = 10;
            cancelling.OnRows = (sheet, _) => cancellation.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => WorkbookWriter.WriteFile(Path.Combine(output, "cancelled.xlsx"), data, false, cancellation.Token, cancelling));

            Assert.Equal(new[] { output }, Directory.GetFileSystemEntries(_spillRoot));
            Assert.Empty(Directory.GetFileSystemEntries(output));
        }

        [Fact]
        public void ABuilderCancelledBeforeItWritesLeavesNothingEither()
        {
            using var cancellation = new CancellationTokenSource();
            cancellation.Cancel();
            using (var builder = new ReportBuilder(Tiny()))
            {
                foreach (var e in Executions(300)) builder.Add(e);
                Assert.NotNull(builder.SpillDirectory);
                Assert.ThrowsAny<OperationCanceledException>(() => builder.WriteAsync(Executions(1)[0], cancellation.Token).GetAwaiter().GetResult());
                Assert.ThrowsAny<OperationCanceledException>(() => builder.WriteFile(Path.Combine(_spillRoot, "never.xlsx"), new ReportData(), false, cancellation.Token));
            }

            Assert.Empty(Directory.GetFileSystemEntries(_spillRoot));
        }

        [Fact]
        public void ColumnWidthsDoNotDependOnArrivalOrder()
        {
            var executions = Executions(50);
            executions[49].ErrorDetail = new string('x', 45); // the last to arrive, and the oldest row
            var report = new ReportData { AccountId = "111122223333", ScanTimeUtc = Now };
            var forward = Build(executions, report, Tiny(), out _);
            var backward = Build(Enumerable.Reverse(executions), report, Tiny(), out _);
            Assert.Equal(forward, backward);

            using var document = SpreadsheetDocument.Open(new MemoryStream(forward), false);
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Recent Executions");
            var columns = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.Descendants<Column>().ToList();
            int detail = SheetColumns.Executions.Select(c => c.Header).ToList().IndexOf("Error Detail");
            Assert.Equal(47d, columns[detail].Width!.Value);
        }
    }
}
