using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>The Summary sheet: its header, counts, per-Region and per-day tables, findings and charts.</summary>
    public sealed partial class WorkbookWriterTests
    {
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
            Assert.Equal(0d, header["Continuation Sheets"]);
            Assert.DoesNotContain(header.Keys, k => k.StartsWith("Continued: ", StringComparison.Ordinal) || k.StartsWith("Rows Not Written", StringComparison.Ordinal));

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

            var idle = Data.Tasks.InSheetOrder().Where(t => Data.Executions.All(e => e.TaskArn != t.TaskArn)).Select(t => t.TaskArn).ToList();
            Assert.Equal(idle, summary.Table("Tasks With No Execution in the Window").Column("Task ARN").Cast<string>().ToList());

            var offline = Data.Agents.InSheetOrder().Where(a => a.Status == "OFFLINE").Select(a => a.AgentArn).ToList();
            Assert.Equal(offline, summary.Table("Agents OFFLINE").Column("Agent ARN").Cast<string>().ToList());

            var used = Data.Tasks.SelectMany(t => new[] { t.SourceLocationArn, t.DestinationLocationArn }).ToHashSet();
            var unused = Data.Locations.InSheetOrder().Where(l => !used.Contains(l.LocationArn)).Select(l => l.LocationArn).ToList();
            Assert.NotEmpty(unused);
            Assert.Equal(unused, summary.Table("Locations No Task Uses").Column("Location ARN").Cast<string>().ToList());
            Assert.Equal((double)unused.Count, summary.SectionCount("Locations No Task Uses"));
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
    }
}
