using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using StratusScan.DataSync.Configuration;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes a DataSync inventory file (JSON Lines, gzip for .gz) from a scan it runs itself or from objects piped in.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "SSDataSyncInventory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = DaysSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportSSDataSyncInventoryCommand : ExecutionWindowCmdletBase
    {
        private const string Activity = "Export DataSync inventory";
        private readonly ReportObjects _objects = new ReportObjects();
        private StratusScanConfig _config = StratusScanConfig.Empty;
        private InventoryFileWriter? _writer;
        private string _path = string.Empty;
        private bool _receivedInput;
        private bool _declined;
        private int _rejected;
        private long _outsideWindow;
        // An int, not ResourceKinds: a field of an engine value type would make PowerShell load the engine while it
        // reflects over the cmdlets, before the module's loader can resolve it.
        private int _taggedKinds;
        private DateTime _startUtc;

        /// <summary>Tasks, locations, agents or executions from the Get-SSDataSync* cmdlets (or Import-SSDataSyncInventory): the file holds exactly these.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>The inventory file: .jsonl, or .jsonl.gz for a gzip-compressed file.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The account's name in the header (default: the config's account_mappings, else the account id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccountName { get; set; }

        /// <summary>Replace an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Also read the tags of every task, location and agent (one more API call each).</summary>
        [Parameter]
        public SwitchParameter IncludeTags { get; set; }

        /// <summary>Write the file's FileInfo to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _startUtc = DateTime.UtcNow;
            if (!(Path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || Path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase)))
            {
                var message = "-Path names the inventory file, so it must end in .jsonl (or .jsonl.gz for a compressed file); '" + Path + "' does not.";
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message, "Path"), "InvalidOutputExtension", ErrorCategory.InvalidArgument, Path));
            }

            base.BeginProcessing();
            _path = TargetPath();
            _config = LoadConfig(ConfigPath);
        }

        protected override void DisposeResources()
        {
            // Deletes the temporary body (and leaves an existing file alone) when the export did not complete.
            _writer?.Dispose();
        }

        protected override void ProcessRecord()
        {
            if (InputObject is null || _declined) return;
            if (!_receivedInput)
            {
                _receivedInput = true;
                if (!ShouldProcess(_path, "Write the DataSync inventory file of the piped objects"))
                {
                    _declined = true;
                    return;
                }

                _writer = OpenWriter();
            }

            if (InputObject.BaseObject is System.Collections.IEnumerable items && !(InputObject.BaseObject is string))
            {
                foreach (var item in items) Add(item is PSObject wrapped ? wrapped : PSObject.AsPSObject(item));
                return;
            }

            Add(InputObject);
        }

        private void Add(PSObject input)
        {
            var item = input.BaseObject;
            if (!_objects.TryAdd(item))
            {
                _rejected++;
                WriteError(new ErrorRecord(
                    new PSArgumentException("Export-SSDataSyncInventory takes the objects of Get-SSDataSyncTask, -Location, -Agent and -Execution; a " + item?.GetType().FullName + " was piped in and is left out."),
                    "UnsupportedInputObject", ErrorCategory.InvalidType, input));
                return;
            }

            // The window applies to executions only: tasks, locations and agents are current state.
            if (item is DataSyncTaskExecution execution && !Window.Includes(execution.StartTime))
            {
                _outsideWindow++;
                return;
            }

            _taggedKinds |= (int)InventoryHeaders.TaggedKindsOf(item);
            _writer!.Add(item);
        }

        protected override void EndProcessing()
        {
            if (_declined) return;
            var piped = _receivedInput || MyInvocation.ExpectingInput;
            var naming = new ReportNaming(AccountName, _config.AccountNames, _config.OrganizationName);
            InventoryHeader? header;
            if (piped)
            {
                if (_objects.Count == 0)
                {
                    if (_rejected > 0)
                    {
                        ThrowTerminatingError(new ErrorRecord(new PSArgumentException(
                            "None of the " + _rejected + " object(s) piped in is a task, location, agent or execution of the Get-SSDataSync* cmdlets, so no inventory file is written."),
                            "NoInventoryInput", ErrorCategory.InvalidData, null));
                    }

                    WriteWarning("Nothing was piped in, so no inventory file is written.");
                    return;
                }

                header = InventoryHeaders.ForObjects(ReportScope.ForObjects(_objects, naming), _objects, _config.AccountNames, HeaderWindow(), _startUtc, DateTime.UtcNow, (ResourceKinds)_taggedKinds, _outsideWindow);
            }
            else
            {
                header = ScanIntoWriter(naming);
                if (header is null) return;
            }

            Complete(header!);
        }

        /// <summary>Runs the scan into the writer; null when ShouldProcess declined. A scan that fails everywhere writes its file, then its terminating error.</summary>
        private InventoryHeader? ScanIntoWriter(ReportNaming naming)
        {
            var pump = new PipelinePump();
            using (var session = OpenSession(pump))
            {
                var plan = ResolvePlan(session, _config, Array.Empty<AwsArn>());
                var identity = IdentifyCaller(session, pump, plan.Regions[0]);
                var scope = ReportScope.ForScan(plan, identity.Account, naming);
                var description = (plan.Accounts is null ? string.Empty : plan.Accounts.Count + " account(s), ") + string.Join(", ", plan.Regions);
                if (!ShouldProcess(_path, "Scan DataSync in " + description + " and write the inventory file")) return null;
                _writer = OpenWriter();
                var request = plan.ToRequest(ResourceKinds.All, _config.AccountMappings, executionsSince: Window.SinceUtc);
                // As the report: the tags of tasks, locations and agents; executions' tags would cost a call each for nothing.
                var tagged = IncludeTags ? ResourceKinds.Tasks | ResourceKinds.Locations | ResourceKinds.Agents : ResourceKinds.None;
                request.TaggedKinds = tagged;
                InventoryHeader Header(ScanOutcome? outcome, ScanFailedException? failure) =>
                    InventoryHeaders.ForScan(plan, scope, identity.Account, _config.AccountNames, outcome, failure, HeaderWindow(), identity.Arn, _startUtc, DateTime.UtcNow, ResourceKinds.All, tagged);
                var result = Scan(session, pump, request, Activity, _writer, failure =>
                {
                    // The shard's file records that nothing could be scanned (and why) before the terminating error.
                    Complete(Header(null, failure));
                });
                return Header(result, null);
            }
        }

        private InventoryWindow HeaderWindow() =>
            InventoryHeaders.Window(Window, MyInvocation.BoundParameters.ContainsKey("Since") ? (int?)null : Days);

        private InventoryFileWriter OpenWriter()
        {
            try
            {
                return new InventoryFileWriter(_path, Force.IsPresent);
            }
            catch (InventoryFileExistsException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "FileExists", ErrorCategory.ResourceExists, _path));
                throw;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(new IOException("The inventory file cannot be written to '" + _path + "': " + e.Message + " Nothing was written.", e), "OutputNotWritable", ErrorCategory.WriteError, _path));
                throw;
            }
        }

        private void Complete(InventoryHeader header)
        {
            var writer = _writer!;
            try
            {
                WriteProgress(new ProgressRecord(1, Activity, "Writing " + _path));
                writer.Complete(header, CancellationToken);
                WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                var id = e is InventoryFileExistsException ? "FileExists" : "OutputNotWritable";
                ThrowTerminatingError(new ErrorRecord(new IOException("The inventory file cannot be written to '" + _path + "': " + e.Message + " Nothing was written.", e), id,
                    e is InventoryFileExistsException ? ErrorCategory.ResourceExists : ErrorCategory.WriteError, _path));
            }

            var counts = header.Counts;
            var message = string.Format(CultureInfo.InvariantCulture, "Inventory written: {0} ({1:N0} tasks, {2:N0} locations, {3:N0} agents, {4:N0} executions{5})",
                _path, counts.Tasks, counts.Locations, counts.Agents, counts.Executions,
                header.Issues.Count == 0 ? string.Empty : "; incomplete: " + header.Issues.Count + " scan issue(s)");
            WriteInformation(new HostInformationMessage { Message = message }, new[] { "PSHOST", "StratusScan.DataSync" });
            if (PassThru) WriteObject(new FileInfo(_path));
        }

        /// <summary>The full path of -Path; an existing file without -Force is a terminating error before anything is scanned.</summary>
        private string TargetPath()
        {
            string full;
            try
            {
                full = System.IO.Path.GetFullPath(GetUnresolvedProviderPathFromPSPath(Path));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException || e is ItemNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("The output path '" + Path + "' is not valid: " + e.Message, e), "InvalidOutputPath", ErrorCategory.InvalidArgument, Path));
                throw;
            }

            if (Directory.Exists(full))
            {
                ThrowTerminatingError(new ErrorRecord(new IOException("'" + full + "' is a folder; -Path is the inventory file's path."), "OutputPathIsFolder", ErrorCategory.InvalidArgument, full));
            }

            if (File.Exists(full) && !Force)
            {
                ThrowTerminatingError(new ErrorRecord(new InventoryFileExistsException(full), "FileExists", ErrorCategory.ResourceExists, full));
            }

            var directory = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            {
                ThrowTerminatingError(new ErrorRecord(new DirectoryNotFoundException("The folder '" + directory + "' of the inventory file does not exist. Create it, or give another -Path."), "OutputDirectoryNotFound", ErrorCategory.ObjectNotFound, directory));
            }

            return full;
        }
    }
}
