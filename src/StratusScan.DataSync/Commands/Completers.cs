using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using StratusScan.DataSync.Regions;

namespace StratusScan.DataSync.Commands
{
    /// <summary>Completes -Region with the DataSync Regions (and <c>all</c>).</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var candidates = new[] { "all" }.Concat(DataSyncRegions.All.Select(r => r.Name));
            foreach (var name in candidates.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                var region = DataSyncRegions.Find(name);
                yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, region?.DisplayName ?? "Every DataSync Region of the partition");
            }
        }
    }

    /// <summary>Completes Get-SSDataSyncRegion -Name with the DataSync Regions (of -Partition when it is given).</summary>
    public sealed class RegionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var partition = fakeBoundParameters?["Partition"] as string;
            var regions = string.IsNullOrEmpty(partition) || !Partitions.All.Contains(partition) ? DataSyncRegions.All : DataSyncRegions.InPartition(partition!);
            return regions.Where(r => r.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(r => new CompletionResult(r.Name, r.Name, CompletionResultType.ParameterValue, r.DisplayName))
                .ToList();
        }
    }

    /// <summary>
    /// Completes -ProfileName with the profiles the command would read: with -ProfileLocation, that file (resolved
    /// against the current PowerShell location) and the config file the SDK reads beside it; else the shared
    /// credentials and config files the environment names now.
    /// </summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        private static readonly Regex Section = new Regex(@"^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]", RegexOptions.CultureInvariant);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var files = new List<string>();
            var location = ProviderPath(fakeBoundParameters?["ProfileLocation"]);
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var config = Environment.GetEnvironmentVariable("AWS_CONFIG_FILE");
            if (location != null)
            {
                // As the SDK reads a profile location: the file, and AWS_CONFIG_FILE or else the config file beside it.
                files.Add(location);
                files.Add(!string.IsNullOrEmpty(config) ? config! : Path.Combine(Path.GetDirectoryName(location) ?? string.Empty, "config"));
            }
            else
            {
                var credentials = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");
                files.Add(!string.IsNullOrEmpty(credentials) ? credentials! : Path.Combine(home, ".aws", "credentials"));
                files.Add(!string.IsNullOrEmpty(config) ? config! : Path.Combine(home, ".aws", "config"));
            }

            return ProfileNames(files)
                .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n))
                .ToList();
        }

        /// <summary>-ProfileLocation as typed (relative, ~, a PowerShell drive) as a file system path, or null.</summary>
        private static string? ProviderPath(object? value)
        {
            var text = (value is PSObject wrapped ? wrapped.BaseObject : value) as string;
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (System.Management.Automation.Runspaces.Runspace.DefaultRunspace is null) return text;
            try
            {
                // Completion runs on the session's pipeline thread: a nested command sees its current location.
                using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
                shell.AddScript("param($path) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($path)").AddArgument(text);
                var resolved = shell.Invoke<string>();
                return resolved.Count == 1 && !string.IsNullOrEmpty(resolved[0]) ? resolved[0] : text;
            }
            catch (Exception e) when (e is RuntimeException || e is PSInvalidOperationException || e is InvalidOperationException)
            {
                return text;
            }
        }

        internal static IEnumerable<string> ProfileNames(IEnumerable<string> files)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in files.Where(File.Exists))
            {
                string[] lines;
                try { lines = File.ReadAllLines(file); }
                catch (IOException) { continue; }
                catch (UnauthorizedAccessException) { continue; }
                foreach (var line in lines)
                {
                    var match = Section.Match(line);
                    if (match.Success && !match.Groups[1].Value.StartsWith("sso-session", StringComparison.Ordinal) && match.Groups[1].Value != "services")
                    {
                        names.Add(match.Groups[1].Value);
                    }
                }
            }

            return names;
        }
    }
}
