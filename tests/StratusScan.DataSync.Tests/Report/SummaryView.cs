using System;
using System.Collections.Generic;
using System.Linq;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>The Summary sheet as read back: label/value blocks and tables found by their section titles in column A.</summary>
    internal sealed class SummaryView
    {
        public SummaryView(WorkbookReader.SheetData sheet)
        {
            Assert.Equal("Summary", sheet.Name);
            Rows = sheet.Rows;
        }

        public List<object?[]> Rows { get; }

        private static bool Blank(object?[] row) => row.All(v => v is null);

        private int Find(string section)
        {
            int index = Rows.FindIndex(r => r.Length > 0 && (r[0] as string) == section);
            Assert.True(index >= 0, "No section " + section);
            return index;
        }

        /// <summary>Label (column A) → value (column B) of the rows after a section title (null: after the sheet title) up to a blank row.</summary>
        public Dictionary<string, object?> Block(string? section)
        {
            int start = section is null ? 2 : Find(section) + 1;
            var block = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (int i = start; i < Rows.Count && !Blank(Rows[i]); i++)
            {
                block.Add((string)Rows[i][0]!, Rows[i].Length > 1 ? Rows[i][1] : null);
            }

            return block;
        }

        public object? SectionCount(string section) => Rows[Find(section)][1];

        public SummaryTable Table(string section)
        {
            int start = Find(section) + 1;
            if ((Rows[start][0] as string) == "None.") return new SummaryTable(Array.Empty<string>(), new List<object?[]>());
            var headers = Rows[start].TakeWhile(v => v != null).Cast<string>().ToArray();
            var rows = new List<object?[]>();
            for (int i = start + 1; i < Rows.Count && !Blank(Rows[i]); i++) rows.Add(Rows[i]);
            return new SummaryTable(headers, rows);
        }

        internal sealed class SummaryTable
        {
            public SummaryTable(string[] headers, List<object?[]> rows)
            {
                Headers = headers;
                Rows = rows;
            }

            public string[] Headers { get; }
            public List<object?[]> Rows { get; }

            public IEnumerable<object?> Column(string header)
            {
                int index = Array.IndexOf(Headers, header);
                return index < 0 ? Enumerable.Empty<object?>() : Rows.Select(r => r[index]);
            }
        }
    }
}
