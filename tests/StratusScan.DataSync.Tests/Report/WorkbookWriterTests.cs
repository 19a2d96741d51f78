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
    public sealed partial class WorkbookWriterTests : IClassFixture<WorkbookFixture>
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

            ExpectedColumns.AssertTasks(sheets[1], Data.Tasks.InSheetOrder());
            ExpectedColumns.AssertLocations(sheets[2], Data.Locations.InSheetOrder());
            ExpectedColumns.AssertAgents(sheets[3], Data.Agents.InSheetOrder());
            ExpectedColumns.AssertExecutions(sheets[4], Data.Executions.InSheetOrder());
            ExpectedColumns.AssertTasks(sheets[5], Data.Tasks.Where(t => t.Status == "AVAILABLE").InSheetOrder());
            ExpectedColumns.AssertExecutions(sheets[6], Data.Executions.Where(e => e.Status == "ERROR").InSheetOrder());
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
            Assert.Equal(Data.Tasks.Where(t => t.Status == "AVAILABLE").InSheetOrder().Select(t => t.TaskArn), active);
            Assert.All(Enumerable.Range(0, sheets[5].DataRowCount), r => Assert.Equal("AVAILABLE", sheets[5].Cell(r, "Status")));

            var failed = Enumerable.Range(0, sheets[6].DataRowCount).Select(r => (string)sheets[6].Cell(r, "Task Execution ARN")!).ToList();
            Assert.Equal(Data.Executions.Where(e => e.Status == "ERROR").InSheetOrder().Select(e => e.TaskExecutionArn), failed);
            Assert.NotEmpty(failed);
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
            int row = Data.Tasks.InSheetOrder().IndexOf(formulaName);
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
            int row = Data.Executions.InSheetOrder().IndexOf(source);
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
    }
}
