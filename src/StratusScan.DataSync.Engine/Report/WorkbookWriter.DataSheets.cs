using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StratusScan.DataSync.Report
{
    /// <summary>The six data sheets: header, rows up to the sheet's limit, the alert rule on the status column, widths and the table.</summary>
    public static partial class WorkbookWriter
    {
        private const int WidthSampleRows = 1000;
        private const double MaxWidth = 60;

        /// <summary>Data sheet number <paramref name="tableNumber"/> (worksheet tableNumber+1) and its table.</summary>
        private static (int Rows, long NotWritten, int Truncated) WriteDataSheet<T>(XlsxPackage package, int tableNumber, DataSheet<T> sheet,
            WriterSettings settings, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int sheetNumber = tableNumber + 1;
            var columns = sheet.Columns;
            int written = 0;
            long notWritten = 0;
            int truncated;
            string lastColumn = SheetStream.ColumnName(columns.Count - 1);

            using (var stream = package.OpenPart("xl/worksheets/sheet" + Number(sheetNumber) + ".xml"))
            using (var ws = new SheetStream(stream, settings.MaxTextLength))
            {
                // The used range comes before the rows: the header row and one row per item written.
                int dataRows = (int)Math.Min(sheet.Rows.LongCount(), settings.MaxDataRows);
                ws.Begin(FitWidths(sheet), freezeHeader: true, tabSelected: false, dataRows + 1, columns.Count);
                ws.StartRow(1);
                for (int c = 0; c < columns.Count; c++) ws.Text(c, columns[c].Header, Styles.Header);
                ws.EndRow();

                int seen = 0;
                foreach (var item in sheet.Rows)
                {
                    if (++seen % settings.CheckEvery == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        settings.OnRows?.Invoke(sheet.Name, seen);
                    }

                    if (written >= settings.MaxDataRows)
                    {
                        notWritten++;
                        continue;
                    }

                    written++;
                    ws.StartRow(written + 1);
                    for (int c = 0; c < columns.Count; c++)
                    {
                        ws.Value(c, columns[c].Value(item), columns[c].Kind);
                    }

                    ws.EndRow();
                }

                ws.EndSheetData();
                int lastRow = Math.Max(2, written + 1);
                if (sheet.StatusColumn >= 0 && sheet.AlertStatus != null)
                {
                    string status = "$" + SheetStream.ColumnName(sheet.StatusColumn) + "2";
                    var rule = new ConditionalFormattingRule { Type = ConditionalFormatValues.Expression, FormatId = Styles.AlertDxf, Priority = 1 };
                    rule.Append(new Formula(status + "=\"" + sheet.AlertStatus + "\""));
                    var formatting = new ConditionalFormatting(rule)
                    {
                        SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2:" + lastColumn + Number(lastRow) },
                    };
                    ws.WriteElement(formatting);
                }

                ws.WriteElement(SummaryWriter.Margins());
                ws.WriteElement(new TableParts(new TablePart { Id = "rId1" }) { Count = 1 });
                ws.End();
                truncated = ws.TruncatedCells;
            }

            string reference = "A1:" + lastColumn + Number(Math.Max(2, written + 1));
            package.WriteRelationships("xl/worksheets/_rels/sheet" + Number(sheetNumber) + ".xml.rels", new[]
            {
                new XlsxPackage.Relationship("rId1", XlsxPackage.TableRel, "../tables/table" + Number(tableNumber) + ".xml"),
            });
            package.WriteElement("xl/tables/table" + Number(tableNumber) + ".xml", Table(tableNumber, sheet.TableName, reference, columns.Select(c => c.Header)));

            return (written, notWritten, truncated);
        }

        private static Table Table(int id, string name, string reference, IEnumerable<string> headers)
        {
            var tableColumns = new TableColumns();
            uint columnId = 1;
            foreach (var header in headers) tableColumns.Append(new TableColumn { Id = columnId++, Name = header });
            tableColumns.Count = columnId - 1;

            return new Table(
                new AutoFilter { Reference = reference },
                tableColumns,
                new TableStyleInfo { Name = "TableStyleMedium2", ShowFirstColumn = false, ShowLastColumn = false, ShowRowStripes = true, ShowColumnStripes = false })
            {
                Id = (uint)id,
                Name = name,
                DisplayName = name,
                Reference = reference,
                TotalsRowShown = false,
            };
        }

        /// <summary>Widths from the header and the first rows: longest text + 2, at least header + 3 (filter button), at most 60.</summary>
        internal static double[] FitWidths<T>(DataSheet<T> sheet)
        {
            var columns = sheet.Columns;
            var widths = new double[columns.Count];
            for (int c = 0; c < columns.Count; c++) widths[c] = columns[c].Header.Length + 3;

            foreach (var item in sheet.Rows.Take(WidthSampleRows))
            {
                for (int c = 0; c < columns.Count; c++)
                {
                    double width = Math.Min(MaxWidth, DisplayLength(columns[c].Value(item), columns[c].Kind) + 2);
                    if (width > widths[c]) widths[c] = width;
                }
            }

            return widths;
        }

        private static int DisplayLength(object? value, CellKind kind)
        {
            switch (value)
            {
                case null: return 0;
                case string text:
                    int longest = 0, current = 0;
                    foreach (char ch in text)
                    {
                        if (ch == '\n')
                        {
                            current = 0;
                            continue;
                        }

                        if (++current > longest) longest = current;
                        if (longest > MaxWidth) break;
                    }

                    return longest;
                case DateTime _: return kind == CellKind.Date ? 10 : 19;
                case TimeSpan _: return 9;
                default:
                    if (kind == CellKind.Bytes) return 9;
                    var digits = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                    return digits.Length + (kind == CellKind.Integer ? (digits.Length - 1) / 3 : 0);
            }
        }
    }
}
