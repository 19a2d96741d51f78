using System;
using System.Collections.Generic;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.InventoryFiles
{
    /// <summary>
    /// Line 1 of an inventory file (docs/inventory-format.md): what the scan covered and how it ended. Everything a
    /// merge needs to build the Summary (accounts and their completeness, issues, Regions, window) without reading
    /// the objects.
    /// </summary>
    public sealed class InventoryHeader
    {
        /// <summary>The value of <see cref="Format"/> in every inventory file.</summary>
        public const string FormatName = "StratusScan.DataSync.Inventory";

        /// <summary>The format version this module writes and the only one it reads.</summary>
        public const int CurrentFormatVersion = 1;

        public string Format { get; set; } = FormatName;
        public int FormatVersion { get; set; } = CurrentFormatVersion;

        /// <summary>The module (engine) version that wrote the file.</summary>
        public string ModuleVersion { get; set; } = EngineInfo.Version;

        /// <summary>When the scan started and ended (UTC).</summary>
        public DateTime ScanStartUtc { get; set; }
        public DateTime ScanEndUtc { get; set; }

        /// <summary>aws, aws-us-gov or aws-cn.</summary>
        public string Partition { get; set; } = global::StratusScan.DataSync.Regions.Partitions.Aws;

        /// <summary>The Regions scanned in every account, in order.</summary>
        public IReadOnlyList<string> Regions { get; set; } = Array.Empty<string>();

        /// <summary>The execution window the scan applied.</summary>
        public InventoryWindow Window { get; set; } = new InventoryWindow();

        /// <summary>Who scanned (sts:GetCallerIdentity's ARN); empty when the file was written from piped objects.</summary>
        public string CallerArn { get; set; } = string.Empty;

        /// <summary>The report name the scan resolved: -AccountName, else the config's mapping or organisation name, else the id or "multi-account".</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The kinds the scan collected (all four for Export-SSDataSyncInventory's own scan).</summary>
        public ResourceKinds Kinds { get; set; } = ResourceKinds.All;

        /// <summary>The kinds whose tags were read (-IncludeTags).</summary>
        public ResourceKinds TaggedKinds { get; set; }

        /// <summary>Every account the scan covered, in order, failed ones too (one entry for a scan of the credentials' own account).</summary>
        public IReadOnlyList<InventoryAccount> Accounts { get; set; } = Array.Empty<InventoryAccount>();

        /// <summary>Every scan issue, as the Summary lists them.</summary>
        public IReadOnlyList<ScanIssue> Issues { get; set; } = Array.Empty<ScanIssue>();

        /// <summary>Objects in the file, per kind.</summary>
        public InventoryCounts Counts { get; set; } = new InventoryCounts();
    }

    /// <summary>The execution window recorded in a header: -Days or -Since, and the instant it resolved to.</summary>
    public sealed class InventoryWindow
    {
        /// <summary>-Days when the window was given in days; null for -Since.</summary>
        public int? Days { get; set; }

        /// <summary>The first start time kept (UTC).</summary>
        public DateTime SinceUtc { get; set; }

        /// <summary>As the Summary words it: "30 days" or "since 2026-11-01 00:00 UTC".</summary>
        public string Description { get; set; } = string.Empty;

        /// <summary>Two windows are the same when both are the same number of days, or both start at the same instant.</summary>
        public bool SameAs(InventoryWindow other) =>
            other != null && (Days.HasValue || other.Days.HasValue ? Days == other.Days : SinceUtc == other.SinceUtc);
    }

    /// <summary>How completely an account was scanned.</summary>
    public enum InventoryAccountStatus
    {
        /// <summary>Every Region scanned with no issue.</summary>
        Complete,

        /// <summary>Scanned, with issues (some data is missing).</summary>
        Incomplete,

        /// <summary>Could not be scanned at all (the role could not be assumed, or every Region failed).</summary>
        NotScanned,
    }

    /// <summary>One account of a header.</summary>
    public sealed class InventoryAccount
    {
        public string AccountId { get; set; } = string.Empty;
        public string AccountName { get; set; } = string.Empty;
        public InventoryAccountStatus Status { get; set; }
    }

    /// <summary>The objects a file holds, per kind; <see cref="ExecutionsOutsideWindow"/> were described and left out.</summary>
    public sealed class InventoryCounts
    {
        public long Tasks { get; set; }
        public long Locations { get; set; }
        public long Agents { get; set; }
        public long Executions { get; set; }
        public long ExecutionsOutsideWindow { get; set; }
    }

    /// <summary>An inventory file being read: its header, then its objects streamed one at a time.</summary>
    public interface IInventorySource
    {
        /// <summary>The file's full path (in errors and Summary notes).</summary>
        string Path { get; }

        InventoryHeader Header { get; }

        /// <summary>
        /// The objects (<see cref="DataSyncTask"/>, <see cref="DataSyncLocation"/>, <see cref="DataSyncAgent"/>,
        /// <see cref="DataSyncTaskExecution"/>) in file order, one line read per item; a corrupt or truncated line throws
        /// <see cref="InventoryFileException"/> naming the file and line.
        /// </summary>
        IEnumerable<object> ReadObjects(System.Threading.CancellationToken cancellationToken);
    }

    /// <summary>What is wrong with an inventory file.</summary>
    public enum InventoryFileProblem
    {
        /// <summary>Line 1 is not an inventory header (another kind of file).</summary>
        NotAnInventoryFile,

        /// <summary>A format version this module does not read.</summary>
        UnsupportedFormatVersion,

        /// <summary>A line that is not valid JSON, or not an object of a known kind.</summary>
        CorruptLine,

        /// <summary>The file ends early (a cut-off gzip stream or last line, or fewer objects than the header counts).</summary>
        Truncated,
    }

    /// <summary>An inventory file that cannot be read: the file, the line (1 = the header; 0 when not known) and what is wrong.</summary>
    public sealed class InventoryFileException : Exception
    {
        public InventoryFileException(string path, long lineNumber, InventoryFileProblem problem, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Path = path;
            LineNumber = lineNumber;
            Problem = problem;
        }

        public string Path { get; }
        public long LineNumber { get; }
        public InventoryFileProblem Problem { get; }
    }
}
