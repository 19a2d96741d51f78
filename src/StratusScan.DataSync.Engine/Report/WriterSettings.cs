using System;

namespace StratusScan.DataSync.Report
{
    /// <summary>Limits and hooks of a write (internal, so tests can reach an overflow without a million rows).</summary>
    internal sealed class WriterSettings
    {
        public static readonly WriterSettings Default = new WriterSettings();

        public int MaxDataRows { get; set; } = WorkbookWriter.MaxDataRows;
        public int MaxTextLength { get; set; } = CellText.MaxLength;

        /// <summary>Rows between cancellation checks.</summary>
        public int CheckEvery { get; set; } = 1000;

        /// <summary>Called at each check with the sheet and the rows seen so far.</summary>
        public Action<string, int>? OnRows { get; set; }
    }
}
