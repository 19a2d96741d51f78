using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>
    /// Builds the audit workbook from objects as they arrive, holding no list of rows: each object's row goes to its
    /// sheet's spool (sorted outside memory: bounded buffers spilled to run files in one temporary folder, merged
    /// while the sheet is written) and its figures to the Summary's running totals. Sheets are sorted whatever the
    /// arrival order: Tasks, Locations, Agents and Active Tasks by account, Region and ARN (ordinal); Recent and Failed
    /// Executions newest first (start time descending, then execution ARN). A sheet whose rows pass Excel's limit
    /// continues on "Name (2)", "Name (3)", …, so no row is dropped.
    /// <para>As an <see cref="IScanSink"/> it is called from several worker threads at once; every call is serialised.
    /// Dispose it to delete the temporary folder (after a write, a failure or a cancellation alike).</para>
    /// </summary>
    public sealed class ReportBuilder : IScanSink, IDisposable
    {
        /// <summary>Bytes of rows a sheet buffers before it sorts them and spills them to a run file.</summary>
        public const long DefaultSpillBufferBytes = 16L << 20;

        private readonly object _gate = new object();
        private readonly WriterSettings _settings;
        private readonly RowSpool _tasks;
        private readonly RowSpool _locations;
        private readonly RowSpool _agents;
        private readonly RowSpool _executions;
        private readonly ReportTotals _totals = new ReportTotals();
        private readonly object?[] _taskValues = new object?[SheetColumns.TasksWithTags.Count];
        private readonly object?[] _locationValues = new object?[SheetColumns.LocationsWithTags.Count];
        private readonly object?[] _agentValues = new object?[SheetColumns.AgentsWithTags.Count];
        private readonly object?[] _executionValues = new object?[SheetColumns.Executions.Count];
        private string? _spillFolder;
        private bool _written;
        private bool _disposed;

        public ReportBuilder()
            : this(WriterSettings.Default)
        {
        }

        /// <summary>A builder whose sheets hold at most <paramref name="maxRowsPerSheet"/> data rows (at most Excel's 1,048,575) before they continue on another sheet.</summary>
        public ReportBuilder(int maxRowsPerSheet)
            : this(new WriterSettings { MaxDataRows = maxRowsPerSheet > 0 && maxRowsPerSheet < WorkbookWriter.MaxDataRows ? maxRowsPerSheet : WorkbookWriter.MaxDataRows })
        {
        }

        internal ReportBuilder(WriterSettings settings)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            long budget = settings.SpillBufferBytes;
            _tasks = new RowSpool(SheetLayout.Of(WorkbookWriter.TasksSheet, "Tasks", SheetColumns.TasksWithTags, SheetColumns.Status, TaskStatuses.Unavailable), budget, SpillFolder);
            _locations = new RowSpool(SheetLayout.Of<DataSyncLocation>(WorkbookWriter.LocationsSheet, "Locations", SheetColumns.LocationsWithTags, null, null), budget, SpillFolder);
            _agents = new RowSpool(SheetLayout.Of(WorkbookWriter.AgentsSheet, "Agents", SheetColumns.AgentsWithTags, SheetColumns.Status, AgentStatuses.Offline), budget, SpillFolder);
            _executions = new RowSpool(SheetLayout.Of(WorkbookWriter.RecentExecutionsSheet, "RecentExecutions", SheetColumns.Executions, SheetColumns.Status, ExecutionStatuses.Error), budget, SpillFolder);
        }

        /// <summary>The rows received per kind.</summary>
        public long Tasks => _tasks.Count;
        public long Locations => _locations.Count;
        public long Agents => _agents.Count;
        public long Executions => _executions.Count;

        /// <summary>The kinds of which at least one object was added.</summary>
        public ResourceKinds Received =>
            (Tasks > 0 ? ResourceKinds.Tasks : ResourceKinds.None) | (Locations > 0 ? ResourceKinds.Locations : ResourceKinds.None)
            | (Agents > 0 ? ResourceKinds.Agents : ResourceKinds.None) | (Executions > 0 ? ResourceKinds.Executions : ResourceKinds.None);

        /// <summary>The temporary folder of the run files; null until the first spill.</summary>
        internal string? SpillDirectory => _spillFolder;

        /// <summary>Run files written so far, over all sheets.</summary>
        internal int Runs => _tasks.Runs + _locations.Runs + _agents.Runs + _executions.Runs;

        /// <summary>Adds a task, location, agent or execution (an execution as given: the caller applies the window); false for anything else.</summary>
        public bool Add(object? item)
        {
            lock (_gate)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(ReportBuilder));
                if (_written) throw new InvalidOperationException("The workbook was already written; no more objects can be added.");
                switch (item)
                {
                    case DataSyncTask task:
                        Fill(SheetColumns.TasksWithTags, task, _taskValues);
                        _tasks.Add(RowKey.Inventory(task.AccountId, task.Region, task.TaskArn), task.Status == TaskStatuses.Available, _taskValues);
                        _totals.Add(task);
                        return true;
                    case DataSyncLocation location:
                        Fill(SheetColumns.LocationsWithTags, location, _locationValues);
                        _locations.Add(RowKey.Inventory(location.AccountId, location.Region, location.LocationArn), false, _locationValues);
                        _totals.Add(location);
                        return true;
                    case DataSyncAgent agent:
                        Fill(SheetColumns.AgentsWithTags, agent, _agentValues);
                        _agents.Add(RowKey.Inventory(agent.AccountId, agent.Region, agent.AgentArn), false, _agentValues);
                        _totals.Add(agent);
                        return true;
                    case DataSyncTaskExecution execution:
                        Fill(SheetColumns.Executions, execution, _executionValues);
                        _executions.Add(RowKey.NewestFirst(execution.StartTime, execution.TaskExecutionArn), execution.Status == ExecutionStatuses.Error, _executionValues);
                        _totals.Add(execution);
                        return true;
                    default:
                        return false;
                }
            }
        }

        /// <summary>Adds the lists of <paramref name="data"/> (nulls skipped).</summary>
        public void AddRange(ReportData data)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            foreach (var t in data.Tasks ?? Array.Empty<DataSyncTask>()) Add(t);
            foreach (var l in data.Locations ?? Array.Empty<DataSyncLocation>()) Add(l);
            foreach (var a in data.Agents ?? Array.Empty<DataSyncAgent>()) Add(a);
            foreach (var e in data.Executions ?? Array.Empty<DataSyncTaskExecution>()) Add(e);
        }

        /// <summary>The sink of a scan: adds the object on the calling worker thread.</summary>
        public Task WriteAsync(object item, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Add(item)) throw new ArgumentException("A scan handed on a " + item?.GetType().FullName + ", which is not a task, location, agent or execution.", nameof(item));
            return Task.CompletedTask;
        }

        /// <summary>
        /// Writes the workbook to a stream (write-only and non-seekable is fine; it stays open). <paramref name="report"/>
        /// says what the report covers (account, Regions, window, issues, kinds supplied); its lists are not read.
        /// </summary>
        public WorkbookResult Write(Stream output, ReportData report, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(ReportBuilder));
                _written = true;
                return WorkbookWriter.WritePackage(output, report, Plan(report?.TagsCollected == true), _totals, _settings, cancellationToken);
            }
        }

        /// <summary>Writes the workbook to a temporary file beside <paramref name="path"/>, then renames it onto the path (see <see cref="WorkbookWriter.WriteFile(string, ReportData, bool, CancellationToken)"/>).</summary>
        public WorkbookResult WriteFile(string path, ReportData report, bool overwrite, CancellationToken cancellationToken = default) =>
            WorkbookWriter.WriteAtomically(path, overwrite, cancellationToken, stream => Write(stream, report, cancellationToken));

        /// <summary>
        /// The data sheets in workbook order, each with its row count and how many sheets it takes. Rows hold every
        /// column; the Tags column is on the sheets only when tags were collected.
        /// </summary>
        private IReadOnlyList<SheetPlan> Plan(bool tagsCollected)
        {
            long max = Math.Max(1, _settings.MaxDataRows);
            SheetLayout Shown(SheetLayout layout) => tagsCollected ? layout : layout.Without(SheetColumns.Tags);
            return new List<SheetPlan>
            {
                new SheetPlan(Shown(_tasks.Layout), _tasks, false, _tasks.Count, _tasks.Widths, max),
                new SheetPlan(Shown(_locations.Layout), _locations, false, _locations.Count, _locations.Widths, max),
                new SheetPlan(Shown(_agents.Layout), _agents, false, _agents.Count, _agents.Widths, max),
                new SheetPlan(_executions.Layout, _executions, false, _executions.Count, _executions.Widths, max),
                new SheetPlan(Shown(_tasks.Layout.Renamed(WorkbookWriter.ActiveTasksSheet, "ActiveTasks")), _tasks, true, _tasks.FlaggedCount, _tasks.FlaggedWidths, max),
                new SheetPlan(_executions.Layout.Renamed(WorkbookWriter.FailedExecutionsSheet, "FailedExecutions"), _executions, true, _executions.FlaggedCount, _executions.FlaggedWidths, max),
            };
        }

        private static void Fill<T>(IReadOnlyList<SheetColumn<T>> columns, T item, object?[] values)
        {
            for (int c = 0; c < columns.Count; c++) values[c] = columns[c].Value(item);
        }

        private string SpillFolder()
        {
            if (_spillFolder is null)
            {
                var root = _settings.SpillRoot ?? Path.GetTempPath();
                var folder = Path.Combine(root, "StratusScan.DataSync-report-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(folder);
                _spillFolder = folder;
            }

            return _spillFolder;
        }

        /// <summary>Deletes the temporary folder and its run files.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
                if (_spillFolder is null) return;
                try
                {
                    Directory.Delete(_spillFolder, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    /// <summary>One data sheet of the workbook: its layout, where its rows come from, and how many sheets they fill.</summary>
    internal sealed class SheetPlan
    {
        public SheetPlan(SheetLayout layout, RowSpool spool, bool flaggedOnly, long rows, double[] widths, long maxRowsPerSheet)
        {
            Layout = layout;
            Spool = spool;
            FlaggedOnly = flaggedOnly;
            Rows = rows;
            Widths = widths;
            MaxRowsPerSheet = maxRowsPerSheet;
            Parts = rows == 0 ? 1 : (int)((rows + maxRowsPerSheet - 1) / maxRowsPerSheet);
        }

        public SheetLayout Layout { get; }
        public RowSpool Spool { get; }
        public bool FlaggedOnly { get; }
        public long Rows { get; }
        public double[] Widths { get; }
        public long MaxRowsPerSheet { get; }

        /// <summary>Sheets the rows take: the sheet itself and its continuation sheets.</summary>
        public int Parts { get; }

        /// <summary>Rows on part <paramref name="part"/> (1-based).</summary>
        public int RowsOn(int part) => (int)Math.Min(MaxRowsPerSheet, Math.Max(0, Rows - (part - 1) * MaxRowsPerSheet));
    }
}
