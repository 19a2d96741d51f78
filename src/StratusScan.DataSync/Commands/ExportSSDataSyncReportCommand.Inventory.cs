using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StratusScan.DataSync.InventoryFiles;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// Export-SSDataSyncReport -InventoryPath: one workbook from inventory files, with no AWS call. Every header is read
    /// first (the Summary is known before any object), then each file's objects stream into the report builder, only
    /// those of the accounts and Regions that file wins (<see cref="InventoryMerge"/>).
    /// </summary>
    public sealed partial class ExportSSDataSyncReportCommand
    {
        private const string InventorySet = "Inventory";
        private const string InventoryPathSet = "InventoryPath";
        private const string MergeActivity = "Merge DataSync inventory files";

        /// <summary>The parameters of a scan, which a merge of files does not take.</summary>
        private static readonly string[] ScanParameters =
        {
            "IncludeTags", "AccountId", "RoleName", "RoleArn", "ExternalId", "RoleSessionName", "DurationSeconds", "Region",
            "ProfileName", "ProfileLocation", "Credential", "AccessKey", "SecretKey", "SessionToken", "EndpointUrl", "ThrottleLimit",
        };

        /// <summary>Inventory files of Export-SSDataSyncInventory (.jsonl or .jsonl.gz; wildcards allowed): the workbook merges them, scanning nothing.</summary>
        [Parameter(ParameterSetName = InventorySet, Mandatory = true)]
        [SupportsWildcards]
        [Parameter(ParameterSetName = InventoryPathSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? InventoryPath { get; set; }

        private void RefuseScanParameters()
        {
            var given = ScanParameters.Where(MyInvocation.BoundParameters.ContainsKey).ToList();
            if (given.Count == 0) return;
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(
                "-InventoryPath writes the workbook from the files alone, so it takes no scanning parameter (" + string.Join(", ", given.Select(g => "-" + g))
                + "). Leave them out, or scan with Export-SSDataSyncReport without -InventoryPath.", given[0]),
                "InventoryPathWithScanParameter", ErrorCategory.InvalidArgument, null));
        }

        private void MergeInventory()
        {
            var pump = new PipelinePump();
            try
            {
                var paths = ResolveInventoryPaths();
                var sources = new List<IInventorySource>(paths.Count);
                for (int i = 0; i < paths.Count; i++)
                {
                    WriteProgress(new ProgressRecord(1, MergeActivity, "Reading the header of " + paths[i]) { PercentComplete = i * 100 / paths.Count });
                    sources.Add(ReadInventoryFile(() => InventoryFileSource.Read(paths[i], path => InventoryFileReader.Open(path)), paths[i]));
                }

                InventoryMerge merge;
                try
                {
                    merge = InventoryMerge.Plan(sources);
                }
                catch (InventoryMergeException e)
                {
                    ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidData, e.Target));
                    throw;
                }

                foreach (var warning in merge.Warnings) WriteWarning(warning);
                var data = ReportData.FromInventory(merge, new ReportNaming(AccountName, _config.AccountNames, _config.OrganizationName));
                var path = TargetPath(data.AccountName);
                if (!ShouldProcess(path, "Merge " + paths.Count + " inventory file(s) and write the workbook")) return;
                OpenLog(path);
                Banner(data.AccountId, data.AccountName, data.Accounts, data.Partition, null);
                _log?.Info("Merging " + paths.Count + " inventory file(s): " + string.Join(", ", paths) + ".");
                foreach (var warning in merge.Warnings) _log?.Warn(warning);

                var builder = _builder!;
                var counts = ReadInventoryFile(() => pump.RunStoppable(this, CancellationToken, token => System.Threading.Tasks.Task.Run(() => merge.Stream(builder, (i, source) =>
                    pump.Post(() => WriteProgress(new ProgressRecord(1, MergeActivity, "Reading " + source.Path + " (" + (i + 1) + " of " + paths.Count + ")") { PercentComplete = i * 100 / paths.Count })), token))), null);
                WriteMergeSummary(builder, data, paths.Count, counts);

                FinishWorkbook(pump, path, builder, data);
            }
            catch (Exception e) when (e is PipelineStoppedException || (e is OperationCanceledException && CancellationToken.IsCancellationRequested))
            {
                _log?.Warn("Merge cancelled: the command was stopped before the workbook was written; no workbook was kept.");
                throw;
            }
            finally
            {
                _builder?.Dispose();
                _log?.Dispose();
            }
        }

        /// <summary>Every -InventoryPath through the provider (wildcards expanded), in order, each file once; a path that matches no file is a terminating error.</summary>
        private List<string> ResolveInventoryPaths()
        {
            var files = new List<string>();
            foreach (var given in InventoryPath!)
            {
                IEnumerable<string> resolved;
                try
                {
                    resolved = GetResolvedProviderPathFromPSPath(given, out var provider).Where(p => provider.Name == "FileSystem").ToList();
                }
                catch (Exception e) when (e is ItemNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is ArgumentException || e is NotSupportedException)
                {
                    resolved = Array.Empty<string>();
                }

                var matched = resolved.Where(File.Exists).ToList();
                if (matched.Count == 0)
                {
                    var folder = resolved.Any(Directory.Exists) ? " It is a folder: give its files, e.g. '" + System.IO.Path.Combine(given, "*.jsonl*") + "'." : string.Empty;
                    ThrowTerminatingError(new ErrorRecord(new FileNotFoundException("No inventory file matches '" + given + "'." + folder + " Write the files with Export-SSDataSyncInventory.", given),
                        "InventoryFileNotFound", ErrorCategory.ObjectNotFound, given));
                }

                foreach (var file in matched.OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (!files.Contains(file, StringComparer.Ordinal)) files.Add(file);
                }
            }

            return files;
        }

        /// <summary>Runs a read of inventory files; a file that cannot be read is a terminating error naming it, its line and how to leave it out.</summary>
        private T ReadInventoryFile<T>(Func<T> read, string? path)
        {
            try
            {
                return read();
            }
            catch (InventoryFileException e)
            {
                var id = e.Problem switch
                {
                    InventoryFileProblem.NotAnInventoryFile => "NotAnInventoryFile",
                    InventoryFileProblem.UnsupportedFormatVersion => "UnsupportedInventoryVersion",
                    InventoryFileProblem.Truncated => "TruncatedInventoryFile",
                    _ => "CorruptInventoryFile",
                };
                var where = e.LineNumber > 0 ? " (line " + e.LineNumber.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty;
                ThrowTerminatingError(new ErrorRecord(new InvalidDataException(
                    "The inventory file '" + e.Path + "'" + where + " cannot be merged: " + e.Message + " No workbook was written: a merge must not silently lack a file."
                    + " Export that account again, or leave the file out of -InventoryPath (list the others, or move it out of the folder the wildcard reads).", e),
                    id, ErrorCategory.InvalidData, e.Path));
                throw;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                var target = path ?? (e as FileNotFoundException)?.FileName ?? string.Empty;
                ThrowTerminatingError(new ErrorRecord(new IOException("An inventory file cannot be read" + (target.Length > 0 ? " ('" + target + "')" : string.Empty) + ": " + e.Message, e),
                    "InventoryFileUnreadable", ErrorCategory.ReadError, target));
                throw;
            }
        }

        private void WriteMergeSummary(ReportBuilder builder, ReportData data, int files, MergeCounts counts)
        {
            var text = string.Format(CultureInfo.InvariantCulture,
                "Merge complete ({1} file(s)):{0}  Tasks: {2}{0}  Locations: {3}{0}  Agents: {4}{0}  Executions ({5}): {6}{7}{8}",
                Environment.NewLine, files, builder.Tasks, builder.Locations, builder.Agents, data.Window?.Description ?? "as exported", builder.Executions,
                counts.Skipped == 0 ? string.Empty : Environment.NewLine + "  Left out: " + counts.Skipped + " object(s) of accounts and Regions a newer file covers",
                data.Issues.Count == 0 ? string.Empty : Environment.NewLine + "  Scan issues: " + data.Issues.Count + " (listed on the Summary sheet; the data is incomplete)");
            _log?.Info(text.Replace(Environment.NewLine, " "));
            WriteHostLine(text);
        }
    }
}
