using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace StratusScan.DataSync.Report
{
    /// <summary>
    /// A data sheet without its rows: name, table name, the headers and cell kinds of its columns (from the one
    /// column list, <see cref="SheetColumns"/>), and the status value that turns a row red. A sheet whose rows pass
    /// the sheet limit continues on "Name (2)", "Name (3)", … with the same layout.
    /// </summary>
    internal sealed class SheetLayout
    {
        private const double MaxWidth = 60;

        private readonly string[] _headers;
        private readonly CellKind[] _kinds;
        private readonly int[] _shown;
        private readonly string[] _shownHeaders;
        private readonly CellKind[] _shownKinds;

        private SheetLayout(string name, string tableName, string[] headers, CellKind[] kinds, int[] shown, string? statusHeader, string? alertStatus)
        {
            Name = name;
            TableName = tableName;
            _headers = headers;
            _kinds = kinds;
            _shown = shown;
            _shownHeaders = shown.Select(i => headers[i]).ToArray();
            _shownKinds = shown.Select(i => kinds[i]).ToArray();
            StatusHeader = statusHeader;
            StatusColumn = statusHeader is null ? -1 : Array.IndexOf(_shownHeaders, statusHeader);
            AlertStatus = statusHeader is null ? null : alertStatus;
        }

        public static SheetLayout Of<T>(string name, string tableName, IReadOnlyList<SheetColumn<T>> columns, string? statusHeader, string? alertStatus) =>
            new SheetLayout(name, tableName, columns.Select(c => c.Header).ToArray(), columns.Select(c => c.Kind).ToArray(),
                Enumerable.Range(0, columns.Count).ToArray(), statusHeader, alertStatus);

        /// <summary>The same columns under another sheet and table name (Active Tasks, Failed Executions).</summary>
        public SheetLayout Renamed(string name, string tableName) =>
            new SheetLayout(name, tableName, _headers, _kinds, _shown, StatusHeader, AlertStatus);

        /// <summary>The same rows without the column <paramref name="header"/> on the sheet (the Tags column when no tags were collected).</summary>
        public SheetLayout Without(string header) =>
            new SheetLayout(Name, TableName, _headers, _kinds, _shown.Where(i => _headers[i] != header).ToArray(), StatusHeader, AlertStatus);

        public string Name { get; }
        public string TableName { get; }

        /// <summary>Values a row holds (every column, shown or not).</summary>
        public int ValueCount => _headers.Length;

        /// <summary>The columns on the sheet: their headers, kinds and number.</summary>
        public IReadOnlyList<string> Headers => _shownHeaders;
        public IReadOnlyList<CellKind> Kinds => _shownKinds;
        public int Count => _shown.Length;

        /// <summary>The row value shown in sheet column <paramref name="column"/>.</summary>
        public int Source(int column) => _shown[column];

        private string? StatusHeader { get; }

        /// <summary>The status column's index on the sheet, or -1.</summary>
        public int StatusColumn { get; }
        public string? AlertStatus { get; }

        /// <summary>The name of part <paramref name="part"/> (1-based) of the sheet: "Tasks", "Tasks (2)", ….</summary>
        public string PartName(int part) => part <= 1 ? Name : Name + " (" + part.ToString(CultureInfo.InvariantCulture) + ")";

        /// <summary>The table name of a part: unique in the workbook and a valid defined name ("Tasks", "Tasks_2").</summary>
        public string PartTableName(int part) => part <= 1 ? TableName : TableName + "_" + part.ToString(CultureInfo.InvariantCulture);

        /// <summary>Each value's narrowest width: the header + 3 (room for the filter button).</summary>
        public double[] MinimumWidths() => _headers.Select(h => (double)h.Length + 3).ToArray();

        /// <summary>The width value <paramref name="index"/> of a row needs: its longest line + 2, at most 60.</summary>
        public double Width(int index, object? value) => Math.Min(MaxWidth, DisplayLength(value, _kinds[index]) + 2);

        /// <summary>The widths of the sheet's columns, from the widths of every value.</summary>
        public double[] ShownWidths(double[] widths) => _shown.Select(i => widths[i]).ToArray();

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
