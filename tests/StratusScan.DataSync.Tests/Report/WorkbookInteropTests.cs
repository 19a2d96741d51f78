using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>
    /// What other tools read from the workbook besides the cells: each sheet's used range, the document
    /// properties, who scanned and with which module version, and date formats readers recognise as dates.
    /// </summary>
    public sealed class WorkbookInteropTests : IClassFixture<WorkbookFixture>
    {
        private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

        private readonly WorkbookFixture _fixture;

        public WorkbookInteropTests(WorkbookFixture fixture) => _fixture = fixture;

        /// <summary>The dimension ref of every worksheet part, and the range its cells actually span.</summary>
        private static List<(string Part, string? Dimension, string Used)> Dimensions(string path)
        {
            var result = new List<(string, string?, string)>();
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                XDocument xml;
                using (var stream = entry.Open()) xml = XDocument.Load(stream);
                var root = xml.Root!;
                var first = root.Elements().First();
                string? dimension = first.Name == Main + "dimension" ? (string?)first.Attribute("ref") : null;
                int maxRow = 0, maxColumn = 0;
                foreach (var cell in root.Descendants(Main + "c"))
                {
                    var reference = (string)cell.Attribute("r")!;
                    int split = reference.IndexOfAny("0123456789".ToCharArray());
                    int column = reference.Substring(0, split).Aggregate(0, (n, ch) => n * 26 + (ch - 'A' + 1));
                    int row = int.Parse(reference.Substring(split), CultureInfo.InvariantCulture);
                    maxRow = Math.Max(maxRow, row);
                    maxColumn = Math.Max(maxColumn, column);
                }

                result.Add((entry.FullName, dimension, SheetStream.Dimension(maxRow, maxColumn)));
            }

            return result;
        }

        [Fact]
        public void EveryWorksheetStartsWithTheDimensionOfItsUsedRange()
        {
            var sheets = Dimensions(_fixture.WorkbookPath);
            Assert.Equal(7, sheets.Count);
            foreach (var (part, dimension, used) in sheets)
            {
                Assert.True(dimension != null, part + " has no dimension as its first element");
                Assert.Equal(used, dimension);
                Assert.StartsWith("A1:", dimension!, StringComparison.Ordinal);
            }

            // The Tasks sheet: the header and one row per task, every column.
            var tasks = sheets.Single(s => s.Part == "xl/worksheets/sheet2.xml");
            Assert.Equal(SheetStream.Dimension(_fixture.Data.Tasks.Count + 1, SheetColumns.Tasks.Count), tasks.Dimension);
        }

        [Fact]
        public void AnEmptyWorkbookAndAFullSheetHaveTheirDimensionsToo()
        {
            var directory = _fixture.NewDirectory();
            var empty = Path.Combine(directory, "empty.xlsx");
            WorkbookWriter.WriteFile(empty, new ReportData { AccountId = "111122223333", ScanTimeUtc = WorkbookFixture.Now.UtcDateTime }, overwrite: false);
            foreach (var (part, dimension, used) in Dimensions(empty))
            {
                Assert.Equal(used, dimension);
            }

            // Rows beyond the sheet's limit continue on another sheet; each sheet's dimension ends at its own last row.
            var full = Path.Combine(directory, "full.xlsx");
            WorkbookWriter.WriteFile(full, _fixture.Data, overwrite: false, default, new WriterSettings { MaxDataRows = 5 });
            var sheets = Dimensions(full);
            foreach (var (part, dimension, used) in sheets) Assert.Equal(used, dimension);
            Assert.Equal(SheetStream.Dimension(6, SheetColumns.Tasks.Count), sheets.Single(s => s.Part == "xl/worksheets/sheet2.xml").Dimension);
        }

        [Fact]
        public void TheDocumentPropertiesNameTheTitleTheModuleAndItsVersionAndTheScanTime()
        {
            using var document = SpreadsheetDocument.Open(_fixture.WorkbookPath, false);
            var properties = document.PackageProperties;
            Assert.Equal("AWS DataSync Audit: Audit: Prod/Main", properties.Title);
            var version = typeof(EngineInfo).Assembly.GetName().Version!;
            Assert.Equal("StratusScan.DataSync " + version.ToString(3), properties.Creator);
            Assert.Equal(WorkbookFixture.Now.UtcDateTime, properties.Created!.Value.ToUniversalTime());
            Assert.Equal(WorkbookFixture.Now.UtcDateTime, properties.Modified!.Value.ToUniversalTime());
        }

        [Fact]
        public void SummaryNamesTheCallerAndTheModuleVersionInASingleAccountWorkbook()
        {
            Assert.Empty(_fixture.Data.Accounts);
            var header = new SummaryView(WorkbookReader.Read(_fixture.WorkbookPath)[0]).Block(null);
            Assert.Equal(_fixture.Data.CallerArn, header["Scanned As"]);
            Assert.Equal("StratusScan.DataSync " + typeof(EngineInfo).Assembly.GetName().Version!.ToString(3), header["Generated By"]);

            // Objects piped in were not scanned by anyone the writer knows: Summary says so instead of leaving it blank.
            var piped = Path.Combine(_fixture.NewDirectory(), "piped.xlsx");
            WorkbookWriter.WriteFile(piped, new ReportData { AccountId = "111122223333", ScanTimeUtc = WorkbookFixture.Now.UtcDateTime, Tasks = _fixture.Data.Tasks }, overwrite: false);
            var pipedHeader = new SummaryView(WorkbookReader.Read(piped)[0]).Block(null);
            Assert.StartsWith("not known", (string)pipedHeader["Scanned As"]!, StringComparison.Ordinal);
        }

        [Fact]
        public void DateCellsUseFormatIdsThatReadersTakeForDatesWithIsoLikeCodes()
        {
            // EPPlus 4.5 (ImportExcel) returns a DateTime only for a cell whose format id is 14-22 or 45-47; a custom
            // id (164 and up) comes back as a double whatever its code. The Pester ImportExcel test reads them back.
            using var document = SpreadsheetDocument.Open(_fixture.WorkbookPath, false);
            var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
            var codes = stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
            var formats = stylesheet.CellFormats!.Elements<CellFormat>().Select(f => f.NumberFormatId!.Value).ToArray();

            int dates = 0;
            foreach (var worksheet in document.WorkbookPart.WorksheetParts)
            {
                foreach (var cell in worksheet.Worksheet.Descendants<Cell>().Where(c => c.StyleIndex != null))
                {
                    uint id = formats[cell.StyleIndex!.Value];
                    if (id != Styles.DateTimeFormatId && id != Styles.DateFormatId) continue;
                    dates++;
                    Assert.True((id >= 14 && id <= 22) || (id >= 45 && id <= 47), "format id " + id);
                    Assert.Contains(codes[id], new[] { "yyyy-mm-dd hh:mm:ss", "yyyy-mm-dd" });
                    Assert.True(double.TryParse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
                }
            }

            Assert.True(dates > _fixture.Data.Executions.Count, "dates found: " + dates);
            // No other cell format lands on an id EPPlus would read as a date (durations, bytes, counts stay numbers).
            Assert.Equal(2, formats.Count(id => (id >= 14 && id <= 22) || (id >= 45 && id <= 47)));
        }
    }
}
