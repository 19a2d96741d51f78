using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using Json.Schema;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;
using StratusScan.DataSync.Testing;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    /// <summary>docs/inventory.schema.json: every line written validates, a wrong line does not, and the schema names every public property.</summary>
    public sealed class InventorySchemaTests : IClassFixture<InventoryFileFixture>
    {
        private static readonly string SchemaPath = RepositoryFiles.PathOf("docs", "inventory.schema.json");
        private static readonly Lazy<JsonSchema> Schema = new Lazy<JsonSchema>(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));
        private readonly InventoryFileFixture _fixture;

        public InventorySchemaTests(InventoryFileFixture fixture) => _fixture = fixture;

        private static EvaluationResults Evaluate(string line)
        {
            using var document = JsonDocument.Parse(line);
            return Schema.Value.Evaluate(document.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
        }

        private static string Errors(EvaluationResults results) =>
            string.Join("; ", (results.Details ?? new System.Collections.Generic.List<EvaluationResults>()).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + " " + e.Key + ": " + e.Value)).Take(8));

        [Fact]
        public void EveryLineOfAWrittenFileValidatesAgainstTheSchema()
        {
            var path = _fixture.NewPath(".jsonl.gz");
            using (var writer = new InventoryFileWriter(path, overwrite: false))
            {
                foreach (var item in _fixture.Objects) writer.Add(item);
                writer.Add(new DataSyncAgent { AccountId = "111122223333", AccountName = "x", Region = "us-east-1", AgentArn = "arn:aws:datasync:us-east-1:111122223333:agent/agent-0f", Tags = null });
                writer.Complete(InventoryFileFixture.Header());
            }

            using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
            var lines = 0;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                lines++;
                var results = Evaluate(line);
                Assert.True(results.IsValid, "line " + lines + ": " + Errors(results));
            }

            Assert.Equal(_fixture.Objects.Count + 2, lines);
        }

        [Theory]
        [InlineData("{\"Kind\":\"Task\",\"AccountId\":\"1\",\"AccountName\":\"a\",\"Region\":\"r\",\"TaskArn\":\"t\",\"NewMember\":1}")]
        [InlineData("{\"Kind\":\"Bucket\",\"AccountId\":\"1\",\"AccountName\":\"a\",\"Region\":\"r\"}")]
        [InlineData("{\"Kind\":\"Execution\",\"AccountId\":\"1\",\"AccountName\":\"a\",\"Region\":\"r\",\"TaskExecutionArn\":\"e\",\"TaskArn\":\"t\",\"StartTime\":\"2026-11-02 03:04:05\"}")]
        [InlineData("{\"Format\":\"StratusScan.DataSync.Inventory\",\"FormatVersion\":2}")]
        public void ALineThatBreaksTheFormatDoesNotValidate(string line) => Assert.False(Evaluate(line).IsValid);

        [Theory]
        [InlineData("task", typeof(DataSyncTask))]
        [InlineData("location", typeof(DataSyncLocation))]
        [InlineData("agent", typeof(DataSyncAgent))]
        [InlineData("execution", typeof(DataSyncTaskExecution))]
        [InlineData("header", typeof(InventoryHeader))]
        [InlineData("issue", typeof(ScanIssue))]
        public void TheSchemaListsEveryPublicPropertyOfEachClass(string definition, Type type)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(SchemaPath));
            var properties = document.RootElement.GetProperty("$defs").GetProperty(definition).GetProperty("properties").EnumerateObject().Select(p => p.Name)
                .Where(name => !(name == "Kind" && definition != "issue")).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var expected = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, properties);
        }

        [Fact]
        public void TheHeadersNestedClassesAreListedToo()
        {
            using var document = JsonDocument.Parse(File.ReadAllText(SchemaPath));
            var header = document.RootElement.GetProperty("$defs").GetProperty("header").GetProperty("properties");
            string[] Names(JsonElement e) => e.GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            string[] Of(Type t) => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(Of(typeof(InventoryWindow)), Names(header.GetProperty("Window")));
            Assert.Equal(Of(typeof(InventoryAccount)), Names(header.GetProperty("Accounts").GetProperty("items")));
            Assert.Equal(Of(typeof(InventoryCounts)), Names(header.GetProperty("Counts")));
        }
    }
}
