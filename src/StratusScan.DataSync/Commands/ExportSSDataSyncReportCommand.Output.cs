using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Logging;
using StratusScan.DataSync.Regions;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Commands
{
    /// <summary>Export-SSDataSyncReport's output: the workbook's path, the log, and the console lines (banner, collection summary).</summary>
    public sealed partial class ExportSSDataSyncReportCommand
    {
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

        // ---- console and log ------------------------------------------------------------------------------------

        private void OpenLog(string workbookPath)
        {
            // By default the log goes in a logs folder beside the workbook, wherever the current location is.
            var path = LogPath != null
                ? GetUnresolvedProviderPathFromPSPath(LogPath)
                : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(workbookPath) ?? GetUnresolvedProviderPathFromPSPath("."), "logs", RunLog.FileNameFor(DateTime.Now));
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

        private void Banner(ReportScope report, CallerIdentity? caller = null) =>
            Banner(report.AccountId, report.AccountName, report.Accounts, report.Partition, caller?.Arn);

        private void Banner(string accountId, string accountName, IReadOnlyList<ReportAccount> accounts, string partition, string? callerArn)
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

            if (callerArn != null) WriteHostLine("Scanning as: " + callerArn);
            WriteHostLine("Environment: " + Partitions.DisplayName(partition));
            WriteHostLine(line);
            _log?.Info(scope + "; Environment: " + Partitions.DisplayName(partition) + (callerArn is null ? string.Empty : "; scanning as " + callerArn));
        }

        private void WriteCollectionSummary(ScanOutcome result, ReportBuilder builder, ExecutionWindow window)
        {
            var text = string.Format(CultureInfo.InvariantCulture,
                "Collection complete:{0}{7}  Tasks: {1}{0}  Locations: {2}{0}  Agents: {3}{0}  Executions ({4}): {5}{6}",
                Environment.NewLine, builder.Tasks, builder.Locations, builder.Agents, window.Description, builder.Executions,
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
