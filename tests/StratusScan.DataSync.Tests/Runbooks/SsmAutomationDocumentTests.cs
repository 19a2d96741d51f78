using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using StratusScan.DataSync.Testing;
using YamlDotNet.RepresentationModel;

namespace StratusScan.DataSync.Tests.Runbooks
{
    /// <summary>
    /// The SSM Automation runbooks of docs/runbooks/SsmAutomation as Systems Manager reads them: schema 0.3 YAML whose
    /// step transitions, <c>{{ }}</c> placeholders and outputs refer only to what the document defines, whose scripts
    /// fetch and call runbook files that exist with parameters those files declare, and whose organisation runbook
    /// starts the account runbook with exactly the parameters that one defines.
    /// </summary>
    public sealed class SsmAutomationDocumentTests
    {
        internal const string AccountDocument = "StratusScan-DataSyncInventory-Account";
        internal const string OrganizationDocument = "StratusScan-DataSyncInventory-Organization";

        // Automation's own variables (global:ACCOUNT_ID ..., automation:EXECUTION_ID).
        private static readonly Regex SystemVariable = new Regex(@"^(global:(ACCOUNT_ID|REGION|AWS_PARTITION|DATE|DATE_TIME|AWS_URL_SUFFIX)|automation:EXECUTION_ID)$");
        private static readonly Regex Placeholder = new Regex(@"\{\{\s*([^}\s]+)\s*\}\}");

        public static IEnumerable<object[]> Documents() => new[] { new object[] { AccountDocument }, new object[] { OrganizationDocument } };

        [Theory]
        [MemberData(nameof(Documents))]
        public void ParsesAsASchema03RunbookWithUniqueStepsThatEndExplicitly(string name)
        {
            YamlMappingNode doc = Load(name);
            Assert.Equal("0.3", Scalar(doc, "schemaVersion"));
            Assert.False(string.IsNullOrWhiteSpace(Scalar(doc, "description")));
            List<YamlMappingNode> steps = Steps(doc);
            Assert.NotEmpty(steps);
            List<string> names = steps.Select(s => Scalar(s, "name")!).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal("true", Scalar(steps[^1], "isEnd"));
            foreach (YamlMappingNode step in steps.Take(steps.Count - 1))
            {
                Assert.True(Scalar(step, "nextStep") != null, $"{name}: step {Scalar(step, "name")} names its nextStep.");
                Assert.Null(Scalar(step, "isEnd"));
            }
        }

        [Theory]
        [MemberData(nameof(Documents))]
        public void EveryTransitionTargetsAStepOfTheDocument(string name)
        {
            List<YamlMappingNode> steps = Steps(Load(name));
            var names = new HashSet<string>(steps.Select(s => Scalar(s, "name")!), StringComparer.Ordinal);
            foreach (YamlMappingNode step in steps)
            {
                string? next = Scalar(step, "nextStep");
                if (next != null) Assert.True(names.Contains(next), $"{name}: nextStep {next} is not a step.");
                foreach (string key in new[] { "onFailure", "onCancel" })
                {
                    string? target = Scalar(step, key);
                    if (target == null) continue;
                    Assert.True(target is "Abort" or "Continue" || (target.StartsWith("step:", StringComparison.Ordinal) && names.Contains(target.Substring(5))),
                        $"{name}: {key} {target} of step {Scalar(step, "name")} is neither Abort, Continue nor step:<a step>.");
                }
            }
        }

        [Theory]
        [MemberData(nameof(Documents))]
        public void EveryPlaceholderIsAParameterAnEarlierStepsOutputOrAnAutomationVariable(string name)
        {
            YamlMappingNode doc = Load(name);
            var parameters = new HashSet<string>(((YamlMappingNode)doc.Children[new YamlScalarNode("parameters")]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!), StringComparer.Ordinal);
            var used = new HashSet<string>(StringComparer.Ordinal);
            var outputs = new HashSet<string>(StringComparer.Ordinal);
            var scalars = new List<string>();
            if (doc.Children.TryGetValue(new YamlScalarNode("assumeRole"), out YamlNode? assumeRole)) Collect(assumeRole, scalars);
            foreach (string value in scalars) CheckPlaceholders(name, "assumeRole", value, parameters, outputs, used);
            foreach (YamlMappingNode step in Steps(doc))
            {
                var values = new List<string>();
                Collect(step, values);
                foreach (string value in values) CheckPlaceholders(name, Scalar(step, "name")!, value, parameters, outputs, used);
                if (step.Children.TryGetValue(new YamlScalarNode("outputs"), out YamlNode? declared))
                {
                    foreach (YamlMappingNode output in ((YamlSequenceNode)declared).Children.Cast<YamlMappingNode>())
                    {
                        outputs.Add(Scalar(step, "name") + "." + Scalar(output, "Name"));
                        Assert.StartsWith("$.", Scalar(output, "Selector"));
                    }
                }
            }
            foreach (string parameter in parameters) Assert.True(used.Contains(parameter), $"{name}: the parameter {parameter} is defined but never used.");
            foreach (YamlNode output in ((YamlSequenceNode)doc.Children[new YamlScalarNode("outputs")]).Children)
            {
                Assert.True(outputs.Contains(((YamlScalarNode)output).Value!), $"{name}: the document output {output} is no step's output.");
            }
        }

