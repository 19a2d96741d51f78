using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using StratusScan.DataSync.Testing;

namespace StratusScan.DataSync.Tests.Runbooks
{
    /// <summary>
    /// The Step Functions runbook of docs/runbooks/StepFunctions: the Amazon States Language JSON (every transition
    /// to a state it defines, every reachable, every path into the documented input, what an earlier state adds or
    /// the Distributed Map's ItemSelector), the container overrides against the entrypoint's modes and variables,
    /// and the Dockerfile's COPY sources against the repository (its build context).
    /// </summary>
    public sealed class StepFunctionsTemplateTests
    {
        private static readonly Regex InputPath = new Regex(@"(?<!\$)\$\.(\w+)");

        [Fact]
        public void EveryTransitionTargetsAStateOfItsLevelAndEveryStateIsReachable()
        {
            using JsonDocument machine = Load("DataSyncInventory.asl.json");
            CheckGraph("the state machine", machine.RootElement);
            JsonElement processor = State(machine, "ScanAccounts").GetProperty("ItemProcessor");
            CheckGraph("the ItemProcessor of ScanAccounts", processor);
        }

        [Fact]
        public void TheMapIsADistributedMapOverTheAccountListWithAToleratedFailureThresholdAndOneEcsTaskPerItem()
        {
            using JsonDocument machine = Load("DataSyncInventory.asl.json");
            JsonElement map = State(machine, "ScanAccounts");
            Assert.Equal("Map", map.GetProperty("Type").GetString());
            JsonElement processor = map.GetProperty("ItemProcessor");
            Assert.Equal("DISTRIBUTED", processor.GetProperty("ProcessorConfig").GetProperty("Mode").GetString());
            Assert.Equal("STANDARD", processor.GetProperty("ProcessorConfig").GetProperty("ExecutionType").GetString());
            JsonElement reader = map.GetProperty("ItemReader");
            Assert.Equal("arn:aws:states:::s3:getObject", reader.GetProperty("Resource").GetString());
            Assert.Equal("JSON", reader.GetProperty("ReaderConfig").GetProperty("InputType").GetString());
            // The object ListAccounts' container writes (entrypoint.ps1 accounts: <prefix>/<run>/accounts.json).
            Assert.Equal("States.Format('{}/{}/accounts.json', $.Prefix, $.Run.Id)", reader.GetProperty("Parameters").GetProperty("Key.$").GetString());
            Assert.Contains("'accounts.json'", Entrypoint());
            int tolerated = map.GetProperty("ToleratedFailurePercentage").GetInt32();
            Assert.InRange(tolerated, 1, 99);
            Assert.Equal("$$.Map.Item.Value.AccountId", map.GetProperty("ItemSelector").GetProperty("AccountId.$").GetString());
            // A failed map still merges what was written, then fails the execution.
            JsonElement catcher = map.GetProperty("Catch").EnumerateArray().Single();
            Assert.Equal("MergeInventory", catcher.GetProperty("Next").GetString());
            Assert.Equal("$.ScanError", catcher.GetProperty("ResultPath").GetString());

            var tasks = new[] { State(machine, "ListAccounts"), processor.GetProperty("States").GetProperty("ScanAccount"), State(machine, "MergeInventory") };
            Assert.Equal(new[] { "accounts", "shard", "merge" }, tasks.Select(t => Override(t).GetProperty("Command")[0].GetString()));
            foreach (JsonElement task in tasks)
            {
                Assert.Equal("arn:aws:states:::ecs:runTask.sync", task.GetProperty("Resource").GetString());
                Assert.Equal("FARGATE", task.GetProperty("Parameters").GetProperty("LaunchType").GetString());
            }
        }

