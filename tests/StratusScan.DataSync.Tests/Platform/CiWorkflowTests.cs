using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace StratusScan.DataSync.Tests.Platform
{
    /// <summary>
    /// .github/workflows/ci.yml as GitHub runs it: every <c>run:</c> line of its Linux jobs is a command that works
    /// here as written. A build.ps1 line is run exactly as written with STRATUSSCAN_BUILD_CHECK=1, so build.ps1
    /// binds its arguments (task names, ValidateSet) as on the runner, then stops before doing anything.
    /// </summary>
    public sealed class CiWorkflowTests
    {
        private const string BuildScriptCall = "-File ./build.ps1";

        [Fact]
        public void EveryRunLineOfTheLinuxJobsCallsABuildTaskWithArgumentsItAccepts()
        {
            List<(string Job, string Line)> lines = LinuxRunLines(LoadWorkflow()).ToList();
            Assert.Contains(lines, l => l.Job == "build" && l.Line.Contains(" Build", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Job == "build" && l.Line.Contains(" Package", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Job == "test" && l.Line.Contains(" Test", StringComparison.Ordinal));

            foreach ((string job, string line) in lines)
            {
                if (line == "dotnet tool restore") continue; // restores the pinned pwsh the other lines run
                Assert.True(line.StartsWith("dotnet pwsh ", StringComparison.Ordinal) && line.Contains(BuildScriptCall, StringComparison.Ordinal),
                    $"Job {job}: '{line}' is neither 'dotnet tool restore' nor a build.ps1 call (keep the work in build.ps1, so it runs locally).");
                (int exit, string output) = RunChecked(line);
                Assert.True(exit == 0, $"Job {job}: '{line}' is rejected by build.ps1 (exit {exit}): {output}");
                Assert.Contains("build.ps1 check: ", output);
            }
        }

        [Fact]
        public void TheCheckRejectsALineBuildPs1WouldReject()
        {
            // The line the workflow once had: with -File, "Build," arrives as one task name.
            (int exit, string output) = RunChecked("dotnet pwsh -NoProfile -NonInteractive -File ./build.ps1 Build, Package");
            Assert.NotEqual(0, exit);
            Assert.DoesNotContain("build.ps1 check: ", output);
            (exit, _) = RunChecked("dotnet pwsh -NoProfile -NonInteractive -File ./build.ps1 Publish");
            Assert.NotEqual(0, exit);
        }

        [Fact]
        public void EveryDownloadedArtifactIsUploadedByAJobItNeeds()
        {
            YamlMappingNode jobs = (YamlMappingNode)LoadWorkflow().Children[new YamlScalarNode("jobs")];
            var uploads = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var job in jobs.Children)
            {
                foreach (YamlMappingNode step in Steps((YamlMappingNode)job.Value).Where(s => Uses(s).StartsWith("actions/upload-artifact", StringComparison.Ordinal)))
                {
                    uploads[Scalar(((YamlMappingNode)step.Children[new YamlScalarNode("with")]), "name")] = ((YamlScalarNode)job.Key).Value!;
                }
            }
            int downloads = 0;
            foreach (var job in jobs.Children)
            {
                var mapping = (YamlMappingNode)job.Value;
                string needs = mapping.Children.TryGetValue(new YamlScalarNode("needs"), out YamlNode? n) ? n.ToString() : string.Empty;
                foreach (YamlMappingNode step in Steps(mapping).Where(s => Uses(s).StartsWith("actions/download-artifact", StringComparison.Ordinal)))
                {
                    string name = Scalar((YamlMappingNode)step.Children[new YamlScalarNode("with")], "name");
                    Assert.True(uploads.TryGetValue(name, out string? from), $"Artifact '{name}' is downloaded but never uploaded.");
                    Assert.Contains(from!, needs);
                    downloads++;
                }
            }
            Assert.True(downloads >= 2, "The Windows PowerShell job downloads the module and the emulator.");
        }

        private static IEnumerable<(string Job, string Line)> LinuxRunLines(YamlMappingNode workflow)
        {
            var jobs = (YamlMappingNode)workflow.Children[new YamlScalarNode("jobs")];
            foreach (var job in jobs.Children)
            {
                var mapping = (YamlMappingNode)job.Value;
                if (!RunsOnLinux(mapping)) continue;
                foreach (YamlMappingNode step in Steps(mapping))
                {
                    if (!step.Children.TryGetValue(new YamlScalarNode("run"), out YamlNode? run)) continue;
                    foreach (string line in ((YamlScalarNode)run).Value!.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                    {
                        yield return (((YamlScalarNode)job.Key).Value!, line);
                    }
                }
            }
        }

        private static bool RunsOnLinux(YamlMappingNode job)
        {
            string runsOn = job.Children[new YamlScalarNode("runs-on")].ToString();
            if (runsOn.Contains("ubuntu", StringComparison.Ordinal)) return true;
            // runs-on: ${{ matrix.os }} with ubuntu in the matrix.
            return runsOn.Contains("matrix.os", StringComparison.Ordinal)
                && job.Children.TryGetValue(new YamlScalarNode("strategy"), out YamlNode? strategy)
                && ((YamlMappingNode)((YamlMappingNode)strategy).Children[new YamlScalarNode("matrix")]).Children[new YamlScalarNode("os")]
                    is YamlSequenceNode oses && oses.Children.Any(os => os.ToString().StartsWith("ubuntu", StringComparison.Ordinal));
        }

        private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
            ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>();

        private static string Uses(YamlMappingNode step) =>
            step.Children.TryGetValue(new YamlScalarNode("uses"), out YamlNode? uses) ? uses.ToString() : string.Empty;

        private static string Scalar(YamlMappingNode mapping, string key) => ((YamlScalarNode)mapping.Children[new YamlScalarNode(key)]).Value!;

        private static YamlMappingNode LoadWorkflow()
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(Path.Combine(RepoRoot, ".github", "workflows", "ci.yml")))
            {
                stream.Load(reader);
            }
            return (YamlMappingNode)stream.Documents[0].RootNode;
        }

        /// <summary>Runs a command line from the repository root as the runner's shell would (words split at
        /// blanks, quotes honoured), with build.ps1 in check mode; returns its exit code and output.</summary>
        private static (int Exit, string Output) RunChecked(string line)
        {
            Assert.True(line.IndexOfAny(new[] { '|', ';', '&', '>', '<', '$', '`' }) < 0, $"'{line}': one plain command per line.");
            List<string> words = SplitWords(line);
            var info = new ProcessStartInfo(words[0] == "dotnet" ? DotnetHost : words[0])
            {
                WorkingDirectory = RepoRoot,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            foreach (string word in words.Skip(1)) info.ArgumentList.Add(word);
            info.Environment["STRATUSSCAN_BUILD_CHECK"] = "1";
            using Process process = Process.Start(info)!;
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }

        private static List<string> SplitWords(string line)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            bool inWord = false;
            char quote = '\0';
            foreach (char c in line)
            {
                if (quote != '\0')
                {
                    if (c == quote) quote = '\0'; else current.Append(c);
                }
                else if (c == '\'' || c == '"') { quote = c; inWord = true; }
                else if (char.IsWhiteSpace(c))
                {
                    if (inWord) { words.Add(current.ToString()); current.Clear(); inWord = false; }
                }
                else { current.Append(c); inWord = true; }
            }
            if (inWord) words.Add(current.ToString());
            return words;
        }

        private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

        private static string RepoRoot
        {
            get
            {
                for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "StratusScan.DataSync.sln"))) return dir.FullName;
                }
                throw new InvalidOperationException("The repository root (StratusScan.DataSync.sln) was not found above " + AppContext.BaseDirectory);
            }
        }
    }
}