        [Theory]
        [MemberData(nameof(Documents))]
        public void EveryScriptRunsInPowerShell74AndCallsRunbookFilesThatExistWithTheirParameters(string name)
        {
            List<YamlMappingNode> scripts = Steps(Load(name)).Where(s => Scalar(s, "action") == "aws:executeScript").ToList();
            Assert.NotEmpty(scripts);
            foreach (YamlMappingNode step in scripts)
            {
                var inputs = (YamlMappingNode)step.Children[new YamlScalarNode("inputs")];
                // The module needs PowerShell 7.2 or later: of the runtimes aws:executeScript offers, PowerShell 7.4.
                Assert.Equal("PowerShell 7.4", Scalar(inputs, "Runtime"));
                Assert.Null(Scalar(inputs, "Handler"));
                string script = Scalar(inputs, "Script")!;
                var payload = new HashSet<string>(((YamlMappingNode)inputs.Children[new YamlScalarNode("InputPayload")]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!), StringComparer.Ordinal);
                foreach (Match read in Regex.Matches(script, @"\$in\.(\w+)"))
                {
                    Assert.True(payload.Contains(read.Groups[1].Value), $"{name}: the script of {Scalar(step, "name")} reads $in.{read.Groups[1].Value}, which InputPayload does not give.");
                }
                foreach (Match file in Regex.Matches(script, @"'([\w.-]+\.ps1)'"))
                {
                    string path = RepositoryFiles.PathOf("docs", "runbooks", file.Groups[1].Value);
                    Assert.True(File.Exists(path), $"{name}: the script fetches {file.Groups[1].Value}, which docs/runbooks does not have.");
                }
                // The splatted hashtable given to the runbook script: each key is one of its parameters.
                Match call = Regex.Match(script, @"\$(\w+) = @\{(?<body>[^}]*)\}\s*\r?\n\s*\$lines = & \(Join-Path \$folder '(?<file>[\w.-]+\.ps1)'\) @\1");
                if (!Regex.IsMatch(script, @"\$lines = &")) continue;
                Assert.True(call.Success, $"{name}: the script of {Scalar(step, "name")} splats its hashtable into a runbook file.");
                HashSet<string> declared = ScriptParameters(RepositoryFiles.PathOf("docs", "runbooks", call.Groups["file"].Value));
                foreach (Match key in Regex.Matches(call.Groups["body"].Value, @"(\w+)\s*="))
                {
                    Assert.True(declared.Contains(key.Groups[1].Value), $"{name}: {call.Groups["file"].Value} has no parameter -{key.Groups[1].Value}.");
                }
            }
        }