        [Fact]
        public void EveryPathRefersToTheDocumentedInputWhatAnEarlierStateAddsOrTheItemSelector()
        {
            using JsonDocument machine = Load("DataSyncInventory.asl.json");
            using JsonDocument input = Load("DataSyncInventory.input.json");
            var top = new HashSet<string>(input.RootElement.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
            foreach (JsonProperty state in machine.RootElement.GetProperty("States").EnumerateObject())
            {
                foreach (string path in ResultPaths(state.Value)) top.Add(path);
            }
            JsonElement map = State(machine, "ScanAccounts");
            foreach (JsonProperty state in machine.RootElement.GetProperty("States").EnumerateObject())
            {
                foreach (JsonProperty member in state.Value.EnumerateObject().Where(m => m.Name != "ItemProcessor"))
                {
                    foreach (string root in Roots(member.Value))
                    {
                        Assert.True(top.Contains(root), $"{state.Name}.{member.Name} reads $.{root}, which neither the input (DataSyncInventory.input.json) nor a state's ResultPath gives.");
                    }
                }
            }
            var item = new HashSet<string>(map.GetProperty("ItemSelector").EnumerateObject().Select(p => p.Name.Replace(".$", "", StringComparison.Ordinal)), StringComparer.Ordinal);
            foreach (string root in Roots(map.GetProperty("ItemProcessor")))
            {
                Assert.True(item.Contains(root), $"The ItemProcessor reads $.{root}, which the ItemSelector does not give.");
            }
            // Every input member is used somewhere.
            string text = machine.RootElement.GetRawText();
            foreach (JsonProperty member in input.RootElement.EnumerateObject()) Assert.Contains("$." + member.Name, text);
        }

        [Fact]
        public void EveryContainerOverrideNamesTheContainerAModeAndVariablesTheEntrypointReads()
        {
            using JsonDocument machine = Load("DataSyncInventory.asl.json");
            string entrypoint = Entrypoint();
            Match modes = Regex.Match(entrypoint, @"\[ValidateSet\(([^)]*)\)\]\s*\[string\]\s*\$Mode");
            Assert.True(modes.Success, "entrypoint.ps1 declares its modes with ValidateSet.");
            var known = new HashSet<string>(Regex.Matches(modes.Groups[1].Value, @"'(\w+)'").Select(m => m.Groups[1].Value), StringComparer.Ordinal);
            var variables = new HashSet<string>(Regex.Matches(entrypoint, @"Get-Setting (STRATUSSCAN_\w+)").Select(m => m.Groups[1].Value), StringComparer.Ordinal);
            string readme = File.ReadAllText(RepositoryFiles.PathOf("docs", "runbooks", "README.md"));
            int count = 0;
            foreach (JsonElement task in Tasks(machine.RootElement))
            {
                JsonElement container = Override(task);
                Assert.Equal("stratusscan", container.GetProperty("Name").GetString());
                Assert.Contains(container.GetProperty("Command")[0].GetString()!, known);
                foreach (JsonElement variable in container.GetProperty("Environment").EnumerateArray())
                {
                    string name = variable.GetProperty("Name").GetString()!;
                    Assert.True(variables.Contains(name), $"The state machine sets {name}, which entrypoint.ps1 does not read.");
                }
                count++;
            }
            Assert.Equal(3, count);
            // The task definition the README registers has that container.
            Assert.Contains("\"name\": \"stratusscan\"", readme);
        }

        [Fact]
        public void TheDockerfileCopiesFilesThatExistAndRunsTheEntrypointItCopies()
        {
            string[] lines = File.ReadAllLines(RepositoryFiles.PathOf("docs", "runbooks", "StepFunctions", "Dockerfile"));
            var destinations = new List<string>();
            var sources = new List<string>();
            foreach (string line in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)))
            {
                string[] parts = line.Substring(5).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.True(parts.Length >= 2 && !parts[0].StartsWith("--", StringComparison.Ordinal), $"'{line}': a plain COPY from the build context.");
                foreach (string source in parts.Take(parts.Length - 1))
                {
                    // The build context is the repository root (docker build -f docs/runbooks/StepFunctions/Dockerfile .).
                    Assert.True(File.Exists(RepositoryFiles.PathOf(source.Split('/'))), $"The Dockerfile copies {source}, which the repository does not have.");
                    sources.Add(Path.GetFileName(source));
                    string target = parts[^1];
                    destinations.Add(target.EndsWith('/') ? target + Path.GetFileName(source) : target);
                }
            }
            string entrypoint = lines.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
            string script = Regex.Match(entrypoint, "\"(/[^\"]+\\.ps1)\"").Groups[1].Value;
            Assert.Contains(script, destinations);
            // What entrypoint.ps1 and the scripts it calls dot-source or run sit next to it.
            foreach (string needed in new[] { "entrypoint.ps1", "Invoke-DataSyncInventoryShard.ps1", "Merge-DataSyncInventory.ps1", "RunbookStorage.ps1" })
            {
                Assert.Contains(needed, sources);
            }
            Assert.Equal("/opt/stratusscan", destinations.Select(d => d.Substring(0, d.LastIndexOf('/'))).Distinct().Single());
            Assert.Contains(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("Install-Module @module", StringComparison.Ordinal) && l.Contains("Install-Module @s3", StringComparison.Ordinal));
        }

