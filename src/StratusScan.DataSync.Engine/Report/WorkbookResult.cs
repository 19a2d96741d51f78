using System;
using System.Collections.Generic;

namespace StratusScan.DataSync.Report
{
    /// <summary>What a workbook write produced.</summary>
    public sealed class WorkbookResult
    {
        internal WorkbookResult(string? path, long bytes, IReadOnlyDictionary<string, int> rowsPerSheet,
            IReadOnlyDictionary<string, long> rowsNotWritten, int truncatedCells, TimeSpan elapsed)
        {
            Path = path;
            Bytes = bytes;
            RowsPerSheet = rowsPerSheet;
            RowsNotWritten = rowsNotWritten;
            TruncatedCells = truncatedCells;
            Elapsed = elapsed;
        }

        /// <summary>The full path of the file written (null when written to a stream).</summary>
        public string? Path { get; internal set; }

        /// <summary>Size of the workbook in bytes.</summary>
        public long Bytes { get; }

        /// <summary>Data rows written per sheet, continuation sheets ("Recent Executions (2)") included (header excluded; the Summary's own rows for "Summary"), in sheet order.</summary>
        public IReadOnlyDictionary<string, int> RowsPerSheet { get; }

        /// <summary>Rows left out per data sheet: always 0, since rows past a sheet's 1,048,575 continue on another sheet (kept for callers that read it).</summary>
        public IReadOnlyDictionary<string, long> RowsNotWritten { get; }

        /// <summary>True when some rows were left out: never, since full sheets continue (kept for callers that read it).</summary>
        public bool Overflowed
        {
            get
            {
                foreach (var count in RowsNotWritten.Values) if (count > 0) return true;
                return false;
            }
        }

        /// <summary>Cells whose text was cut at Excel's 32,767-character limit (with a marker).</summary>
        public int TruncatedCells { get; }

        public TimeSpan Elapsed { get; }
    }
}
