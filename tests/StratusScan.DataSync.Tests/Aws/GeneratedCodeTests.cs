using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StratusScan.DataSync.ApiGenerator;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Testing;

namespace StratusScan.DataSync.Tests.Aws
{
    /// <summary>
    /// The committed src/StratusScan.DataSync.Engine/Aws/Generated/ folder is exactly what build/ApiGenerator
    /// writes from the committed model and its input; and the generator's rules hold.
    /// </summary>
    public sealed class GeneratedCodeTests : IDisposable
    {
        private readonly string _temp = Path.Combine(Path.GetTempPath(), "stratusscan-generated-" + Guid.NewGuid().ToString("N"));

        private static GeneratorInput Input() =>
            GeneratorInput.Load(RepositoryFiles.Root, RepositoryFiles.PathOf(Generator.DefaultInput.Split('/')));

        public void Dispose()
        {
            if (Directory.Exists(_temp)) Directory.Delete(_temp, true);
        }

        [Fact]
        public void EveryInputsCommittedFolderIsWhatTheGeneratorWrites()
        {
            Assert.Equal(new[] { "build/ApiGenerator/datasync.generator.json", "build/ApiGenerator/organizations.generator.json" }, Generator.Inputs);
            foreach (string path in Generator.Inputs)
            {
                GeneratorInput input = GeneratorInput.Load(RepositoryFiles.Root, RepositoryFiles.PathOf(path.Split('/')));
                string folder = Path.Combine(_temp, Path.GetFileNameWithoutExtension(path));
                Generator.Write(Generator.Generate(input), folder);

                List<string> differences = Differences(folder, input.FullPath(input.OutputPath));

                Assert.True(differences.Count == 0,
                    $"{input.OutputPath} differs from what the generator writes; run `{Generator.Command}` and commit the result:\n" +
                    string.Join("\n", differences));
            }
        }

        [Fact]
        public void TheOrganizationsInputGeneratesItsOwnNamespaceAndAnEmptyRequestForAnOperationWithoutInput()
        {
            GeneratorInput input = GeneratorInput.Load(RepositoryFiles.Root, RepositoryFiles.PathOf("build", "ApiGenerator", "organizations.generator.json"));
            IReadOnlyDictionary<string, string> files = Generator.Generate(input);

            Assert.Equal(5, files.Keys.Count(k => k.StartsWith("Operations/", StringComparison.Ordinal)));
            Assert.Contains("namespace StratusScan.DataSync.Aws.Organizations.Model", files["Model/Account.g.cs"], StringComparison.Ordinal);
            Assert.Contains("using StratusScan.DataSync.Aws.Model;", files["Model/Account.g.cs"], StringComparison.Ordinal);
            Assert.Contains("public DateTime? JoinedTimestamp { get; set; }", files["Model/Account.g.cs"], StringComparison.Ordinal);
            Assert.Contains("public sealed partial class DescribeOrganizationRequest : ApiShape", files["Model/DescribeOrganizationRequest.g.cs"], StringComparison.Ordinal);
            Assert.Contains("public ListAccountsForParentRequest(string parentId)", files["Model/ListAccountsForParentRequest.g.cs"], StringComparison.Ordinal);
            string api = files["OrganizationsApi.g.cs"];
            Assert.Contains("public const string TargetPrefix = \"AWSOrganizationsV20161128\";", api, StringComparison.Ordinal);
            Assert.Contains("public const string SigningName = \"organizations\";", api, StringComparison.Ordinal);
            Assert.Contains("public partial interface IOrganizationsClient", files["Operations/ListRoots.g.cs"], StringComparison.Ordinal);
            Assert.Contains("internal sealed partial class OrganizationsClient", files["Operations/ListRoots.g.cs"], StringComparison.Ordinal);
            Assert.Contains("internal sealed partial class OrganizationsJsonContext", files["OrganizationsJsonContext.g.cs"], StringComparison.Ordinal);
        }

        [Fact]
        public void TheCommittedGeneratedFolderIsWhatTheGeneratorWrites()
        {
            GeneratorInput input = Input();
            Generator.Write(Generator.Generate(input), _temp);

            List<string> differences = Differences(_temp, input.FullPath(input.OutputPath));

            Assert.True(differences.Count == 0,
                $"{input.OutputPath} differs from what the generator writes; run `{Generator.Command}` and commit the result:\n" +
                string.Join("\n", differences));
            // One file per shape the operations reach, one per operation, the JSON context and the API table.
            Assert.Equal(DataSyncApi.Operations.Count, Directory.GetFiles(Path.Combine(_temp, "Operations")).Length);
            Assert.True(Directory.GetFiles(Path.Combine(_temp, "Model")).Length > 70);
        }

        [Fact]
        public void TheComparisonSeesAChangedAMissingAndAnExtraFile()
        {
            GeneratorInput input = Input();
            string copy = Path.Combine(_temp, "copy");
            string generated = Path.Combine(_temp, "generated");
            IReadOnlyDictionary<string, string> files = Generator.Generate(input);
            Generator.Write(files, generated);
            Generator.Write(files, copy);
            Assert.Empty(Differences(generated, copy));

            File.AppendAllText(Path.Combine(copy, "Model", "TaskOptions.g.cs"), "// edited by hand\n");
            File.Delete(Path.Combine(copy, "Operations", "DescribeTask.g.cs"));
            File.WriteAllText(Path.Combine(copy, "Model", "Extra.cs"), "// not generated\n");

            List<string> differences = Differences(generated, copy);
            Assert.Equal(3, differences.Count);
            Assert.Contains(differences, d => d.StartsWith("differs: Model/TaskOptions.g.cs", StringComparison.Ordinal));
            Assert.Contains("missing: Operations/DescribeTask.g.cs", differences);
            Assert.Contains("not generated: Model/Extra.cs", differences);

            // Writing again restores the folder: the edit undone, the file back, the stray file deleted.
            Generator.Write(files, copy);
            Assert.Empty(Differences(generated, copy));
        }

