using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>The workbook of the emulator's dataset, read back by ExcelDataReader and the OpenXML SDK.</summary>
    public sealed class WorkbookWriterTests : IClassFixture<WorkbookFixture>
    {
        private static readonly string[] SheetOrder = { "Summary", "Tasks", "Locations", "Agents", "Recent Executions", "Active Tasks", "Failed Executions" };
        private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

        private readonly WorkbookFixture _fixture;

        public WorkbookWriterTests(WorkbookFixture fixture) => _fixture = fixture;

        private ReportData Data => _fixture.Data;

        [Fact]
        public void TheDatasetHasWhatTheseTestsRelyOn()
        {
            Assert.Empty(_fixture.Scan.Issues);
            Assert.Contains(Data.Executions, e => e.Status == "ERROR");
            Assert.Contains(Data.Executions, e => e.ErrorDetail != null && e.ErrorDetail.StartsWith("=HYPERLINK(", StringComparison.Ordinal));
            Assert.Contains(Data.Executions, e => e.ErrorDetail != null && e.ErrorDetail.Length > 32767);
            Assert.Contains(Data.Tasks, t => t.Name != null && t.Name.StartsWith("=", StringComparison.Ordinal));
            Assert.Contains(Data.Tasks, t => t.Status == "AVAILABLE");
            Assert.Contains(Data.Tasks, t => t.Status != "AVAILABLE");
            Assert.Contains(Data.Agents, a => a.Status == "OFFLINE");
            Assert.Contains(Data.Executions, e => e.FilesFailed.HasValue);
            Assert.Contains(Data.Executions, e => !e.FilesFailed.HasValue);
            Assert.Contains(Data.Executions, e => e.BytesTransferred > uint.MaxValue);
        }

        [Fact]
        public void TheFileIsNamedForTheAccountAndTheResultDescribesIt()
        {
            Assert.Equal(Path.Combine(_fixture.Directory, "Audit_ Prod_Main-datasync-all-export-11.20.2026.xlsx"), _fixture.Result.Path);
            Assert.Equal(new FileInfo(_fixture.WorkbookPath).Length, _fixture.Result.Bytes);
            Assert.Equal(SheetOrder, _fixture.Result.RowsPerSheet.Keys.ToArray());
            Assert.Equal(Data.Tasks.Count, _fixture.Result.RowsPerSheet["Tasks"]);
            Assert.Equal(Data.Executions.Count, _fixture.Result.RowsPerSheet["Recent Executions"]);
            Assert.Equal(Data.Tasks.Count(t => t.Status == "AVAILABLE"), _fixture.Result.RowsPerSheet["Active Tasks"]);
            Assert.All(_fixture.Result.RowsNotWritten.Values, v => Assert.Equal(0, v));
            Assert.False(_fixture.Result.Overflowed);
            static int Long(string? text) => text != null && text.Length > 32767 ? 1 : 0;
            static int TaskLong(DataSyncTask t) => Long(t.ErrorDetail) + Long(string.Join("|", t.IncludePatterns)) + Long(string.Join("|", t.ExcludePatterns));
            int expected = Data.Tasks.Sum(TaskLong) + Data.Tasks.Where(t => t.Status == "AVAILABLE").Sum(TaskLong)
                + Data.Executions.Sum(e => Long(e.ErrorDetail)) + Data.Executions.Where(e => e.Status == "ERROR").Sum(e => Long(e.ErrorDetail));
            Assert.Equal(expected, _fixture.Result.TruncatedCells);
            Assert.True(_fixture.Result.TruncatedCells > 0);
            Assert.Empty(Directory.GetFiles(_fixture.Directory, "*.tmp"));
        }

        [Fact]
        public void TheOpenXmlValidatorFindsNoErrors()
        {
            using var document = SpreadsheetDocument.Open(_fixture.WorkbookPath, false);
            var errors = new OpenXmlValidator().Validate(document).Take(20)
                .Select(e => e.Part?.Uri + " " + e.Path?.XPath + ": " + e.Description).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        }

        [Fact]
        public void SevenSheetsInOrderAndEveryCellEqualsItsSource()
        {
            var sheets = WorkbookReader.Read(_fixture.WorkbookPath);
            Assert.Equal(SheetOrder, sheets.Select(s => s.Name).ToArray());

            ExpectedColumns.AssertTasks(sheets[1], Data.Tasks);
            ExpectedColumns.AssertLocations(sheets[2], Data.Locations);
            ExpectedColumns.AssertAgents(sheets[3], Data.Agents);
            ExpectedColumns.AssertExecutions(sheets[4], Data.Executions);
            ExpectedColumns.AssertTasks(sheets[5], Data.Tasks.Where(t => t.Status == "AVAILABLE").ToList());
            ExpectedColumns.AssertExecutions(sheets[6], Data.Executions.Where(e => e.Status == "ERROR").ToList());
        }

        [Fact]
        public void CellsKeepTheirTypes()
        {
            var sheets = WorkbookReader.Read(_fixture.WorkbookPath);
            var executions = sheets[4];
            int withDuration = Enumerable.Range(0, executions.DataRowCount).First(r => executions.Cell(r, "Duration") != null);
            Assert.IsType<TimeSpan>(executions.Cell(withDuration, "Duration"));
            Assert.IsType<DateTime>(executions.Cell(0, "Start Time (UTC)"));
            Assert.IsType<double>(executions.Cell(0, "Bytes Transferred"));
            Assert.IsType<double>(executions.Cell(0, "Files Transferred"));
            Assert.IsType<DateTime>(sheets[1].Cell(0, "Creation Time (UTC)"));
        }

        [Fact]
        public void ActiveTasksAndFailedExecutionsAreExactFilters()
        {
            var sheets = WorkbookReader.Read(_fixture.WorkbookPath);
            var active = Enumerable.Range(0, sheets[5].DataRowCount).Select(r => (string)sheets[5].Cell(r, "Task ARN")!).ToList();
            Assert.Equal(Data.Tasks.Where(t => t.Status == "AVAILABLE").Select(t => t.TaskArn), active);
            Assert.All(Enumerable.Range(0, sheets[5].DataRowCount), r => Assert.Equal("AVAILABLE", sheets[5].Cell(r, "Status")));

            var failed = Enumerable.Range(0, sheets[6].DataRowCount).Select(r => (string)sheets[6].Cell(r, "Task Execution ARN")!).ToList();
            Assert.Equal(Data.Executions.Where(e => e.Status == "ERROR").Select(e => e.TaskExecutionArn), failed);
            Assert.NotEmpty(failed);
        }

        [Fact]
        public void SummaryHeaderAndCountsEqualTheData()
        {
            var summary = new SummaryView(WorkbookReader.Read(_fixture.WorkbookPath)[0]);
            var header = summary.Block(null);
            Assert.Equal("111122223333", header["Account ID"]);
            Assert.Equal("Audit: Prod/Main", header["Account Name"]);
            Assert.Equal("AWS Commercial", header["Partition"]);
            Assert.Equal("us-east-1, eu-west-1", header["Regions Scanned"]);
            ExpectedColumns.AssertCell(WorkbookFixture.Now.UtcDateTime, header["Scan Time (UTC)"], "Scan Time");
            Assert.Equal("30 days: 2026-10-21 12:00 to 2026-11-20 12:00 UTC", header["Execution Window"]);
            Assert.StartsWith("Yes", (string)header["Data Complete"]!, StringComparison.Ordinal);
            Assert.Equal((double)_fixture.Result.TruncatedCells, header["Cells Cut at 32,767 Characters"]);
            Assert.Equal(0d, header["Rows Not Written (Sheet Full)"]);

            var tasks = summary.Block("Tasks");
            Assert.Equal((double)Data.Tasks.Count, tasks["Total"]);
            foreach (var status in new[] { "AVAILABLE", "CREATING", "QUEUED", "RUNNING", "UNAVAILABLE" })
            {
                Assert.Equal((double)Data.Tasks.Count(t => t.Status == status), tasks[status]);
            }

            Assert.Equal((double)Data.Tasks.Count(t => !string.IsNullOrEmpty(t.ScheduleExpression)), tasks["With a Schedule"]);

            var locations = summary.Block("Locations");
            Assert.Equal((double)Data.Locations.Count, locations["Total"]);
            foreach (var type in LocationType.All) Assert.Equal((double)Data.Locations.Count(l => l.LocationType == type), locations[type]);

            var agents = summary.Block("Agents");
            Assert.Equal((double)Data.Agents.Count, agents["Total"]);
            Assert.Equal((double)Data.Agents.Count(a => a.Status == "ONLINE"), agents["ONLINE"]);
            Assert.Equal((double)Data.Agents.Count(a => a.Status == "OFFLINE"), agents["OFFLINE"]);

            var executions = summary.Block("Executions in the Window");
            var inProgress = new[] { "QUEUED", "LAUNCHING", "PREPARING", "TRANSFERRING", "VERIFYING" };
            Assert.Equal((double)Data.Executions.Count, executions["Total"]);
            Assert.Equal((double)Data.Executions.Count(e => e.Status == "SUCCESS"), executions["SUCCESS"]);
            Assert.Equal((double)Data.Executions.Count(e => e.Status == "ERROR"), executions["ERROR"]);
            Assert.Equal((double)Data.Executions.Count(e => inProgress.Contains(e.Status)), executions["In Progress"]);
            Assert.Equal((double)Data.Executions.Sum(e => e.BytesTransferred ?? 0), executions["Bytes Transferred"]);
            Assert.True((double)executions["In Progress"]! > 0);
        }

        [Fact]
        public void SummaryPerRegionAndPerDayTablesEqualTheData()
        {
            var summary = new SummaryView(WorkbookReader.Read(_fixture.WorkbookPath)[0]);
            var regions = summary.Table("By Region");
            Assert.Equal(new[] { "Region", "Tasks", "Locations", "Agents", "Executions", "Failed Executions", "Bytes Transferred" }, regions.Headers);
            Assert.Equal(WorkbookFixture.Regions, regions.Rows.Select(r => (string)r[0]!).ToArray());
            foreach (var row in regions.Rows)
            {
                var region = (string)row[0]!;
                Assert.Equal((double)Data.Tasks.Count(t => t.Region == region), row[1]);
                Assert.Equal((double)Data.Locations.Count(t => t.Region == region), row[2]);
                Assert.Equal((double)Data.Agents.Count(t => t.Region == region), row[3]);
                Assert.Equal((double)Data.Executions.Count(t => t.Region == region), row[4]);
                Assert.Equal((double)Data.Executions.Count(t => t.Region == region && t.Status == "ERROR"), row[5]);
                Assert.Equal((double)Data.Executions.Where(t => t.Region == region).Sum(e => e.BytesTransferred ?? 0), row[6]);
            }

            var days = summary.Table("Executions per Day (UTC)");
            Assert.Equal(31, days.Rows.Count); // 2026-10-21 … 2026-11-20
            Assert.Equal(new DateTime(2026, 10, 21), days.Rows[0][0]);
            Assert.Equal(new DateTime(2026, 11, 20), days.Rows[30][0]);
            foreach (var row in days.Rows)
            {
                var day = (DateTime)row[0]!;
                var ofDay = Data.Executions.Where(e => e.StartTime!.Value.Date == day).ToList();
                Assert.Equal((double)ofDay.Count(e => e.Status == "SUCCESS"), row[1]);
                Assert.Equal((double)ofDay.Count(e => e.Status == "ERROR"), row[2]);
                Assert.Equal((double)ofDay.Sum(e => e.BytesTransferred ?? 0), row[5]);
            }

            Assert.Equal((double)Data.Executions.Count, days.Rows.Sum(r => (double)r[1]! + (double)r[2]! + (double)r[3]! + (double)r[4]!));
            Assert.Contains(summary.Rows, r => r.Length > 0 && (r[0] as string) == "The scan had no issues: the data is complete.");
        }

        [Fact]
        public void SummaryFindingsListWhatAnAuditorActsOn()
        {
            var summary = new SummaryView(WorkbookReader.Read(_fixture.WorkbookPath)[0]);

            var latestFailed = Data.Executions.GroupBy(e => e.TaskArn)
                .Select(g => g.OrderByDescending(e => e.StartTime).First())
                .Where(e => e.Status == "ERROR").Select(e => e.TaskArn).OrderBy(a => a, StringComparer.Ordinal).ToList();
            var failedTable = summary.Table("Tasks Whose Latest Execution Failed");
            Assert.Equal(latestFailed, failedTable.Column("Task ARN").Cast<string>().OrderBy(a => a, StringComparer.Ordinal).ToList());
            Assert.Equal((double)latestFailed.Count, summary.SectionCount("Tasks Whose Latest Execution Failed"));

            var idle = Data.Tasks.Where(t => Data.Executions.All(e => e.TaskArn != t.TaskArn)).Select(t => t.TaskArn).ToList();
            Assert.Equal(idle, summary.Table("Tasks With No Execution in the Window").Column("Task ARN").Cast<string>().ToList());

            var offline = Data.Agents.Where(a => a.Status == "OFFLINE").Select(a => a.AgentArn).ToList();
            Assert.Equal(offline, summary.Table("Agents OFFLINE").Column("Agent ARN").Cast<string>().ToList());

            var used = Data.Tasks.SelectMany(t => new[] { t.SourceLocationArn, t.DestinationLocationArn }).ToHashSet();
            var unused = Data.Locations.Where(l => !used.Contains(l.LocationArn)).Select(l => l.LocationArn).ToList();
            Assert.NotEmpty(unused);
            Assert.Equal(unused, summary.Table("Locations No Task Uses").Column("Location ARN").Cast<string>().ToList());
            Assert.Equal((double)unused.Count, summary.SectionCount("Locations No Task Uses"));
        }

        [Fact]
        public void TextFromAwsIsNeverAFormula()
        {
            var sheets = WorkbookReader.Read(_fixture.WorkbookPath);
            var failed = sheets[4];
            var hyperlink = Enumerable.Range(0, failed.DataRowCount).Select(r => failed.Cell(r, "Error Detail"))
                .OfType<string>().First(s => s.StartsWith("=HYPERLINK(", StringComparison.Ordinal));
            Assert.Equal("=HYPERLINK(\"http://example.invalid\",\"x\")", hyperlink);
            var formulaName = Data.Tasks.First(t => t.Name != null && t.Name.StartsWith("=", StringComparison.Ordinal));
            int row = Data.Tasks.ToList().IndexOf(formulaName);
            Assert.Equal(formulaName.Name, sheets[1].Cell(row, "Task Name"));

            // No <f> (cell formula) in any SpreadsheetML part; chart parts reference ranges with c:f, another namespace.
            using var zip = ZipFile.OpenRead(_fixture.WorkbookPath);
            int quotePrefixStyle = QuotePrefixStyleIndex(zip);
            int quoted = 0;
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var stream = entry.Open();
                var document = XDocument.Load(stream);
                Assert.Empty(document.Descendants(XName.Get("f", MainNs)));
                foreach (var cell in document.Descendants(XName.Get("c", MainNs)))
                {
                    var text = cell.Element(XName.Get("is", MainNs))?.Value;
                    if (text is null || text.Length == 0 || "=+-@".IndexOf(text[0]) < 0) continue;
                    Assert.Equal("inlineStr", (string?)cell.Attribute("t"));
                    Assert.Equal(quotePrefixStyle.ToString(CultureInfo.InvariantCulture), (string?)cell.Attribute("s"));
                    quoted++;
                }
            }

            Assert.True(quoted > 3);
        }

        private static int QuotePrefixStyleIndex(ZipArchive zip)
        {
            using var stream = zip.GetEntry("xl/styles.xml")!.Open();
            var xfs = XDocument.Load(stream).Descendants(XName.Get("cellXfs", MainNs)).Single().Elements().ToList();
            return xfs.FindIndex(x => (string?)x.Attribute("quotePrefix") == "1");
        }

        [Fact]
        public void TextOverTheCellLimitIsCutWithTheMarker()
        {
            var sheets = WorkbookReader.Read(_fixture.WorkbookPath);
            var source = Data.Executions.First(e => e.ErrorDetail?.Length == 40000);
            int row = Data.Executions.ToList().IndexOf(source);
            var cell = Assert.IsType<string>(sheets[4].Cell(row, "Error Detail"));
            Assert.Equal(32767, cell.Length);
            Assert.EndsWith(ExpectedColumns.Marker, cell, StringComparison.Ordinal);
            Assert.StartsWith(cell.Substring(0, 32767 - ExpectedColumns.Marker.Length), source.ErrorDetail, StringComparison.Ordinal);
        }

        [Fact]
        public void DataSheetsAreTablesWithFrozenBoldHeadersFittedWidthsAndAlerts()
        {
            using var document = SpreadsheetDocument.Open(_fixture.WorkbookPath, false);
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(SheetOrder, sheets.Select(s => s.Name!.Value).ToArray());
            var tableNames = new List<string>();
            var alerts = new Dictionary<string, string>
            {
                ["Tasks"] = "$C2=\"UNAVAILABLE\"", ["Agents"] = "$C2=\"OFFLINE\"", ["Recent Executions"] = "$D2=\"ERROR\"",
                ["Active Tasks"] = "$C2=\"UNAVAILABLE\"", ["Failed Executions"] = "$D2=\"ERROR\"",
            };

            foreach (var sheet in sheets.Skip(1))
            {
                var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
                var worksheet = part.Worksheet;
                var view = worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!;
                Assert.NotEqual(true, view.TabSelected?.Value);
                var pane = view.GetFirstChild<Pane>()!;
                Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
                Assert.Equal("A2", pane.TopLeftCell!.Value);

                var table = Assert.Single(part.TableDefinitionParts).Table;
                tableNames.Add(table.Name!);
                var rows = worksheet.Descendants<Row>().ToList();
                var header = rows[0].Elements<Cell>().ToList();
                Assert.Equal(header.Select(c => c.InnerText), table.TableColumns!.Elements<TableColumn>().Select(c => c.Name!.Value));
                Assert.All(header, c => Assert.Equal(1u, c.StyleIndex!.Value));
                Assert.Equal(table.Reference!.Value, table.AutoFilter!.Reference!.Value);
                Assert.EndsWith((Math.Max(2, rows.Count)).ToString(CultureInfo.InvariantCulture), table.Reference!.Value, StringComparison.Ordinal);
                Assert.Null(worksheet.GetFirstChild<AutoFilter>());
                Assert.Empty(worksheet.Descendants<MergeCells>());

                var widths = worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
                Assert.Equal(header.Count, widths.Count);
                for (int c = 0; c < widths.Count; c++)
                {
                    Assert.InRange(widths[c].Width!.Value, header[c].InnerText.Length + 3, 60);
                }

                var rules = worksheet.Descendants<ConditionalFormattingRule>().ToList();
                if (alerts.TryGetValue(sheet.Name!, out var formula))
                {
                    var rule = Assert.Single(rules);
                    Assert.Equal(formula, rule.GetFirstChild<Formula>()!.Text);
                    Assert.Equal(0u, rule.FormatId!.Value);
                }
                else
                {
                    Assert.Empty(rules);
                }
            }

            Assert.Equal(tableNames.Count, tableNames.Distinct().Count());
            var dxf = workbook.WorkbookStylesPart!.Stylesheet.DifferentialFormats!.Elements<DifferentialFormat>().Single();
            Assert.NotNull(dxf.Fill);

            var summary = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
            Assert.True(summary.Worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.TabSelected!.Value);
            Assert.Empty(summary.Worksheet.Descendants<MergeCells>());
        }

        [Fact]
        public void SummaryHasFourNativeChartsOverItsOwnRangesWithExplicitColours()
        {
            using var document = SpreadsheetDocument.Open(_fixture.WorkbookPath, false);
            var workbook = document.WorkbookPart!;
            var summary = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            var charts = summary.DrawingsPart!.ChartParts.ToList();
            Assert.Equal(4, charts.Count);
            var c = (XNamespace)"http://schemas.openxmlformats.org/drawingml/2006/chart";
            var a = (XNamespace)"http://schemas.openxmlformats.org/drawingml/2006/main";
            var kinds = new List<string>();
            foreach (var chart in charts)
            {
                using var stream = chart.GetStream();
                var xml = XDocument.Load(stream);
                var plot = xml.Descendants(c + "plotArea").Single();
                kinds.Add(plot.Elements().First(e => e.Name.LocalName.EndsWith("Chart", StringComparison.Ordinal)).Name.LocalName);
                var series = xml.Descendants(c + "ser").ToList();
                Assert.NotEmpty(series);
                foreach (var ser in series)
                {
                    Assert.NotNull(ser.Element(c + "spPr")?.Descendants(a + "srgbClr").FirstOrDefault());
                    foreach (var f in ser.Descendants(c + "f")) Assert.StartsWith("Summary!$", f.Value, StringComparison.Ordinal);
                }
            }

            Assert.Equal(new[] { "pieChart", "barChart", "barChart", "barChart" }, kinds);
        }

        [Fact]
        public void UnderAGermanCultureTheWorkbookIsByteForByteTheSame()
        {
            var directory = _fixture.NewDirectory();
            var saved = CultureInfo.CurrentCulture;
            var savedUi = CultureInfo.CurrentUICulture;
            string path = Path.Combine(directory, "de.xlsx");
            try
            {
                CultureInfo.CurrentCulture = German();
                CultureInfo.CurrentUICulture = German();
                Assert.Equal("1.234,5", 1234.5.ToString("N1")); // the culture is really in effect
                WorkbookWriter.WriteFile(path, Data, overwrite: false);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = savedUi;
            }

            Assert.Equal(File.ReadAllBytes(_fixture.WorkbookPath), File.ReadAllBytes(path));
            var sheets = WorkbookReader.Read(path);
            ExpectedColumns.AssertExecutions(sheets[4], Data.Executions);
        }

        /// <summary>de-DE, or (under invariant globalization) a culture with its separators and date order.</summary>
        internal static CultureInfo German()
        {
            try
            {
                return new CultureInfo("de-DE");
            }
            catch (CultureNotFoundException)
            {
                var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
                culture.NumberFormat.NumberDecimalSeparator = ",";
                culture.NumberFormat.NumberGroupSeparator = ".";
                culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
                culture.DateTimeFormat.LongTimePattern = "HH:mm:ss";
                culture.DateTimeFormat.DateSeparator = ".";
                return culture;
            }
        }

        [Fact]
        public void AWriteOnlyNonSeekableStreamIsEnough()
        {
            using var sink = new MemoryStream();
            var result = WorkbookWriter.Write(new WriteOnlyStream(sink), Data, CancellationToken.None);
            Assert.Null(result.Path);
            Assert.Equal(sink.Length, result.Bytes);
            var bytes = sink.ToArray();
            var sheets = WorkbookReader.Read(new MemoryStream(bytes));
            Assert.Equal(SheetOrder, sheets.Select(s => s.Name).ToArray());
            ExpectedColumns.AssertAgents(sheets[3], Data.Agents);
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(new OpenXmlValidator().Validate(document));
        }

        [Fact]
        public void CancellationMidWriteLeavesNoFileAndNoTemporaryFile()
        {
            var directory = _fixture.NewDirectory();
            string path = Path.Combine(directory, "cancelled.xlsx");
            using var cancellation = new CancellationTokenSource();
            var seen = new List<string>();
            var settings = new WriterSettings
            {
                CheckEvery = 5,
                OnRows = (sheet, rows) =>
                {
                    seen.Add(sheet);
                    if (sheet == "Recent Executions") cancellation.Cancel();
                },
            };

            Assert.ThrowsAny<OperationCanceledException>(() => WorkbookWriter.WriteFile(path, Data, false, cancellation.Token, settings));
            Assert.Contains("Tasks", seen); // it was well into the write
            Assert.Empty(Directory.GetFileSystemEntries(directory));
        }

        [Fact]
        public void AnExistingFileIsNeverTouchedWithoutOverwrite()
        {
            var directory = _fixture.NewDirectory();
            string path = Path.Combine(directory, "existing.xlsx");
            File.WriteAllText(path, "keep me");
            var stamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, stamp);

            Assert.Throws<IOException>(() => WorkbookWriter.WriteFile(path, Data, overwrite: false));
            Assert.Equal("keep me", File.ReadAllText(path));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
            Assert.Single(Directory.GetFileSystemEntries(directory));

            var result = WorkbookWriter.WriteFile(path, Data, overwrite: true);
            Assert.Equal(path, result.Path);
            Assert.Equal(SheetOrder, WorkbookReader.Read(path).Select(s => s.Name).ToArray());
            Assert.Single(Directory.GetFileSystemEntries(directory));
        }

        [Fact]
        public void AFailedWriteRemovesItsTemporaryFileAndLeavesNoTarget()
        {
            var directory = _fixture.NewDirectory();
            string path = Path.Combine(directory, "failing.xlsx");
            var settings = new WriterSettings { CheckEvery = 3, OnRows = (sheet, _) => { if (sheet == "Agents") throw new InvalidDataException("boom"); } };
            Assert.Throws<InvalidDataException>(() => WorkbookWriter.WriteFile(path, Data, false, CancellationToken.None, settings));
            Assert.Empty(Directory.GetFileSystemEntries(directory));
        }

        [Fact]
        public void RowsBeyondTheSheetLimitAreReportedNotDropped()
        {
            var directory = _fixture.NewDirectory();
            string path = Path.Combine(directory, "overflow.xlsx");
            var result = WorkbookWriter.WriteFile(path, Data, false, CancellationToken.None, new WriterSettings { MaxDataRows = 3 });

            Assert.True(result.Overflowed);
            Assert.Equal(3, result.RowsPerSheet["Tasks"]);
            Assert.Equal(Data.Tasks.Count - 3, result.RowsNotWritten["Tasks"]);
            Assert.Equal(Data.Executions.Count - 3, result.RowsNotWritten["Recent Executions"]);
            Assert.Equal(Data.Executions.Count(e => e.Status == "ERROR") - 3, result.RowsNotWritten["Failed Executions"]);

            var sheets = WorkbookReader.Read(path);
            Assert.Equal(3, sheets[1].DataRowCount);
            ExpectedColumns.AssertTasks(sheets[1], Data.Tasks.Take(3).ToList());
            var header = new SummaryView(sheets[0]).Block(null);
            Assert.Equal((double)result.RowsNotWritten.Values.Sum(), header["Rows Not Written (Sheet Full)"]);
            Assert.Equal((double)(Data.Tasks.Count - 3), header["Rows Not Written: Tasks"]);
            Assert.Equal((double)(Data.Executions.Count - 3), header["Rows Not Written: Recent Executions"]);
            Assert.Empty(new OpenXmlValidator().Validate(SpreadsheetDocument.Open(path, false)));
        }

        private sealed class WriteOnlyStream : Stream
        {
            private readonly Stream _inner;

            public WriteOnlyStream(Stream inner) => _inner = inner;

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() => _inner.Flush();
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
        }
    }
}
