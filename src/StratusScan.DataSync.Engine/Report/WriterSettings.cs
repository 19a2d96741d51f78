using System;

namespace StratusScan.DataSync.Report
{
    /// <summary>Limits and hooks of a write (internal, so tests can reach an overflow without a million rows).</summary>
    internal sealed class WriterSettings
    {
        public static readonly WriterSettings Default = new WriterSettings();

        public int MaxDataRows { get; set; } = WorkbookWriter.MaxDataRows;
        public int MaxTextLength { get; set; } = CellText.MaxLength;

        /// <summary>Bytes of rows a sheet buffers before it sorts them and spills them to a run file.</summary>
        public long SpillBufferBytes { get; set; } = ReportBuilder.DefaultSpillBufferBytes;

        /// <summary>Where the builder makes its temporary folder (null: the system's temporary folder).</summary>
        public string? SpillRoot { get; set; }

        /// <summary>Rows between cancellation checks.</summary>
        public int CheckEvery { get; set; } = 1000;

        /// <summary>Called at each check with the sheet and the rows seen so far.</summary>
        public Action<string, int>? OnRows { get; set; }
    }
}
