using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ExcelDataReader;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>Reads a workbook with ExcelDataReader (an independent reader): every sheet as rows of typed values.</summary>
    internal static class WorkbookReader
    {
        static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        public sealed class SheetData
        {
            public SheetData(string name, List<object?[]> rows)
            {
                Name = name;
                Rows = rows;
            }

            public string Name { get; }

            /// <summary>Every row, the header included (index 0 = sheet row 1).</summary>
            public List<object?[]> Rows { get; }

            public IReadOnlyList<string> Headers => Array.ConvertAll(Rows[0], v => (string)v!);

            public object? Cell(int dataRow, string header)
            {
                int column = Array.IndexOf(Rows[0], header);
                if (column < 0) throw new ArgumentException("No column " + header + " on " + Name);
                var row = Rows[dataRow + 1];
                return column < row.Length ? row[column] : null;
            }

            public int DataRowCount => Rows.Count - 1;

            /// <summary>One column's values, data rows in order.</summary>
            public object?[] Column(string header)
            {
                var values = new object?[DataRowCount];
                for (int r = 0; r < values.Length; r++) values[r] = Cell(r, header);
                return values;
            }
        }

        public static List<SheetData> Read(string path)
        {
            using var stream = File.OpenRead(path);
            return Read(stream);
        }

        public static List<SheetData> Read(Stream stream)
        {
            var sheets = new List<SheetData>();
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                var rows = new List<object?[]>();
                while (reader.Read())
                {
                    var values = new object?[reader.FieldCount];
                    for (int i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    rows.Add(values);
                }

                sheets.Add(new SheetData(reader.Name, rows));
            }
            while (reader.NextResult());

            return sheets;
        }
    }
}
