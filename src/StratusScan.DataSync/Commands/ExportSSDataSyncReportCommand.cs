using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Configuration;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Logging;
using StratusScan.DataSync.Regions;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes the seven-sheet DataSync audit workbook, from a scan it runs itself, from objects piped in, or from inventory files.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "SSDataSyncReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = DaysSet)]
    [OutputType(typeof(FileInfo))]
    public sealed partial class ExportSSDataSyncReportCommand : ExecutionWindowCmdletBase
    {
        /// <summary>Account objects piped in (hidden), in the sets that scan: see <see cref="DataSyncCmdletBase.AccountInput"/>.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = DaysSet)]
        [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = SinceSet)]
        [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = PathSet)]
        public override AccountInput[]? AccountInput { get => base.AccountInput; set => base.AccountInput = value; }

        /// <summary>An environment variable, read only here, that lowers the rows a sheet holds before it continues on "Name (2)" (a test hook).</summary>
        internal const string MaxSheetRowsVariable = "STRATUSSCAN_MAX_SHEET_ROWS";

        private readonly ReportObjects _objects = new ReportObjects();
        private ReportBuilder? _builder;
        private bool _receivedInput;
        private int _rejected;
        private StratusScanConfig _config = StratusScanConfig.Empty;
        private RunLog? _log;

        /// <summary>Tasks, locations, agents or executions from the Get-SSDataSync* cmdlets: the workbook holds exactly these.</summary>
        /// <remarks>Not in the -InventoryPath sets: with pipeline input and -Path, only the Path set remains.</remarks>
        [Parameter(ValueFromPipeline = true, ParameterSetName = DaysSet)]
        [Parameter(ValueFromPipeline = true, ParameterSetName = SinceSet)]
        [Parameter(ValueFromPipeline = true, ParameterSetName = PathSet)]
        public PSObject? InputObject { get; set; }

        private const string PathSet = "Path";

        /// <summary>Executions that started in the last N days (default 30).</summary>
        [Parameter(ParameterSetName = DaysSet)]
        [Parameter(ParameterSetName = PathSet)]
        [ValidateRange(1, 3650)]
        public override int Days { get; set; } = ExecutionWindow.DefaultDays;

        /// <summary>Executions that started at or after this time.</summary>
        [Parameter(ParameterSetName = SinceSet, Mandatory = true)]
        [Parameter(ParameterSetName = PathSet)]
        public override DateTime Since { get; set; }

        /// <summary>The folder for the workbook (default ./output); the StratusScan file name is used. Not with -Path.</summary>
        [Parameter(ParameterSetName = DaysSet)]
        [Parameter(ParameterSetName = SinceSet)]
        [Parameter(ParameterSetName = InventorySet)]
        [ValidateNotNullOrEmpty]
        public string OutputDirectory { get; set; } = "output";

        /// <summary>The workbook's full path (.xlsx) instead of the StratusScan name; with -Force an existing file is replaced. Not with -OutputDirectory.</summary>
        [Parameter(ParameterSetName = PathSet, Mandatory = true)]
        [Parameter(ParameterSetName = InventoryPathSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The account's name in the file name and on Summary (default: the config's account_mappings, else the account id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccountName { get; set; }

        /// <summary>With -Path, replace an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Also read the tags of every task, location and agent (one more API call each): their sheets gain a Tags column.</summary>
        [Parameter]
        public SwitchParameter IncludeTags { get; set; }

        /// <summary>Write the workbook's FileInfo to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The log file (default: logs/logs-datasync-export-{MM.DD.YYYY-HHMM}.log beside the workbook).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LogPath { get; set; }

        protected override void BeginProcessing()
        {
            if (Path != null && !Path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                var extension = System.IO.Path.GetExtension(Path);
                var message = "-Path names the workbook, so it must end in .xlsx; '" + Path + "' " + (extension.Length == 0 ? "has no extension." : "ends in '" + extension + "'.");
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message, "Path"), "InvalidOutputExtension", ErrorCategory.InvalidArgument, Path));
            }

            if (MyInvocation.BoundParameters.ContainsKey("Days") && MyInvocation.BoundParameters.ContainsKey("Since"))
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Give -Days or -Since, not both.", "Since"), "AmbiguousParameterSet", ErrorCategory.InvalidArgument, null));
            }

            if (InventoryPath != null) RefuseScanParameters();
            base.BeginProcessing();
            _config = LoadConfig(ConfigPath);
            _builder = NewBuilder();
        }

        /// <summary>The builder every row goes to; the test hook's row limit when it is set to a positive number.</summary>
        private static ReportBuilder NewBuilder()
        {
            var limit = Environment.GetEnvironmentVariable(MaxSheetRowsVariable);
            return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && rows > 0
                ? new ReportBuilder(rows)
                : new ReportBuilder();
        }

        protected override void DisposeResources()
        {
            // Deletes the spilled runs whether the export finished, failed or was stopped.
            _builder?.Dispose();
        }

        protected override void ProcessRecord()
        {
            // An account piped in (Get-SSOrganizationAccount | Export-SSDataSyncReport -RoleName R): scanned in EndProcessing.
            if (TakePipedAccounts()) return;
            if (InputObject is null) return;
            _receivedInput = true;
            if (InputObject.BaseObject is System.Collections.IEnumerable items && !(InputObject.BaseObject is string))
            {
                // -InputObject $objects (not piped): take the collection's items.
                foreach (var item in items) Add(item is PSObject wrapped ? wrapped : PSObject.AsPSObject(item));
                return;
            }

            Add(InputObject);
        }

        private void Add(PSObject input)
        {
            var item = input.BaseObject;
            if (_objects.TryAdd(item))
            {
                // The window applies to executions only: tasks, locations and agents are current state.
                if (!(item is DataSyncTaskExecution execution) || Window.Includes(execution.StartTime)) _builder!.Add(item);
            }
            else
            {
                _rejected++;
                WriteError(new ErrorRecord(
                    new PSArgumentException("Export-SSDataSyncReport takes the objects of Get-SSDataSyncTask, -Location, -Agent and -Execution; a " + input.BaseObject?.GetType().FullName + " was piped in and is left out."),
                    "UnsupportedInputObject", ErrorCategory.InvalidType, input));
            }
        }

        protected override void EndProcessing()
        {
            if (InventoryPath != null)
            {
                MergeInventory();
                return;
            }

            // Accounts piped in mean a scan of them; objects piped in, a workbook of exactly those.
            var piped = !AccountsPiped && (_receivedInput || MyInvocation.ExpectingInput);
            var window = Window;
            var scanTime = DateTime.UtcNow;
            var pump = new PipelinePump();
            try
            {
                var mappings = AccountMappingsOf(_config);
                var naming = new ReportNaming(AccountName, new AccountNames(mappings), _config.OrganizationName);
                var builder = _builder!;
                ReportData data;
                string path;
                if (!CheckPipedAccounts(_objects.Count, "workbook")) return;
                if (piped && _objects.Count == 0)
                {
                    // Nothing usable arrived: no workbook (an empty one would look like an account without DataSync).
                    if (_rejected > 0)
                    {
                        ThrowTerminatingError(new ErrorRecord(new PSArgumentException(
                            "None of the " + _rejected + " object(s) piped in is a task, location, agent or execution of the Get-SSDataSync* cmdlets, so no workbook is written."),
                            "NoReportInput", ErrorCategory.InvalidData, null));
                    }

                    WriteWarning("Nothing was piped in, so no workbook is written.");
                    return;
                }

                if (piped)
                {
                    var scope = ReportScope.ForObjects(_objects, naming);
                    path = TargetPath(scope.AccountName);
                    if (!ShouldProcess(path, "Write the DataSync workbook of the piped objects")) return;
                    OpenLog(path);
                    Banner(scope);
                    data = ReportData.FromObjects(scope, _objects, window, scanTime);
                }
                else
                {
                    using (var session = OpenSession(pump))
                    {
                        var plan = ResolvePlan(session, _config, Array.Empty<AwsArn>());
                        var identity = IdentifyCaller(session, pump, plan.Regions[0]);
                        var scope = ReportScope.ForScan(plan, identity.Account, naming);
                        path = TargetPath(scope.AccountName);
                        var description = (plan.Accounts is null ? string.Empty : plan.Accounts.Count + " account(s), ") + string.Join(", ", plan.Regions);
                        if (!ShouldProcess(path, "Scan DataSync in " + description + " and write the workbook")) return;
                        OpenLog(path);
                        Banner(scope, plan.Accounts is null ? null : identity);
                        _log?.Info("Scanning " + description + "; executions " + window.Description + "; throttle limit " + ThrottleLimit + ".");
                        var request = plan.ToRequest(ResourceKinds.All, mappings, executionsSince: window.SinceUtc);
                        // The workbook shows the tags of tasks, locations and agents; executions' tags would cost a call each for nothing.
                        if (IncludeTags) request.TaggedKinds = ResourceKinds.Tasks | ResourceKinds.Locations | ResourceKinds.Agents;
                        var outcome = Scan(session, pump, request, "Export DataSync report", builder);
                        foreach (var issue in outcome.Issues) _log?.Warn(issue.ToString());
                        WriteCollectionSummary(outcome, builder, window);
                        data = ReportData.FromScan(scope, outcome, window, scanTime);
                        data.CallerArn = identity.Arn;
                        data.TagsCollected = IncludeTags;
                    }
                }

                FinishWorkbook(pump, path, builder, data);
            }
            catch (Exception e) when (e is PipelineStoppedException || (e is OperationCanceledException && CancellationToken.IsCancellationRequested))
            {
                _log?.Warn("Export cancelled: the command was stopped before the workbook was written; no workbook was kept.");
                throw;
            }
            finally
            {
                _builder?.Dispose();
                _log?.Dispose();
            }
        }

        /// <summary>Writes the workbook (a scan's or a merge's), then the closing line, the log's last line and, with -PassThru, the file.</summary>
        private void FinishWorkbook(PipelinePump pump, string path, ReportBuilder builder, ReportData data)
        {
            var written = WriteWorkbook(pump, path, builder, data);
            var writtenPath = written.Path ?? path;
            var message = "AWS DataSync data exported successfully! File location: " + writtenPath;
            _log?.Info(message + string.Format(CultureInfo.InvariantCulture, " ({0:N0} bytes in {1:0.0} s)", written.Bytes, written.Elapsed.TotalSeconds));
            WriteHostLine(message);
            if (PassThru) WriteObject(new FileInfo(writtenPath));
        }

        private WorkbookResult WriteWorkbook(PipelinePump pump, string path, ReportBuilder builder, ReportData data)
        {
            try
            {
                var directory = System.IO.Path.GetDirectoryName(path);
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
                WriteProgress(new ProgressRecord(1, "Export DataSync report", "Writing " + path));
                var result = pump.RunStoppable(this, CancellationToken, () => System.Threading.Tasks.Task.Run(() => builder.WriteFile(path, data, Force.IsPresent && Path != null, CancellationToken)));
                WriteProgress(new ProgressRecord(1, "Export DataSync report", "Done") { RecordType = ProgressRecordType.Completed });
                var continued = result.RowsPerSheet.Keys.Where(name => !WorkbookWriter.SheetNames.Contains(name)).ToList();
                if (continued.Count > 0)
                {
                    WriteVerbose("Sheets past Excel's row limit continue on: " + string.Join(", ", continued) + " (Summary lists them).");
                    _log?.Info("Continuation sheets: " + string.Join(", ", continued) + ".");
                }

                if (result.TruncatedCells > 0)
                {
                    WriteWarning(result.TruncatedCells + " cell(s) held more than Excel's 32,767 characters and were cut (marked in the cell).");
                }

                return result;
            }
            catch (UnauthorizedAccessException e)
            {
                ThrowTerminatingError(new ErrorRecord(new IOException("The workbook cannot be written to '" + path + "': access is denied. Choose another -OutputDirectory or -Path.", e), "OutputNotWritable", ErrorCategory.PermissionDenied, path));
                throw;
            }
            catch (IOException e)
            {
                ThrowTerminatingError(new ErrorRecord(new IOException("The workbook cannot be written to '" + path + "': " + e.Message + " Nothing was written.", e), "OutputNotWritable", ErrorCategory.WriteError, path));
                throw;
            }
        }
    }
}
