using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws.Model;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    /// <summary>Objects scanned from the emulator, written to an inventory file and read back equal, member by member.</summary>
    public sealed class InventoryFileRoundTripTests : IClassFixture<InventoryFileFixture>
    {
        private readonly InventoryFileFixture _fixture;

        public InventoryFileRoundTripTests(InventoryFileFixture fixture) => _fixture = fixture;

        private (InventoryHeader Header, List<object> Objects) WriteAndRead(string path, IReadOnlyList<object> objects)
        {
            using (var writer = new InventoryFileWriter(path, overwrite: false))
            {
                // Several worker threads at once, as a scan's sink.
                Parallel.ForEach(objects, new ParallelOptions { MaxDegreeOfParallelism = 4 }, item => writer.WriteAsync(item, CancellationToken.None).GetAwaiter().GetResult());
                writer.Complete(InventoryFileFixture.Header());
            }

            using var reader = InventoryFileReader.Open(path);
            return (reader.Header, reader.ReadObjects(CancellationToken.None).ToList());
        }

        [Theory]
        [InlineData(".jsonl")]
        [InlineData(".jsonl.gz")]
        [InlineData(".JSONL.GZ")]
        public void EveryScannedObjectReadsBackEqualMemberByMember(string extension)
        {
            var objects = _fixture.Objects;
            Assert.Equal(11, _fixture.Scan.Locations.Select(l => l.LocationType).Distinct().Count());
            Assert.Contains(_fixture.Scan.Tasks, t => TagSet.WereCollected(t.Tags) && t.Tags!.Count > 0);
            Assert.NotEmpty(_fixture.Scan.Executions);

            var path = _fixture.NewPath(extension);
            var (header, read) = WriteAndRead(path, objects);

            Assert.Equal(objects.Count, read.Count);
            var byArn = read.ToDictionary(ArnOf, StringComparer.Ordinal);
            foreach (var item in objects)
            {
                MemberComparer.AssertEqual(item, byArn[ArnOf(item)], item.GetType().Name + " " + ArnOf(item));
                Assert.Equal(Encoding.UTF8.GetString(InventoryJson.SerializeObject(item)), Encoding.UTF8.GetString(InventoryJson.SerializeObject(byArn[ArnOf(item)])));
            }

            Assert.Equal(_fixture.Scan.Tasks.Count, header.Counts.Tasks);
            Assert.Equal(_fixture.Scan.Locations.Count, header.Counts.Locations);
            Assert.Equal(_fixture.Scan.Agents.Count, header.Counts.Agents);
            Assert.Equal(_fixture.Scan.Executions.Count, header.Counts.Executions);
            Assert.Equal(7, header.Counts.ExecutionsOutsideWindow);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(extension.EndsWith(".gz", StringComparison.OrdinalIgnoreCase), bytes[0] == 0x1f && bytes[1] == 0x8b);
        }

        [Fact]
        public void EachLocationsDetailIsReadAsTheDescribeResponseOfItsType()
        {
            var path = _fixture.NewPath(".jsonl");
            var (_, read) = WriteAndRead(path, _fixture.Scan.Locations.ToList());
            foreach (var location in read.Cast<DataSyncLocation>())
            {
                Assert.Equal(LocationKinds.OfName(location.LocationType)!.ResponseType, location.Detail!.GetType());
            }

            Assert.Contains(read.Cast<DataSyncLocation>(), l => l.Detail is DescribeLocationHdfsResponse hdfs && hdfs.NameNodes!.Count > 0);
        }

        [Fact]
        public void HeaderReadsBackWithEveryMemberIncludingIssuesThroughTheirConstructor()
        {
            var path = _fixture.NewPath(".jsonl");
            var written = InventoryFileFixture.Header();
            using (var writer = new InventoryFileWriter(path, overwrite: false)) writer.Complete(written);

            using var reader = InventoryFileReader.Open(path);
            MemberComparer.AssertEqual(written, reader.Header, "Header");
            Assert.Equal("sts:AssumeRole", reader.Header.Issues[1].IamAction);
            Assert.Empty(reader.ReadObjects(CancellationToken.None));

            var line = File.ReadAllLines(path)[0];
            using var json = JsonDocument.Parse(line);
            Assert.Equal(new[] { "Tasks", "Locations", "Agents" }, json.RootElement.GetProperty("TaggedKinds").EnumerateArray().Select(e => e.GetString()).ToArray());
            Assert.Equal("Incomplete", json.RootElement.GetProperty("Accounts")[0].GetProperty("Status").GetString());
            Assert.Equal("AccessDenied", json.RootElement.GetProperty("Issues")[0].GetProperty("Kind").GetString());
            Assert.Equal("2026-11-20T11:57:00.1234567Z", json.RootElement.GetProperty("ScanStartUtc").GetString());
        }

        [Fact]
        public void TagsAreOmittedWhenNotCollectedNullWhenUnreadableAndAnObjectWhenRead()
        {
            var notCollected = new DataSyncAgent { AgentArn = "arn:aws:datasync:us-east-1:111122223333:agent/agent-0a", Region = "us-east-1" };
            var unreadable = new DataSyncAgent { AgentArn = "arn:aws:datasync:us-east-1:111122223333:agent/agent-0b", Tags = null };
            var empty = new DataSyncAgent { AgentArn = "arn:aws:datasync:us-east-1:111122223333:agent/agent-0c", Tags = TagSet.From(null) };
            var tagged = new DataSyncAgent { AgentArn = "arn:aws:datasync:us-east-1:111122223333:agent/agent-0d", Tags = new TagSet(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1=x; y" }) };
            var lines = new[] { notCollected, unreadable, empty, tagged }.Select(a => Encoding.UTF8.GetString(InventoryJson.SerializeObject(a))).ToList();

            Assert.DoesNotContain("\"Tags\"", lines[0]);
            Assert.Contains("\"Tags\":null", lines[1]);
            Assert.Contains("\"Tags\":{}", lines[2]);
            Assert.Contains("\"Tags\":{\"a\":\"1=x; y\",\"b\":\"2\"}", lines[3]);
            Assert.StartsWith("{\"Kind\":\"Agent\",\"AccountId\":", lines[0]);

            var read = lines.Select(l => (DataSyncAgent)InventoryJson.DeserializeObject(Encoding.UTF8.GetBytes(l))).ToList();
            Assert.Same(TagSet.NotCollected, read[0].Tags);
            Assert.Null(read[1].Tags);
            Assert.True(TagSet.WereCollected(read[2].Tags));
            Assert.Empty(read[2].Tags!);
            Assert.Equal("a=1=x; y; b=2", read[3].Tags!.ToString());
        }

        [Fact]
        public void DurationsAreMillisecondsAndComputedMembersAreWrittenButIgnoredOnRead()
        {
            var execution = new DataSyncTaskExecution
            {
                TaskExecutionArn = "arn:aws:datasync:us-east-1:111122223333:task/task-01/execution/exec-01",
                TotalDuration = TimeSpan.FromMilliseconds(90061),
                PrepareDuration = TimeSpan.FromTicks(12345678),
                StartTime = new DateTime(2026, 11, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1),
            };
            var line = Encoding.UTF8.GetString(InventoryJson.SerializeObject(execution));
            Assert.Contains("\"TotalDuration\":90061,", line);
            Assert.Contains("\"Duration\":90061,", line);
            Assert.Contains("\"PrepareDuration\":1234.5678,", line);
            Assert.Contains("\"StartTime\":\"2026-11-02T03:04:05.0000001Z\"", line);

            var read = (DataSyncTaskExecution)InventoryJson.DeserializeObject(Encoding.UTF8.GetBytes(line.Replace("\"Duration\":90061", "\"Duration\":1")));
            MemberComparer.AssertEqual(execution, read, "Execution");
        }

        [Fact]
        public void NoSecretIsWritten()
        {
            var path = _fixture.NewPath(".jsonl");
            WriteAndRead(path, _fixture.Scan.Locations.ToList());
            var text = File.ReadAllText(path);
            Assert.DoesNotContain("\"Password\"", text);
            Assert.DoesNotContain("SecretKey\"", text);
            Assert.DoesNotContain("\"SasToken\"", text);
        }

        internal static string ArnOf(object item) => item switch
        {
            DataSyncTask t => t.TaskArn,
            DataSyncLocation l => l.LocationArn,
            DataSyncAgent a => a.AgentArn,
            DataSyncTaskExecution e => e.TaskExecutionArn,
            _ => throw new ArgumentException(item.GetType().Name),
        };
    }
}
