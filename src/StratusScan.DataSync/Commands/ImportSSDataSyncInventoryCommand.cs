using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads DataSync inventory files written by Export-SSDataSyncInventory and writes their tasks, locations, agents and executions as they are read.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "SSDataSyncInventory", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(DataSyncTask), typeof(DataSyncLocation), typeof(DataSyncAgent), typeof(DataSyncTaskExecution))]
    public sealed class ImportSSDataSyncInventoryCommand : PSCmdlet, IDisposable
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>The inventory files (.jsonl or .jsonl.gz); wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The inventory files, taken exactly as written (no wildcards); a FileInfo piped in binds here.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Only these kinds of object: Task, Location, Agent, Execution (default: all).</summary>
        [Parameter]
        [ValidateSet("Task", "Location", "Agent", "Execution")]
        public string[]? Kind { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var file in Resolve()) Read(file);
        }

        protected override void StopProcessing() => _stop.Cancel();

        public void Dispose() => _stop.Dispose();

        /// <summary>The files named: each pattern's matches (a pattern that matches nothing, or a missing file, is an error and the others go on).</summary>
        private IEnumerable<string> Resolve()
        {
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var name in literal ? LiteralPath : Path)
            {
                List<string> files;
                try
                {
                    ProviderInfo provider;
                    if (literal)
                    {
                        files = new List<string> { SessionState.Path.GetUnresolvedProviderPathFromPSPath(name, out provider, out _) };
                    }
                    else
                    {
                        files = GetResolvedProviderPathFromPSPath(name, out provider).ToList();
                    }

                    if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
                    {
                        WriteError(new ErrorRecord(new PSArgumentException("'" + name + "' is not a file-system path (" + provider.Name + "); give the path of an inventory file."),
                            "InventoryFileNotFound", ErrorCategory.ObjectNotFound, name));
                        continue;
                    }
                }
                catch (Exception e) when (e is ItemNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is ArgumentException || e is NotSupportedException)
                {
                    NotFound(name, e);
                    continue;
                }

                if (files.Count == 0)
                {
                    NotFound(name, null);
                    continue;
                }

                foreach (var file in files) yield return file;
            }
        }

        private void NotFound(string name, Exception? inner) =>
            WriteError(new ErrorRecord(new FileNotFoundException("The inventory file '" + name + "' does not exist" + (WildcardPattern.ContainsWildcardCharacters(name) ? " (the pattern matches no file)." : ".") , name, inner),
                "InventoryFileNotFound", ErrorCategory.ObjectNotFound, name));

        private void Read(string path)
        {
            if (Directory.Exists(path))
            {
                WriteError(new ErrorRecord(new IOException("'" + path + "' is a folder; give inventory files (e.g. " + System.IO.Path.Combine(path, "*.jsonl*") + ")."),
                    "InventoryFileNotFound", ErrorCategory.ObjectNotFound, path));
                return;
            }

            var wanted = Kind is null || Kind.Length == 0 ? null : new HashSet<Type>(Kind.Select(k => InventoryJson.Kinds.First(pair => string.Equals(pair.Key, k, StringComparison.OrdinalIgnoreCase)).Value));
            try
            {
                using (var reader = InventoryFileReader.Open(path))
                {
                    var h = reader.Header;
                    WriteVerbose("Reading " + reader.Path + ": " + h.Name + ", " + h.Accounts.Count + " account(s), " + string.Join(", ", h.Regions) + ", scanned " + h.ScanEndUtc.ToString("u")
                        + " (" + h.Counts.Tasks + " tasks, " + h.Counts.Locations + " locations, " + h.Counts.Agents + " agents, " + h.Counts.Executions + " executions; " + h.Issues.Count + " issue(s)).");
                    foreach (var item in reader.ReadObjects(_stop.Token))
                    {
                        if (wanted is null || wanted.Contains(item.GetType())) WriteObject(item);
                    }
                }
            }
            catch (InventoryFileException e)
            {
                WriteError(new ErrorRecord(e, ErrorIdOf(e.Problem), ErrorCategory.InvalidData, e.Path));
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                NotFound(path, e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(new IOException("The inventory file '" + path + "' cannot be read: " + e.Message, e), "InventoryFileUnreadable", ErrorCategory.ReadError, path));
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        internal static string ErrorIdOf(InventoryFileProblem problem) => problem switch
        {
            InventoryFileProblem.NotAnInventoryFile => "NotAnInventoryFile",
            InventoryFileProblem.UnsupportedFormatVersion => "InventoryFormatVersionUnsupported",
            InventoryFileProblem.CorruptLine => "InventoryFileCorrupt",
            _ => "InventoryFileTruncated",
        };
    }
}
