using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StratusScan.DataSync.Report
{
    /// <summary>The data sheets: header, rows up to the sheet's limit (the rest on continuation sheets), the alert rule on the status column, widths and the table.</summary>
    public static partial class WorkbookWriter
    {
        /// <summary>
        /// Part <paramref name="part"/> of a data sheet as worksheet tableNumber+1 with table <paramref name="tableNumber"/>:
        /// the header, the next rows of <paramref name="source"/> up to the sheet's share, the alert rule on the
        /// status column, and the table.
        /// </summary>
        private static (int Rows, int Truncated) WriteDataSheet(XlsxPackage package, int tableNumber, SheetPlan plan, int part,
            IEnumerator<object?[]> source, WriterSettings settings, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int sheetNumber = tableNumber + 1;
            var layout = plan.Layout;
            string name = layout.PartName(part);
            int dataRows = plan.RowsOn(part);
            int written = 0;
            int truncated;
            string lastColumn = SheetStream.ColumnName(layout.Count - 1);

            using (var stream = package.OpenPart("xl/worksheets/sheet" + Number(sheetNumber) + ".xml"))
            using (var ws = new SheetStream(stream, settings.MaxTextLength))
            {
                // The used range comes before the rows: the header row and this part's share of the rows.
                ws.Begin(layout.ShownWidths(plan.Widths), freezeHeader: true, tabSelected: false, dataRows + 1, layout.Count);
                ws.StartRow(1);
                for (int c = 0; c < layout.Count; c++) ws.Text(c, layout.Headers[c], Styles.Header);
                ws.EndRow();

                while (written < dataRows)
                {
                    if (!source.MoveNext()) throw new InvalidOperationException("The " + layout.Name + " sheet's spool ended after " + written + " of " + dataRows + " rows on " + name + ".");
                    var values = source.Current;
                    written++;
                    if (written % settings.CheckEvery == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        settings.OnRows?.Invoke(name, written);
                    }

                    ws.StartRow(written + 1);
                    for (int c = 0; c < layout.Count; c++) ws.Value(c, values[layout.Source(c)], layout.Kinds[c]);
                    ws.EndRow();
                }

                ws.EndSheetData();
                int lastRow = Math.Max(2, written + 1);
                if (layout.StatusColumn >= 0 && layout.AlertStatus != null)
                {
                    string status = "$" + SheetStream.ColumnName(layout.StatusColumn) + "2";
                    var rule = new ConditionalFormattingRule { Type = ConditionalFormatValues.Expression, FormatId = Styles.AlertDxf, Priority = 1 };
                    rule.Append(new Formula(status + "=\"" + layout.AlertStatus + "\""));
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
            package.WriteElement("xl/tables/table" + Number(tableNumber) + ".xml", Table(tableNumber, layout.PartTableName(part), reference, layout.Headers));

            return (written, truncated);
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
    }
}
