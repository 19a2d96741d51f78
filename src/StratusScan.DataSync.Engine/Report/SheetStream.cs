using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StratusScan.DataSync.Report
{
    /// <summary>How a value becomes a cell.</summary>
    internal enum CellKind
    {
        Text,
        Integer,
        Number,
        DateTime,
        Date,
        Duration,
        Bytes,
    }

    /// <summary>
    /// One worksheet part written forward with <see cref="OpenXmlWriter"/>: the sheet view and column widths, then
    /// rows of typed cells (inline strings, never formulas), then whatever follows sheetData.
    /// </summary>
    internal sealed class SheetStream : IDisposable
    {
        private static readonly string XmlNs = "http://www.w3.org/XML/1998/namespace";
        private static readonly string[] Letters = BuildLetters(702);

        private readonly Stream _stream;
        private readonly OpenXmlWriter _writer;
        private readonly int _maxTextLength;

        // Reused so that a cell allocates only its reference and value text.
        private readonly Row _row = new Row();
        private readonly Cell _cell = new Cell();
        private readonly CellValue _value = new CellValue();
        private readonly InlineString _inline = new InlineString();
        private readonly Text _text = new Text();
        private readonly OpenXmlAttribute[] _reference = new OpenXmlAttribute[1];
        private readonly OpenXmlAttribute[] _referenceStyle = new OpenXmlAttribute[2];
        private readonly OpenXmlAttribute[] _referenceType = new OpenXmlAttribute[2];
        private readonly OpenXmlAttribute[] _referenceStyleType = new OpenXmlAttribute[3];
        private static readonly string[] StyleText = Enumerable.Range(0, 32).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        private static readonly OpenXmlAttribute InlineType = new OpenXmlAttribute("t", string.Empty, "inlineStr");
        private readonly OpenXmlAttribute[] _preserve = { new OpenXmlAttribute("xml", "space", XmlNs, "preserve") };
        private readonly OpenXmlAttribute[] _rowAttribute = new OpenXmlAttribute[1];
        private string _rowText = "1";
        private int _rowNumber;
        private bool _inSheetData;
        private int _declaredRows;
        private int _declaredColumns;

        public SheetStream(Stream stream, int maxTextLength)
        {
            _stream = stream;
            _maxTextLength = maxTextLength;
            _writer = OpenXmlWriter.Create(stream);
        }

        /// <summary>Cells whose text was cut at the limit.</summary>
        public int TruncatedCells { get; private set; }

        public static string ColumnName(int index) => Letters[index];

        public static string Reference(int column, int row) => Letters[column] + row.ToString(CultureInfo.InvariantCulture);

        /// <summary>The last row holding a cell (0 before the first cell).</summary>
        public int UsedRows { get; private set; }

        /// <summary>The number of columns up to the last one holding a cell.</summary>
        public int UsedColumns { get; private set; }

        /// <summary>
        /// Writes the worksheet start, its used range (<paramref name="usedRows"/> rows by <paramref name="usedColumns"/>
        /// columns from A1: readers such as openpyxl's read-only mode size a sheet by it, and it comes before the rows,
        /// so the caller knows it beforehand; <see cref="End"/> checks that no cell fell outside it), its view (header
        /// frozen or not), column widths, and opens sheetData.
        /// </summary>
        public void Begin(double[] widths, bool freezeHeader, bool tabSelected, int usedRows, int usedColumns)
        {
            _declaredRows = usedRows;
            _declaredColumns = usedColumns;
            _writer.WriteStartDocument(true);
            _writer.WriteStartElement(new Worksheet(), Array.Empty<OpenXmlAttribute>(),
                new[] { new KeyValuePair<string, string>("r", XlsxPackage.RelationshipsNs) });
            _writer.WriteElement(new SheetDimension { Reference = Dimension(usedRows, usedColumns) });

            var view = new SheetView { WorkbookViewId = 0 };
            if (tabSelected) view.TabSelected = true;
            if (freezeHeader)
            {
                view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
                view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
            }

            _writer.WriteElement(new SheetViews(view));
            _writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });

            var columns = new Columns();
            for (int i = 0; i < widths.Length; i++)
            {
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Round(widths[i], 2), CustomWidth = true });
            }

            if (widths.Length > 0) _writer.WriteElement(columns);
            _writer.WriteStartElement(new SheetData());
            _inSheetData = true;
        }

        /// <summary>The ref of a sheet's dimension: A1 when empty, else A1:{last column}{last row}.</summary>
        public static string Dimension(int rows, int columns) =>
            rows <= 0 || columns <= 0 ? "A1" : "A1:" + Reference(columns - 1, rows);

        public void StartRow(int rowNumber)
        {
            _rowNumber = rowNumber;
            _rowText = rowNumber.ToString(CultureInfo.InvariantCulture);
            _rowAttribute[0] = new OpenXmlAttribute("r", string.Empty, _rowText);
            _writer.WriteStartElement(_row, _rowAttribute);
        }

        public void EndRow() => _writer.WriteEndElement();

        /// <summary>Writes a cell of the current row; null (and empty text) leaves it empty.</summary>
        public void Value(int column, object? value, CellKind kind, uint style = Styles.Default)
        {
            switch (value)
            {
                case null:
                    return;
                case string text:
                    Text(column, text, style);
                    return;
                case DateTime date:
                    Date(column, date, kind == CellKind.Date ? Styles.Date : Styles.DateTime);
                    return;
                case TimeSpan span:
                    Number(column, span.TotalDays, Styles.Duration);
                    return;
                case long number:
                    Number(column, number.ToString(CultureInfo.InvariantCulture), NumberStyle(kind, style));
                    return;
                case int number:
                    Number(column, number.ToString(CultureInfo.InvariantCulture), NumberStyle(kind, style));
                    return;
                case double number:
                    Number(column, number, NumberStyle(kind, style));
                    return;
                case bool flag:
                    Text(column, flag ? "TRUE" : "FALSE", style);
                    return;
                default:
                    Text(column, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, style);
                    return;
            }
        }

        private static uint NumberStyle(CellKind kind, uint style) =>
            kind == CellKind.Bytes ? Styles.Bytes : kind == CellKind.Integer && style == Styles.Default ? Styles.Integer : style;

        public void Text(int column, string text, uint style = Styles.Default)
        {
            var visible = CellText.Visible(text, _maxTextLength, out bool truncated);
            if (truncated) TruncatedCells++;
            if (visible.Length == 0) return;
            if (style == Styles.Default && CellText.LooksLikeFormula(visible)) style = Styles.QuotedText;

            _writer.WriteStartElement(_cell, Attributes(column, style, inline: true));
            _writer.WriteStartElement(_inline);
            if (CellText.NeedsPreserve(visible)) _writer.WriteStartElement(_text, _preserve);
            else _writer.WriteStartElement(_text);
            _writer.WriteString(CellText.EscapeXstring(visible));
            _writer.WriteEndElement();
            _writer.WriteEndElement();
            _writer.WriteEndElement();
        }

        public void Number(int column, double value, uint style = Styles.Default)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                Text(column, value.ToString(CultureInfo.InvariantCulture), style);
                return;
            }

            Number(column, value.ToString("R", CultureInfo.InvariantCulture), style);
        }

        public void Date(int column, DateTime value, uint style = Styles.DateTime)
        {
            // The sheets state UTC: a local time is converted (the inventory's times are UTC already).
            if (value.Kind == DateTimeKind.Local) value = value.ToUniversalTime();

            // Excel's dates start in 1900; earlier values (DateTime.MinValue and the like) are written as text.
            if (value.Year < 1900)
            {
                Text(column, value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture), Styles.Default);
                return;
            }

            Number(column, value.ToOADate(), style);
        }

        private void Number(int column, string invariantText, uint style)
        {
            _writer.WriteStartElement(_cell, Attributes(column, style, inline: false));
            _writer.WriteStartElement(_value);
            _writer.WriteString(invariantText);
            _writer.WriteEndElement();
            _writer.WriteEndElement();
        }

        private OpenXmlAttribute[] Attributes(int column, uint style, bool inline)
        {
            if (_rowNumber > UsedRows) UsedRows = _rowNumber;
            if (column + 1 > UsedColumns) UsedColumns = column + 1;
            var reference = new OpenXmlAttribute("r", string.Empty, Letters[column] + _rowText);
            if (style == Styles.Default)
            {
                if (!inline)
                {
                    _reference[0] = reference;
                    return _reference;
                }

                _referenceType[0] = reference;
                _referenceType[1] = InlineType;
                return _referenceType;
            }

            var styleAttribute = new OpenXmlAttribute("s", string.Empty, style < StyleText.Length ? StyleText[style] : style.ToString(CultureInfo.InvariantCulture));
            if (!inline)
            {
                _referenceStyle[0] = reference;
                _referenceStyle[1] = styleAttribute;
                return _referenceStyle;
            }

            _referenceStyleType[0] = reference;
            _referenceStyleType[1] = styleAttribute;
            _referenceStyleType[2] = InlineType;
            return _referenceStyleType;
        }

        /// <summary>Closes sheetData; what follows it (conditional formatting, margins, drawing, tables) comes next.</summary>
        public void EndSheetData()
        {
            _writer.WriteEndElement();
            _inSheetData = false;
        }

        public void WriteElement(OpenXmlElement element)
        {
            if (_inSheetData) throw new InvalidOperationException("sheetData is still open.");
            _writer.WriteElement(element);
        }

        /// <summary>Closes the worksheet element and the writer (the part stream is disposed by its owner).</summary>
        public void End()
        {
            if (UsedRows > _declaredRows || UsedColumns > _declaredColumns)
            {
                throw new InvalidOperationException("The sheet's cells reach " + Dimension(UsedRows, UsedColumns) + ", beyond its declared dimension " + Dimension(_declaredRows, _declaredColumns) + ".");
            }

            _writer.WriteEndElement();
            _writer.Close();
        }

        public void Dispose() => _writer.Dispose();

        private static string[] BuildLetters(int count)
        {
            var letters = new string[count];
            for (int i = 0; i < count; i++)
            {
                int n = i + 1;
                var name = string.Empty;
                while (n > 0)
                {
                    int rem = (n - 1) % 26;
                    name = (char)('A' + rem) + name;
                    n = (n - 1) / 26;
                }

                letters[i] = name;
            }

            return letters;
        }
    }
}