        private static void CheckGraph(string what, JsonElement machine)
        {
            JsonElement states = machine.GetProperty("States");
            var names = new HashSet<string>(states.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
            string start = machine.GetProperty("StartAt").GetString()!;
            Assert.True(names.Contains(start), $"{what}: StartAt {start} is not a state.");
            var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (JsonProperty state in states.EnumerateObject())
            {
                var targets = new List<string>();
                string type = state.Value.GetProperty("Type").GetString()!;
                if (state.Value.TryGetProperty("Next", out JsonElement next)) targets.Add(next.GetString()!);
                if (state.Value.TryGetProperty("Default", out JsonElement fallback)) targets.Add(fallback.GetString()!);
                if (state.Value.TryGetProperty("Choices", out JsonElement choices)) targets.AddRange(choices.EnumerateArray().Select(c => c.GetProperty("Next").GetString()!));
                if (state.Value.TryGetProperty("Catch", out JsonElement catchers)) targets.AddRange(catchers.EnumerateArray().Select(c => c.GetProperty("Next").GetString()!));
                bool ends = state.Value.TryGetProperty("End", out JsonElement end) && end.GetBoolean();
                bool terminal = type is "Succeed" or "Fail";
                Assert.True(terminal || ends ^ state.Value.TryGetProperty("Next", out _) || type == "Choice", $"{what}: {state.Name} has exactly one of Next and End.");
                foreach (string target in targets) Assert.True(names.Contains(target), $"{what}: {state.Name} goes to {target}, which is not a state.");
                edges[state.Name] = targets;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            var queue = new Queue<string>(seen);
            while (queue.Count > 0) foreach (string target in edges[queue.Dequeue()]) if (seen.Add(target)) queue.Enqueue(target);
            Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), seen.OrderBy(n => n, StringComparer.Ordinal));
        }

        private static IEnumerable<string> ResultPaths(JsonElement state)
        {
            if (state.TryGetProperty("ResultPath", out JsonElement result) && result.ValueKind == JsonValueKind.String) yield return result.GetString()!.Substring(2).Split('.')[0];
            if (state.TryGetProperty("Catch", out JsonElement catchers))
            {
                foreach (JsonElement c in catchers.EnumerateArray()) if (c.TryGetProperty("ResultPath", out JsonElement p)) yield return p.GetString()!.Substring(2).Split('.')[0];
            }
        }

        /// <summary>The first member of every $.path in the values of a JSON element (names ending in ".$" and Choice Variables).</summary>
        private static IEnumerable<string> Roots(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (JsonProperty p in element.EnumerateObject())
                    {
                        if (p.Name == "ResultSelector") continue; // its paths are into the task's result, not the state's input
                        if (p.Value.ValueKind == JsonValueKind.String && (p.Name.EndsWith(".$", StringComparison.Ordinal) || p.Name == "Variable"))
                        {
                            foreach (Match m in InputPath.Matches(p.Value.GetString()!)) yield return m.Groups[1].Value;
                        }
                        else foreach (string r in Roots(p.Value)) yield return r;
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (JsonElement e in element.EnumerateArray()) foreach (string r in Roots(e)) yield return r;
                    break;
            }
        }

        private static IEnumerable<JsonElement> Tasks(JsonElement machine)
        {
            foreach (JsonProperty state in machine.GetProperty("States").EnumerateObject())
            {
                if (state.Value.GetProperty("Type").GetString() == "Task") yield return state.Value;
                if (state.Value.TryGetProperty("ItemProcessor", out JsonElement processor)) foreach (JsonElement t in Tasks(processor)) yield return t;
            }
        }

        private static JsonElement Override(JsonElement task) =>
            task.GetProperty("Parameters").GetProperty("Overrides").GetProperty("ContainerOverrides").EnumerateArray().Single();

        private static JsonElement State(JsonDocument machine, string name) => machine.RootElement.GetProperty("States").GetProperty(name);

        private static string Entrypoint() => File.ReadAllText(RepositoryFiles.PathOf("docs", "runbooks", "StepFunctions", "entrypoint.ps1"));

        private static JsonDocument Load(string file) =>
            JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs", "runbooks", "StepFunctions", file)));
    }
}