        [Fact]
        public void EveryGeneratedFileSaysDoNotEditAndNoSummaryIsFiller()
        {
            foreach (KeyValuePair<string, string> file in Generator.Generate(Input()))
            {
                Assert.StartsWith("// <auto-generated>\n", file.Value, StringComparison.Ordinal);
                Assert.Contains("// Do not edit", file.Value, StringComparison.Ordinal);
                Assert.DoesNotContain("The API member", file.Value, StringComparison.Ordinal);
                Assert.DoesNotContain("The API shape <c>", file.Value, StringComparison.Ordinal);
                Assert.DoesNotContain("<summary></summary>", file.Value, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void TheRulesAndOverridesOfTheInputAreApplied()
        {
            IReadOnlyDictionary<string, string> files = Generator.Generate(Input());

            // The Options shape is the TaskOptions class, its JSON names the API's; FsxProtocol's NFS is the property Nfs.
            string options = files["Model/TaskOptions.g.cs"];
            Assert.Contains("public sealed partial class TaskOptions : ApiShape", options, StringComparison.Ordinal);
            Assert.Contains("[JsonPropertyName(\"BytesPerSecond\")]", options, StringComparison.Ordinal);
            Assert.Contains("Unit: bytes per second; -1 means no limit.", options, StringComparison.Ordinal);
            Assert.Contains("[JsonPropertyName(\"NFS\")]\n        public FsxProtocolNfs? Nfs { get; set; }", files["Model/FsxProtocol.g.cs"], StringComparison.Ordinal);

            // Enums stay strings and list their values; timestamps are DateTime; an input with one required string has a constructor.
            string task = files["Model/DescribeTaskResponse.g.cs"];
            Assert.Contains("Known values (kept as a string, the API adds values): AVAILABLE, CREATING, QUEUED, RUNNING, UNAVAILABLE.", task, StringComparison.Ordinal);
            Assert.Contains("public DateTime? CreationTime { get; set; }", task, StringComparison.Ordinal);
            Assert.Contains("public DescribeTaskRequest(string taskArn) { TaskArn = taskArn; }", files["Model/DescribeTaskRequest.g.cs"], StringComparison.Ordinal);
            Assert.DoesNotContain("public ListTasksRequest(", files["Model/ListTasksRequest.g.cs"], StringComparison.Ordinal);

            // A member without documentation, rule or override gets no comment at all.
            Assert.Contains("    {\n        [JsonPropertyName(\"TaskArn\")]", files["Model/TaskListEntry.g.cs"], StringComparison.Ordinal);
        }

        [Fact]
        public void AnOverrideOfSomethingNotGeneratedStopsTheGenerator()
        {
            Directory.CreateDirectory(_temp);
            string path = Path.Combine(_temp, "input.json");
            File.WriteAllText(path, "{ \"model\": \"models/datasync-2018-11-09.json\", \"output\": \"x\", " +
                "\"operations\": { \"DescribeAgent\": \"\" }, \"members\": { \"DescribeTaskResponse.Nmae\": { \"summary\": \"x\" } } }");

            var ex = Assert.Throws<GeneratorException>(() => Generator.Generate(GeneratorInput.Load(RepositoryFiles.Root, path)));

            Assert.Contains("members.DescribeTaskResponse.Nmae", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ModelDocumentationBecomesXmlDocText()
        {
            IReadOnlyList<string> paragraphs = DocText.Paragraphs(
                "<p>Lists the <code>Tasks</code> &amp; their <i>status</i>.</p>" +
                "<ul><li><p>One &lt;item&gt;</p></li><li>Two</li></ul>" +
                "<note><p>See <a href=\"https://docs.aws.amazon.com/datasync/\">the guide</a> and <a href=\"#x\">this</a>.</p></note>" +
                "<p></p>");

            Assert.Equal(new[]
            {
                "Lists the <c>Tasks</c> &amp; their status.",
                "- One &lt;item&gt;",
                "- Two",
                "Note: See <see href=\"https://docs.aws.amazon.com/datasync/\">the guide</see> and this.",
            }, paragraphs);
            Assert.Empty(DocText.Paragraphs(null));
            Assert.Empty(DocText.Paragraphs("<p> </p>"));
        }

        /// <summary>What differs between the freshly generated folder and another (line ends aside).</summary>
        private static List<string> Differences(string expectedFolder, string actualFolder)
        {
            Dictionary<string, string> expected = Files(expectedFolder);
            Dictionary<string, string> actual = Files(actualFolder);
            var differences = new List<string>();
            foreach (KeyValuePair<string, string> file in expected.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (!actual.TryGetValue(file.Key, out string? text)) differences.Add("missing: " + file.Key);
                else if (text != file.Value) differences.Add($"differs: {file.Key} (first at line {FirstDifference(file.Value, text)})");
            }
            differences.AddRange(actual.Keys.Where(k => !expected.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).Select(k => "not generated: " + k));
            return differences;
        }

        private static Dictionary<string, string> Files(string folder) =>
            !Directory.Exists(folder)
                ? new Dictionary<string, string>()
                : Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
                    f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
                    f => File.ReadAllText(f).Replace("\r\n", "\n"),
                    StringComparer.Ordinal);

        private static int FirstDifference(string expected, string actual)
        {
            string[] a = expected.Split('\n');
            string[] b = actual.Split('\n');
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                if (a[i] != b[i]) return i + 1;
            }
            return Math.Min(a.Length, b.Length) + 1;
        }
    }
}
