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
    /// <para type="synopsis">Writes the seven-sheet DataSync audit workbook, from a scan it runs itself or from objects piped in.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "SSDataSyncReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = DaysSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportSSDataSyncReportCommand : DataSyncCmdletBase
    {
        private const string DaysSet = "Days";
        private const string SinceSet = "Since";

        private readonly List<DataSyncTask> _tasks = new List<DataSyncTask>();
        private readonly List<DataSyncLocation> _locations = new List<DataSyncLocation>();
        private readonly List<DataSyncAgent> _agents = new List<DataSyncAgent>();
        private readonly List<DataSyncTaskExecution> _executions = new List<DataSyncTaskExecution>();
        private bool _receivedInput;
        private ExecutionWindow? _window;
        private StratusScanConfig _config = StratusScanConfig.Empty;
        private RunLog? _log;

        /// <summary>Tasks, locations, agents or executions from the Get-SSDataSync* cmdlets: the workbook holds exactly these.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>The folder for the workbook (default ./output); the StratusScan file name is used.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string OutputDirectory { get; set; } = "output";

        /// <summary>The workbook's full path instead of the StratusScan name; with -Force an existing file is replaced.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Executions that started in the last N days (default 30).</summary>
        [Parameter(ParameterSetName = DaysSet)]
        [ValidateRange(1, 3650)]
        public int Days { get; set; } = ExecutionWindow.DefaultDays;

        /// <summary>Executions that started at or after this time.</summary>
        [Parameter(ParameterSetName = SinceSet, Mandatory = true)]
        public DateTime Since { get; set; }

        /// <summary>The account's name in the file name and on Summary (default: the config's account_mappings, else the account id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccountName { get; set; }

        /// <summary>With -Path, replace an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write the workbook's FileInfo to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The log file (default: logs/logs-datasync-export-{MM.DD.YYYY-HHMM}.log).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LogPath { get; set; }

        protected override void BeginProcessing()
        {
            _window = ResolveWindow(ParameterSetName == SinceSet ? Since : (DateTime?)null, Days);
            _config = LoadConfig(ConfigPath);
        }

        protected override void ProcessRecord()
        {
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
            switch (input.BaseObject)
            {
                case DataSyncTask task: _tasks.Add(task); break;
                case DataSyncLocation location: _locations.Add(location); break;
                case DataSyncAgent agent: _agents.Add(agent); break;
                case DataSyncTaskExecution execution: _executions.Add(execution); break;
                default:
                    WriteError(new ErrorRecord(
                        new PSArgumentException("Export-SSDataSyncReport takes the objects of Get-SSDataSyncTask, -Location, -Agent and -Execution; a " + input.BaseObject?.GetType().FullName + " was piped in and is left out."),
                        "UnsupportedInputObject", ErrorCategory.InvalidType, input));
                    break;
            }
        }

        protected override void EndProcessing()
        {
            var piped = _receivedInput || MyInvocation.ExpectingInput;
            var window = _window!;
            var scanTime = DateTime.UtcNow;
            var pump = new PipelinePump();
            try
            {
                ReportData data;
                string path;
                if (piped)
                {
                    var accountIds = AccountIdsOfObjects();
                    var accountId = accountIds.Count == 1 ? accountIds[0] : string.Empty;
                    var accountName = accountIds.Count > 1 ? OrganizationName() : ResolveAccountName(accountId);
                    path = TargetPath(accountName);
                    if (!ShouldProcess(path, "Write the DataSync workbook of the piped objects")) return;
                    OpenLog(path);
                    var accounts = accountIds.Count > 1 ? accountIds.Select(id => new ReportAccount(id, NameOfPipedAccount(id), scanned: true)).ToList() : new List<ReportAccount>();
                    Banner(accountId, accountName, PartitionOfObjects(), accounts);
                    data = new ReportData
                    {
                        AccountId = accountId,
                        AccountName = accountName,
                        Accounts = accounts,
                        Partition = PartitionOfObjects(),
                        Regions = RegionsOfObjects(),
                        ScanTimeUtc = scanTime,
                        Window = window,
                        Tasks = _tasks,
                        Locations = _locations,
                        Agents = _agents,
                        Executions = _executions.Where(e => !e.StartTime.HasValue || e.StartTime.Value >= window.SinceUtc).ToList(),
                        Issues = Array.Empty<ScanIssue>(),
                    };
                }
                else
                {
                    using (var session = OpenSession(pump))
                    {
                        var regions = ResolveRegions(session, null, _config.DefaultRegions);
                        var roles = ResolveAccounts(regions);
                        var assumeRole = AssumeRoleSettings();
                        var identity = IdentifyCaller(session, pump, regions[0]);
                        var organization = roles != null && roles.Count > 1;
                        var accountId = roles is null ? identity.Account : organization ? string.Empty : roles[0].AccountId;
                        var accountName = organization ? OrganizationName() : ResolveAccountName(accountId);
                        path = TargetPath(accountName);
                        var scope = (roles is null ? string.Empty : roles.Count + " account(s), ") + string.Join(", ", regions);
                        if (!ShouldProcess(path, "Scan DataSync in " + scope + " and write the workbook")) return;
                        OpenLog(path);
                        var partition = Partitions.OfRegion(regions[0]);
                        var planned = roles?.Select(r => new ReportAccount(r.AccountId, _config.AccountNameOf(r.AccountId) ?? r.AccountId, scanned: true)).ToList() ?? new List<ReportAccount>();
                        Banner(accountId, accountName, partition, planned, roles is null ? null : identity);
                        _log?.Info("Scanning " + scope + "; executions " + window.Description + "; throttle limit " + ThrottleLimit + ".");
                        var request = new ScanRequest
                        {
                            Regions = regions,
                            Kinds = ResourceKinds.All,
                            ExecutionsSince = window.SinceUtc,
                            Accounts = roles,
                            AssumeRole = assumeRole,
                            AccountNames = _config.AccountMappings,
                        };
                        var result = Scan(session, pump, request, "Export DataSync report");
                        foreach (var issue in result.Issues) _log?.Warn(issue.ToString());
                        WriteCollectionSummary(result, window);
                        data = new ReportData
                        {
                            AccountId = accountId,
                            AccountName = accountName,
                            CallerArn = identity.Arn,
                            Accounts = planned.Select(a => new ReportAccount(a.AccountId, a.AccountName, !result.FailedAccounts.Contains(a.AccountId))).ToList(),
                            Partition = partition,
                            Regions = regions,
                            ScanTimeUtc = scanTime,
                            Window = window,
                            Tasks = result.Tasks,
                            Locations = result.Locations,
                            Agents = result.Agents,
                            Executions = result.Executions,
                            Issues = result.Issues,
                        };
                    }
                }

                var written = WriteWorkbook(pump, path, data);
                var writtenPath = written.Path ?? path;
                var message = "AWS DataSync data exported successfully! File location: " + writtenPath;
                _log?.Info(message + string.Format(CultureInfo.InvariantCulture, " ({0:N0} bytes in {1:0.0} s)", written.Bytes, written.Elapsed.TotalSeconds));
                WriteHostLine(message);
                if (PassThru) WriteObject(new FileInfo(writtenPath));
            }
            finally
            {
                _log?.Dispose();
            }
        }

        private CallerIdentity IdentifyCaller(AwsSession session, PipelinePump pump, string region)
        {
            try
            {
                return pump.RunStoppable(this, CancellationToken, () => session.GetCallerIdentityAsync(region, CancellationToken));
            }
            catch (AwsCredentialsNotFoundException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "AwsCredentialsNotFound", ErrorCategory.AuthenticationError, ProfileName));
                throw;
            }
            catch (DataSyncServiceException e)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                    "Could not identify the account (sts:GetCallerIdentity in " + region + " failed: " + e.ErrorCode + "). Check the credentials; " + e.Message, e),
                    "CallerIdentityFailed", e is DataSyncAccessDeniedException ? ErrorCategory.PermissionDenied : ErrorCategory.AuthenticationError, region));
                throw;
            }
            catch (AwsNetworkException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "StsEndpointUnreachable", ErrorCategory.ConnectionError, region));
                throw;
            }
        }

        private WorkbookResult WriteWorkbook(PipelinePump pump, string path, ReportData data)
        {
            try
            {
                var directory = System.IO.Path.GetDirectoryName(path);
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
                WriteProgress(new ProgressRecord(1, "Export DataSync report", "Writing " + path));
                var result = pump.RunStoppable(this, CancellationToken, () => System.Threading.Tasks.Task.Run(() => WorkbookWriter.WriteFile(path, data, Force.IsPresent && Path != null, CancellationToken)));
                WriteProgress(new ProgressRecord(1, "Export DataSync report", "Done") { RecordType = ProgressRecordType.Completed });
                foreach (var sheet in result.RowsNotWritten.Where(s => s.Value > 0))
                {
                    WriteWarning(string.Format(CultureInfo.InvariantCulture, "The {0} sheet holds at most 1,048,575 rows: {1:N0} rows were not written (Summary says so too).", sheet.Key, sheet.Value));
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

        // ---- naming, account, config ----------------------------------------------------------------------------

        private string TargetPath(string accountName)
        {
            try
            {
                if (Path != null)
                {
                    // GetFullPath rejects what the provider lets through (a NUL on Unix) before anything is scanned.
                    var full = System.IO.Path.GetFullPath(GetUnresolvedProviderPathFromPSPath(Path));
                    if (File.Exists(full) && !Force)
                    {
                        ThrowTerminatingError(new ErrorRecord(new IOException("'" + full + "' exists. Pass -Force to replace it, or omit -Path to get a new StratusScan file name."), "OutputFileExists", ErrorCategory.ResourceExists, full));
                    }

                    if (Directory.Exists(full))
                    {
                        ThrowTerminatingError(new ErrorRecord(new IOException("'" + full + "' is a folder; -Path is the workbook's file path. Use -OutputDirectory for a folder."), "OutputPathIsFolder", ErrorCategory.InvalidArgument, full));
                    }

                    return full;
                }

                var directory = System.IO.Path.GetFullPath(GetUnresolvedProviderPathFromPSPath(OutputDirectory));
                if (File.Exists(directory))
                {
                    ThrowTerminatingError(new ErrorRecord(new IOException("-OutputDirectory '" + directory + "' is a file, not a folder."), "OutputDirectoryIsFile", ErrorCategory.InvalidArgument, directory));
                }

                var name = ReportFileName.For(accountName, DateTime.Now);
                return System.IO.Path.Combine(directory, ReportFileName.NextFree(directory, name));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException || e is ItemNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException)
            {
                var target = Path ?? OutputDirectory;
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("The output path '" + target + "' is not valid: " + e.Message, e), "InvalidOutputPath", ErrorCategory.InvalidArgument, target));
                throw;
            }
        }

        private string ResolveAccountName(string accountId) =>
            AccountName ?? _config.AccountNameOf(accountId) ?? (string.IsNullOrEmpty(accountId) ? "unknown-account" : accountId);

        /// <summary>The name of an organisation-wide workbook: -AccountName, else the config's organization_name or agency_name, else multi-account.</summary>
        private string OrganizationName() => AccountName ?? _config.OrganizationName ?? "multi-account";

        /// <summary>The accounts of the piped objects, in the order they arrived.</summary>
        private IReadOnlyList<string> AccountIdsOfObjects() =>
            _tasks.Select(t => t.AccountId).Concat(_locations.Select(l => l.AccountId)).Concat(_agents.Select(a => a.AgentArn.Length > 0 ? a.AccountId : string.Empty))
                .Concat(_executions.Select(e => e.AccountId)).Where(a => !string.IsNullOrEmpty(a)).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>A piped account's name: the config's mapping, else the name its objects carry, else the id.</summary>
        private string NameOfPipedAccount(string accountId) =>
            _config.AccountNameOf(accountId)
            ?? _tasks.Where(t => t.AccountId == accountId).Select(t => t.AccountName)
                .Concat(_locations.Where(l => l.AccountId == accountId).Select(l => l.AccountName))
                .Concat(_agents.Where(a => a.AccountId == accountId).Select(a => a.AccountName))
                .Concat(_executions.Where(e => e.AccountId == accountId).Select(e => e.AccountName))
                .FirstOrDefault(n => !string.IsNullOrEmpty(n))
            ?? accountId;

        private string PartitionOfObjects() =>
            RegionsOfObjects().Select(Partitions.OfRegion).FirstOrDefault() ?? Partitions.Aws;

        private IReadOnlyList<string> RegionsOfObjects() =>
            _tasks.Select(t => t.Region).Concat(_locations.Select(l => l.Region)).Concat(_agents.Select(a => a.Region)).Concat(_executions.Select(e => e.Region))
                .Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.Ordinal).ToList();

        // ---- console and log ------------------------------------------------------------------------------------

        private void OpenLog(string workbookPath)
        {
            var path = LogPath != null
                ? GetUnresolvedProviderPathFromPSPath(LogPath)
                : System.IO.Path.Combine(GetUnresolvedProviderPathFromPSPath("logs"), RunLog.FileNameFor(DateTime.Now));
            try
            {
                _log = RunLog.Open(path);
                _log.Info("Export-SSDataSyncReport " + EngineInfo.Version + "; workbook " + workbookPath + ".");
                WriteVerbose("Log file: " + path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                WriteWarning("The log file '" + path + "' cannot be written (" + e.Message + "); continuing without it.");
            }
        }

        private void Banner(string accountId, string accountName, string partition, IReadOnlyList<ReportAccount> accounts, CallerIdentity? caller = null)
        {
            var line = new string('=', 68);
            WriteHostLine(line);
            WriteHostLine("            AWS DATASYNC COMPREHENSIVE EXPORT (StratusScan.DataSync)");
            WriteHostLine(line);
            string scope;
            if (accounts.Count > 1)
            {
                WriteHostLine("Organization: " + accountName);
                WriteHostLine("Accounts: " + accounts.Count + " (" + string.Join(", ", accounts.Select(a => a.AccountId)) + ")");
                scope = "Organization: " + accountName + "; Accounts: " + string.Join(", ", accounts.Select(a => a.AccountId));
            }
            else
            {
                WriteHostLine("Account ID: " + accountId);
                WriteHostLine("Account Name: " + accountName);
                scope = "Account ID: " + accountId + "; Account Name: " + accountName;
            }

            if (caller != null) WriteHostLine("Scanning as: " + caller.Arn);
            WriteHostLine("Environment: " + Partitions.DisplayName(partition));
            WriteHostLine(line);
            _log?.Info(scope + "; Environment: " + Partitions.DisplayName(partition) + (caller is null ? string.Empty : "; scanning as " + caller.Arn));
        }

        private void WriteCollectionSummary(ScanResult result, ExecutionWindow window)
        {
            var text = string.Format(CultureInfo.InvariantCulture,
                "Collection complete:{0}{7}  Tasks: {1}{0}  Locations: {2}{0}  Agents: {3}{0}  Executions ({4}): {5}{6}",
                Environment.NewLine, result.Tasks.Count, result.Locations.Count, result.Agents.Count, window.Description, result.Executions.Count,
                result.Issues.Count == 0 ? string.Empty : Environment.NewLine + "  Scan issues: " + result.Issues.Count + " (listed on the Summary sheet; the data is incomplete)",
                result.Accounts.Count == 0 ? string.Empty : "  Accounts: " + (result.Accounts.Count - result.FailedAccounts.Count) + " of " + result.Accounts.Count + " scanned" + Environment.NewLine);
            _log?.Info(text.Replace(Environment.NewLine, " "));
            WriteHostLine(text);
        }

        /// <summary>A console line that is also on the information stream (as Write-Host), so runbooks can capture it.</summary>
        private void WriteHostLine(string text) =>
            WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST", "StratusScan.DataSync" });
    }
}
