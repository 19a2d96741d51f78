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

    /// <summary>Completes -ProfileName with the profiles of the shared credentials and config files.</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        private static readonly Regex Section = new Regex(@"^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]", RegexOptions.CultureInvariant);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var files = new List<string>();
            var location = fakeBoundParameters?["ProfileLocation"] as string;
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            files.Add(location ?? Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(home, ".aws", "credentials"));
            files.Add(Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") ?? Path.Combine(home, ".aws", "config"));
            return ProfileNames(files)
                .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n))
                .ToList();
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
