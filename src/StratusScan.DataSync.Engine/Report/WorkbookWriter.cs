using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using DocumentFormat.OpenXml.Spreadsheet;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>
    /// Writes the seven-sheet DataSync audit workbook (Summary, Tasks, Locations, Agents, Recent Executions, Active
    /// Tasks, Failed Executions) as a streaming .xlsx: one zip entry open at a time, rows written forward with
    /// typed cells and inline strings, so memory does not grow with the rows beyond the objects given.
    /// </summary>
    public static partial class WorkbookWriter
    {
        /// <summary>Data rows a sheet holds below its header (Excel's 1,048,576 rows less one).</summary>
        public const int MaxDataRows = 1_048_575;

        public const string SummarySheet = "Summary";
        public const string TasksSheet = "Tasks";
        public const string LocationsSheet = "Locations";
        public const string AgentsSheet = "Agents";
        public const string RecentExecutionsSheet = "Recent Executions";
        public const string ActiveTasksSheet = "Active Tasks";
        public const string FailedExecutionsSheet = "Failed Executions";

        /// <summary>The sheets, in workbook order; a data sheet whose rows pass <see cref="MaxDataRows"/> is followed by its continuation sheets ("Recent Executions (2)", …).</summary>
        public static IReadOnlyList<string> SheetNames { get; } = new[]
        {
            SummarySheet, TasksSheet, LocationsSheet, AgentsSheet, RecentExecutionsSheet, ActiveTasksSheet, FailedExecutionsSheet,
        };

        private const int ChartCount = 4;

        /// <summary>Writes the workbook to a stream (a write-only, non-seekable stream is fine); the stream stays open.</summary>
        public static WorkbookResult Write(Stream output, ReportData data, CancellationToken cancellationToken = default) =>
            Write(output, data, cancellationToken, WriterSettings.Default);

        /// <summary>
        /// Writes the workbook to a temporary file beside <paramref name="path"/>, then renames it onto the path, so
        /// the path never holds a partial workbook. Without <paramref name="overwrite"/> an existing file is an
        /// <see cref="IOException"/> and is never touched. On an error or cancellation the temporary file is deleted.
        /// </summary>
        public static WorkbookResult WriteFile(string path, ReportData data, bool overwrite, CancellationToken cancellationToken = default) =>
            WriteFile(path, data, overwrite, cancellationToken, WriterSettings.Default);

        internal static WorkbookResult WriteFile(string path, ReportData data, bool overwrite, CancellationToken cancellationToken, WriterSettings settings)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            if (data is null) throw new ArgumentNullException(nameof(data));
            using var builder = new ReportBuilder(settings);
            builder.AddRange(data);
            return builder.WriteFile(path, data, overwrite, cancellationToken);
        }

        /// <summary>Writes through <paramref name="write"/> to a temporary file beside the path, then renames it onto the path; on an error or cancellation the temporary file is deleted.</summary>
        internal static WorkbookResult WriteAtomically(string path, bool overwrite, CancellationToken cancellationToken, Func<Stream, WorkbookResult> write)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            string full = Path.GetFullPath(path);
            string directory = Path.GetDirectoryName(full) ?? throw new ArgumentException("The path has no directory: " + path, nameof(path));
            if (!Directory.Exists(directory)) throw new DirectoryNotFoundException("The directory '" + directory + "' does not exist.");
            if (!overwrite && File.Exists(full)) throw new IOException("The file '" + full + "' already exists.");
            cancellationToken.ThrowIfCancellationRequested();

            string temp = Path.Combine(directory, AtomicFile.TempName(Path.GetFileName(full)));
            try
            {
                WorkbookResult result;
                using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    result = write(file);
                    file.Flush(true);
                }

                cancellationToken.ThrowIfCancellationRequested();
                AtomicFile.Commit(temp, full, overwrite);
                result.Path = full;
                return result;
            }
            catch
            {
                AtomicFile.TryDelete(temp);
                throw;
            }
        }

        internal static WorkbookResult Write(Stream output, ReportData data, CancellationToken cancellationToken, WriterSettings settings)
        {
            if (output is null) throw new ArgumentNullException(nameof(output));
            if (data is null) throw new ArgumentNullException(nameof(data));
            using var builder = new ReportBuilder(settings);
            builder.AddRange(data);
            return builder.Write(output, data, cancellationToken);
        }

        /// <summary>
        /// The package: styles, every data sheet (and continuation sheet) merged from its spool, the Summary from the
        /// totals, then the charts, drawing, workbook rels, workbook and content types, one zip entry at a time.
        /// </summary>
        internal static WorkbookResult WritePackage(Stream output, ReportData report, IReadOnlyList<SheetPlan> plans, ReportTotals totals,
            WriterSettings settings, CancellationToken cancellationToken)
        {
            if (output is null) throw new ArgumentNullException(nameof(output));
            if (report is null) throw new ArgumentNullException(nameof(report));
            if (!output.CanWrite) throw new ArgumentException("The stream is not writable.", nameof(output));
            cancellationToken.ThrowIfCancellationRequested();

            var clock = Stopwatch.StartNew();
            var counting = new CountingStream(output);
            var data = Normalized(report);
            var rows = new Dictionary<string, int>(StringComparer.Ordinal);
            int truncated = 0;

            // Worksheet N+1 and table N are the data sheets (with their continuation sheets) in order; sheet1 is the Summary.
            var parts = new List<string>();
            foreach (var plan in plans)
            {
                for (int part = 1; part <= plan.Parts; part++) parts.Add(plan.Layout.PartName(part));
            }

            using (var package = new XlsxPackage(counting, data.ScanTimeUtc))
            {
                package.WriteContentTypes(ContentTypes(parts.Count));
                package.WriteRelationships("_rels/.rels", new[]
                {
                    new XlsxPackage.Relationship("rId1", XlsxPackage.OfficeDocumentRel, "xl/workbook.xml"),
                    new XlsxPackage.Relationship("rId2", XlsxPackage.CorePropertiesRel, "docProps/core.xml"),
                });
                package.WriteCoreProperties(Title(data), Generator, data.ScanTimeUtc);
                package.WriteElement("xl/styles.xml", Styles.Build());

                int table = 0;
                foreach (var plan in plans)
                {
                    using var source = plan.Spool.Read(plan.FlaggedOnly, cancellationToken).GetEnumerator();
                    for (int part = 1; part <= plan.Parts; part++)
                    {
                        table++;
                        var (written, cut) = WriteDataSheet(package, table, plan, part, source, settings, cancellationToken);
                        rows[plan.Layout.PartName(part)] = written;
                        truncated += cut;
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                var summary = new SummaryWriter(data, totals, truncated, plans);
                summary.Write(package, "xl/worksheets/sheet1.xml", settings.MaxTextLength);
                truncated += summary.TruncatedCells;
                package.WriteRelationships("xl/worksheets/_rels/sheet1.xml.rels", new[]
                {
                    new XlsxPackage.Relationship("rId1", XlsxPackage.DrawingRel, "../drawings/drawing1.xml"),
                });
                for (int c = 0; c < summary.Charts.Count; c++)
                {
                    var spec = summary.Charts[c];
                    package.WriteXml("xl/charts/chart" + Number(c + 1) + ".xml", x => ChartXml.WriteChart(x, spec));
                }

                var anchors = new List<(int, int, int, int)>();
                for (int c = 0; c < summary.Charts.Count; c++) anchors.Add((8, 1 + c * 20, 17, 19 + c * 20));
                package.WriteXml("xl/drawings/drawing1.xml", x => ChartXml.WriteDrawing(x, anchors));
                package.WriteRelationships("xl/drawings/_rels/drawing1.xml.rels",
                    Enumerable.Range(1, summary.Charts.Count).Select(c => new XlsxPackage.Relationship("rId" + Number(c), XlsxPackage.ChartRel, "../charts/chart" + Number(c) + ".xml")));

                var sheetNames = new List<string> { SummarySheet };
                sheetNames.AddRange(parts);
                var workbookRels = new List<XlsxPackage.Relationship>();
                for (int s = 1; s <= sheetNames.Count; s++)
                {
                    workbookRels.Add(new XlsxPackage.Relationship("rId" + Number(s), XlsxPackage.WorksheetRel, "worksheets/sheet" + Number(s) + ".xml"));
                }

                workbookRels.Add(new XlsxPackage.Relationship("rId" + Number(sheetNames.Count + 1), XlsxPackage.StylesRel, "styles.xml"));
                package.WriteRelationships("xl/_rels/workbook.xml.rels", workbookRels);
                package.WriteElement("xl/workbook.xml", Workbook(sheetNames));

                var perSheet = new Dictionary<string, int>(StringComparer.Ordinal) { [SummarySheet] = summary.RowsWritten };
                foreach (var name in parts) perSheet[name] = rows[name];
                rows = perSheet;
            }

            counting.Flush();
            clock.Stop();
            var notWritten = plans.ToDictionary(p => p.Layout.Name, _ => 0L, StringComparer.Ordinal);
            return new WorkbookResult(null, counting.Bytes, rows, notWritten, truncated, clock.Elapsed);
        }

        /// <summary>A copy with no null lists or texts (PowerShell callers can pass nulls) and the scan time in UTC.</summary>
        private static ReportData Normalized(ReportData data) => new ReportData
        {
            AccountId = data.AccountId ?? string.Empty,
            AccountName = data.AccountName ?? string.Empty,
            CallerArn = data.CallerArn ?? string.Empty,
            Accounts = data.Accounts ?? Array.Empty<ReportAccount>(),
            Partition = string.IsNullOrEmpty(data.Partition) ? Regions.Partitions.Aws : data.Partition,
            Regions = data.Regions ?? Array.Empty<string>(),
            ScanTimeUtc = data.ScanTimeUtc.Kind == DateTimeKind.Local ? data.ScanTimeUtc.ToUniversalTime() : data.ScanTimeUtc,
            Window = data.Window,
            Tasks = data.Tasks ?? Array.Empty<DataSyncTask>(),
            Locations = data.Locations ?? Array.Empty<DataSyncLocation>(),
            Agents = data.Agents ?? Array.Empty<DataSyncAgent>(),
            Executions = data.Executions ?? Array.Empty<DataSyncTaskExecution>(),
            Issues = data.Issues ?? Array.Empty<ScanIssue>(),
            Notes = data.Notes ?? Array.Empty<string>(),
            Supplied = data.Supplied,
            TagsCollected = data.TagsCollected,
        };

        /// <summary>The module and its version (without the build's source revision): the workbook's creator, on Summary.</summary>
        internal static string Generator { get; } = "StratusScan.DataSync " + EngineInfo.Version.Split('+')[0];

        /// <summary>The document title: the account's (or organisation's) name, else its id.</summary>
        internal static string Title(ReportData data)
        {
            var name = data.AccountName.Length > 0 ? data.AccountName : data.AccountId;
            return name.Length > 0 ? "AWS DataSync Audit: " + name : "AWS DataSync Audit";
        }

        private static IEnumerable<KeyValuePair<string, string>> ContentTypes(int dataSheets)
        {
            yield return Pair("docProps/core.xml", XlsxPackage.CorePropertiesType);
            yield return Pair("xl/workbook.xml", XlsxPackage.WorkbookType);
            yield return Pair("xl/styles.xml", XlsxPackage.StylesType);
            for (int s = 1; s <= dataSheets + 1; s++) yield return Pair("xl/worksheets/sheet" + Number(s) + ".xml", XlsxPackage.WorksheetType);
            for (int t = 1; t <= dataSheets; t++) yield return Pair("xl/tables/table" + Number(t) + ".xml", XlsxPackage.TableType);
            yield return Pair("xl/drawings/drawing1.xml", XlsxPackage.DrawingType);
            for (int c = 1; c <= ChartCount; c++) yield return Pair("xl/charts/chart" + Number(c) + ".xml", XlsxPackage.ChartType);
        }

        private static KeyValuePair<string, string> Pair(string part, string type) => new KeyValuePair<string, string>(part, type);

        private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

        private static Workbook Workbook(IReadOnlyList<string> sheetNames)
        {
            var sheets = new Sheets();
            for (int s = 1; s <= sheetNames.Count; s++)
            {
                sheets.Append(new Sheet { Name = sheetNames[s - 1], SheetId = (uint)s, Id = "rId" + Number(s) });
            }

            var workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets);
            workbook.AddNamespaceDeclaration("r", XlsxPackage.RelationshipsNs);
            return workbook;
        }
    }
}