        [Fact]
        public void TheOrganisationRunbookFansTheAccountRunbookOutWithItsParametersAndWaitsForThatExecution()
        {
            YamlMappingNode parent = Load(OrganizationDocument);
            YamlMappingNode child = Load(AccountDocument);
            var parameters = (YamlMappingNode)parent.Children[new YamlScalarNode("parameters")];
            Assert.Equal(AccountDocument, Scalar((YamlMappingNode)parameters.Children[new YamlScalarNode("ShardDocumentName")], "default"));

            YamlMappingNode start = Steps(parent).Single(s => Scalar(s, "name") == "StartShards");
            Assert.Equal("aws:executeAwsApi", Scalar(start, "action"));
            var inputs = (YamlMappingNode)start.Children[new YamlScalarNode("inputs")];
            Assert.Equal("ssm", Scalar(inputs, "Service"));
            Assert.Equal("StartAutomationExecution", Scalar(inputs, "Api"));
            Assert.Equal("{{ ShardDocumentName }}", Scalar(inputs, "DocumentName"));

            var childParameters = (YamlMappingNode)child.Children[new YamlScalarNode("parameters")];
            var given = ((YamlMappingNode)inputs.Children[new YamlScalarNode("Parameters")]).Children;
            foreach (var pair in given)
            {
                Assert.True(childParameters.Children.ContainsKey(pair.Key), $"StartShards passes {pair.Key}, which {AccountDocument} does not define.");
                Assert.IsType<YamlSequenceNode>(pair.Value); // StartAutomationExecution's Parameters: a map of string lists
            }
            foreach (var pair in childParameters.Children.Where(p => !((YamlMappingNode)p.Value).Children.ContainsKey(new YamlScalarNode("default"))))
            {
                Assert.True(given.ContainsKey(pair.Key), $"{AccountDocument} requires {pair.Key}, which StartShards does not pass.");
            }

            var location = (YamlMappingNode)((YamlSequenceNode)inputs.Children[new YamlScalarNode("TargetLocations")]).Children.Single();
            Assert.Equal(new[] { "Accounts", "ExecutionRoleName", "Regions", "TargetLocationMaxConcurrency", "TargetLocationMaxErrors" },
                location.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal("{{ MaxConcurrency }}", Scalar(location, "TargetLocationMaxConcurrency"));
            Assert.Equal("{{ MaxErrors }}", Scalar(location, "TargetLocationMaxErrors"));

            // The wait, the merge and the final check follow that one execution.
            foreach (string stepName in new[] { "WaitForShards", "CheckShards" })
            {
                YamlMappingNode step = Steps(parent).Single(s => Scalar(s, "name") == stepName);
                Assert.Equal("{{ StartShards.ShardExecutionId }}", Scalar((YamlMappingNode)step.Children[new YamlScalarNode("inputs")], "AutomationExecutionId"));
            }
            Assert.Equal(new[] { "ResolveRunId", "StartShards", "WaitForShards", "MergeInventory", "CheckShards" }, Steps(parent).Select(s => Scalar(s, "name")!));
        }

        private static void CheckPlaceholders(string document, string where, string value, HashSet<string> parameters, HashSet<string> outputs, HashSet<string> used)
        {
            foreach (Match m in Placeholder.Matches(value))
            {
                string reference = m.Groups[1].Value;
                if (parameters.Contains(reference)) { used.Add(reference); continue; }
                Assert.True(SystemVariable.IsMatch(reference) || outputs.Contains(reference),
                    $"{document}: {where} refers to {{{{ {reference} }}}}, which is no parameter, no earlier step's output and no Automation variable.");
            }
        }

        private static void Collect(YamlNode node, List<string> values)
        {
            switch (node)
            {
                case YamlScalarNode s when s.Value != null: values.Add(s.Value); break;
                case YamlSequenceNode q: foreach (YamlNode c in q.Children) Collect(c, values); break;
                case YamlMappingNode m:
                    foreach (var pair in m.Children)
                    {
                        if (pair.Key is YamlScalarNode { Value: "outputs" }) continue; // the step's own output selectors
                        Collect(pair.Value, values);
                    }
                    break;
            }
        }

        /// <summary>The names of a script's parameters (its param block: [type] $Name).</summary>
        internal static HashSet<string> ScriptParameters(string path)
        {
            string text = File.ReadAllText(path);
            int start = text.IndexOf("\nparam(", StringComparison.Ordinal);
            Assert.True(start >= 0, $"{path} has no param block.");
            int end = text.IndexOf("\n)", start, StringComparison.Ordinal);
            return new HashSet<string>(Regex.Matches(text.Substring(start, end - start), @"\]\s*\$(\w+)").Select(m => m.Groups[1].Value), StringComparer.OrdinalIgnoreCase);
        }

        internal static YamlMappingNode Load(string name)
        {
            string path = RepositoryFiles.PathOf("docs", "runbooks", "SsmAutomation", name + ".yaml");
            var stream = new YamlStream();
            using (var reader = new StreamReader(path)) stream.Load(reader);
            return (YamlMappingNode)stream.Documents.Single().RootNode;
        }

        private static List<YamlMappingNode> Steps(YamlMappingNode doc) =>
            ((YamlSequenceNode)doc.Children[new YamlScalarNode("mainSteps")]).Children.Cast<YamlMappingNode>().ToList();

        private static string? Scalar(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? (value as YamlScalarNode)?.Value : null;
    }
}
