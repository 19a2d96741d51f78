using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Inventory
{
    /// <summary>The collector against the real emulator (in-process, real HTTP, SigV4, paging of 5).</summary>
    public sealed class InventoryCollectorTests : EmulatorTest
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        private static readonly string[] Regions = { "us-east-1", "eu-west-1", "ap-southeast-2" };

        protected override EmulatorOptions CreateOptions() => new EmulatorOptions
        {
            Port = 0,
            PageSize = 5,
            Seed = 7,
            Generate = new DatasetSpec
            {
                Regions = Regions,
                TasksPerRegion = 9,
                LocationsPerTypePerRegion = 2,
                AgentsPerRegion = 4,
                ExecutionsPerTask = 5,
                DaysOfHistory = 45,
                Now = Now,
                Seed = 7,
            },
        };

        private AwsSession Session(int maxConcurrentCalls = 16, int maxErrorRetry = 4) => base.Session(o =>
        {
            o.MaxConcurrentCalls = maxConcurrentCalls;
            o.MaxErrorRetry = maxErrorRetry;
        });

        private static ScanRequest All(DateTime? since = null) => new ScanRequest { Regions = Regions, Kinds = ResourceKinds.All, ExecutionsSince = since };

        private IEnumerable<RegionData> DataRegions => Regions.Select(r => Data(r));

        [Fact]
        public async Task EveryResourceOfEveryRegionIsCollectedOnceInRegionThenArnOrder()
        {
            using var session = Session();
            var result = await new InventoryCollector(session).ScanAsync(All());

            Assert.Empty(result.Issues);
            var expectedTasks = DataRegions.SelectMany(r => r.Tasks.OrderBy(t => (string)t["TaskArn"]!, StringComparer.Ordinal).Select(t => (string)t["TaskArn"]!)).ToList();
            Assert.Equal(expectedTasks, result.Tasks.Select(t => t.TaskArn).ToList());
            Assert.Equal(DataRegions.Sum(r => r.Locations.Count), result.Locations.Count);
            Assert.Equal(DataRegions.Sum(r => r.Agents.Count), result.Agents.Count);
            Assert.Equal(DataRegions.Sum(r => r.Executions.Count), result.Executions.Count + result.ExecutionsOutsideWindow);
            Assert.Equal(result.Locations.Select(l => l.LocationArn).Distinct().Count(), result.Locations.Count);
            Assert.Equal(Regions, result.Tasks.Select(t => t.Region).Distinct().ToArray());
            Assert.All(result.Tasks, t => Assert.Equal(EmulatorCredentials.DefaultAccountId, t.AccountId));
        }

        [Fact]
        public async Task EachLocationIsDescribedExactlyOnceWithTheOperationOfItsScheme()
        {
            using var session = Session();
            Server.Stats.Reset();
            var result = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Locations });

            var describes = new[] { "S3", "Efs", "FsxWindows", "FsxLustre", "FsxOpenZfs", "FsxOntap", "Nfs", "Smb", "Hdfs", "ObjectStorage", "AzureBlob" }
                .Sum(t => Server.Stats.GetCalls("DescribeLocation" + t));
            Assert.Equal(result.Locations.Count, describes);
            Assert.Equal(0, Server.Stats.ErrorsServed);
            Assert.DoesNotContain(result.Locations, l => l.LocationType == LocationType.Unknown);
            Assert.Equal(11, result.Locations.Select(l => l.LocationType).Distinct().Count());
        }

        [Fact]
        public async Task TasksCarryDescribeTasksValuesAndPatternCounts()
        {
            using var session = Session();
            var result = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Tasks });
            var data = DataRegions.SelectMany(r => r.Tasks).ToDictionary(t => (string)t["TaskArn"]!);
            foreach (var task in result.Tasks)
            {
                var json = data[task.TaskArn];
                Assert.Equal((string?)json["Name"], task.Name);
                Assert.Equal((string?)json["Status"], task.Status);
                Assert.Equal((string?)json["SourceLocationArn"], task.SourceLocationArn);
                Assert.Equal((string?)json["DestinationLocationArn"], task.DestinationLocationArn);
                Assert.Equal((string?)json["CloudWatchLogGroupArn"], task.CloudWatchLogGroupArn);
                Assert.Equal(Epoch(json["CreationTime"]), task.CreationTime);
                Assert.Equal((string?)json["Schedule"]?["ScheduleExpression"], task.ScheduleExpression);
                Assert.Equal((string?)json["Options"]?["VerifyMode"], task.VerifyMode);
                Assert.Equal((string?)json["Options"]?["PreserveDeletedFiles"], task.PreserveDeletedFiles);
                Assert.Equal((long?)json["Options"]?["BytesPerSecond"], task.BytesPerSecond);
                Assert.Equal(Patterns(json["Includes"]), task.IncludeCount);
                Assert.Equal(Patterns(json["Excludes"]), task.ExcludeCount);
                Assert.Equal((string?)json["ErrorDetail"], task.ErrorDetail);
                if (task.CreationTime.HasValue) Assert.Equal(DateTimeKind.Utc, task.CreationTime.Value.Kind);
            }

            Assert.Contains(result.Tasks, t => t.IncludeCount > (t.Includes.Count));
        }

        [Fact]
        public async Task ExecutionsUseTopLevelCountsMillisecondDurationsAndFilesFailedNotFilesDeleted()
        {
            using var session = Session();
            var result = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Executions });
            var data = DataRegions.SelectMany(r => r.Executions).ToDictionary(e => (string)e["TaskExecutionArn"]!);
            var names = DataRegions.SelectMany(r => r.Tasks).ToDictionary(t => (string)t["TaskArn"]!, t => (string?)t["Name"]);
            Assert.NotEmpty(result.Executions);
            foreach (var execution in result.Executions)
            {
                var json = data[execution.TaskExecutionArn];
                Assert.Equal((long?)json["FilesTransferred"], execution.FilesTransferred);
                Assert.Equal((long?)json["BytesTransferred"], execution.BytesTransferred);
                Assert.Equal((long?)json["FilesDeleted"], execution.FilesDeleted);
                var total = (long?)json["Result"]?["TotalDuration"];
                Assert.Equal(total is null ? (TimeSpan?)null : TimeSpan.FromMilliseconds(total.Value), execution.Duration);
                var failed = json["FilesFailed"];
                long? expectedFailed = failed is null ? null
                    : new[] { "Prepare", "Transfer", "Verify", "Delete" }.Sum(k => (long?)failed[k] ?? 0);
                Assert.Equal(expectedFailed, execution.FilesFailed);
                Assert.Equal((string?)json["Result"]?["ErrorDetail"], execution.ErrorDetail);
                Assert.Equal(names[execution.TaskArn], execution.TaskName);
            }

            Assert.Contains(result.Executions, e => e.FilesFailed.HasValue && e.FilesFailed != e.FilesDeleted);
        }

        [Fact]
        public async Task TheWindowIsComparedInUtc()
        {
            using var session = Session();
            var since = Now.UtcDateTime.AddDays(-30);
            var result = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Executions, ExecutionsSince = since });
            var expected = DataRegions.SelectMany(r => r.Executions)
                .Where(e => e["StartTime"] is null || Epoch(e["StartTime"]) >= since)
                .Select(e => (string)e["TaskExecutionArn"]!).OrderBy(a => a, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, result.Executions.Select(e => e.TaskExecutionArn).OrderBy(a => a, StringComparer.Ordinal).ToList());
            Assert.True(result.ExecutionsOutsideWindow > 0);
        }

        [Fact]
        public async Task AnOperationDeniedInOneRegionIsAnIssueAndTheOtherRegionsComplete()
        {
            Server.Options.DeniedOperations.Add("eu-west-1:ListTasks");
            try
            {
                using var session = Session();
                var seen = new List<ScanIssue>();
                var request = All();
                request.OnIssue = i => { lock (seen) seen.Add(i); };
                var result = await new InventoryCollector(session).ScanAsync(request);

                var issue = Assert.Single(result.Issues);
                Assert.Equal(ScanIssueKind.AccessDenied, issue.Kind);
                Assert.Equal("eu-west-1", issue.Region);
                Assert.Equal("datasync:ListTasks", issue.IamAction);
                Assert.Single(seen);
                Assert.DoesNotContain(result.Tasks, t => t.Region == "eu-west-1");
                Assert.Contains(result.Tasks, t => t.Region == "us-east-1");
                Assert.Contains(result.Locations, l => l.Region == "eu-west-1");
                Assert.Empty(result.FailedRegions);
            }
            finally
            {
                Server.Options.DeniedOperations.Clear();
            }
        }

        [Fact]
        public async Task ADescribeDeniedKeepsTheListedRowAndReportsEachGap()
        {
            Server.Options.DeniedOperations.Add("DescribeAgent");
            try
            {
                using var session = Session();
                var result = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Agents });
                Assert.Equal(DataRegions.Sum(r => r.Agents.Count), result.Agents.Count);
                Assert.Equal(result.Agents.Count, result.Issues.Count);
                Assert.All(result.Issues, i => Assert.Equal("datasync:DescribeAgent", i.IamAction));
                Assert.All(result.Agents, a => Assert.False(string.IsNullOrEmpty(a.Status)));
            }
            finally
            {
                Server.Options.DeniedOperations.Clear();
            }
        }

        [Fact]
        public async Task ARegionNotEnabledIsSkippedOnceAndEveryRegionFailingThrows()
        {
            // Only an opt-in Region can be not enabled (ap-east-1, eu-south-1, me-south-1 are; the dataset's Regions are not).
            Server.Options.DisabledRegions.Add("ap-east-1");
            try
            {
                using var session = Session();
                var result = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions.Append("ap-east-1").ToArray(), Kinds = ResourceKinds.All });
                var issue = Assert.Single(result.Issues);
                Assert.Equal(ScanIssueKind.RegionNotEnabled, issue.Kind);
                Assert.Equal(new[] { "ap-east-1" }, result.FailedRegions);
                Assert.DoesNotContain(result.Tasks, t => t.Region == "ap-east-1");

                var optIn = new[] { "ap-east-1", "eu-south-1", "me-south-1" };
                foreach (var region in optIn) Server.Options.DisabledRegions.Add(region);
                var error = await Assert.ThrowsAsync<ScanFailedException>(() => new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = optIn, Kinds = ResourceKinds.All }));
                Assert.Equal(3, error.Issues.Count);
            }
            finally
            {
                Server.Options.DisabledRegions.Clear();
            }
        }

        [Fact]
        public async Task CancellationStopsTheScanPromptly()
        {
            Server.Options.Latency = TimeSpan.FromMilliseconds(200);
            try
            {
                using var session = Session();
                using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                var started = DateTime.UtcNow;
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new InventoryCollector(session).ScanAsync(All(), cts.Token));
                Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "cancellation took " + (DateTime.UtcNow - started));
            }
            finally
            {
                Server.Options.Latency = TimeSpan.Zero;
            }
        }

        [Fact]
        public async Task ExplicitArnsAreDescribedWithoutListingEverything()
        {
            var taskArn = (string)DataRegions.First().Tasks.First()["TaskArn"]!;
            using var session = Session();
            Server.Stats.Reset();
            var result = await new InventoryCollector(session).ScanAsync(new ScanRequest
            {
                Regions = new[] { "us-east-1" },
                Kinds = ResourceKinds.Tasks | ResourceKinds.Executions,
                TaskArns = new[] { taskArn },
            });
            Assert.Equal(taskArn, Assert.Single(result.Tasks).TaskArn);
            Assert.All(result.Executions, e => Assert.Equal(taskArn, e.TaskArn));
            Assert.Equal(DataRegions.First().ExecutionsOf(taskArn).Count, result.Executions.Count + result.ExecutionsOutsideWindow);
            Assert.Equal(0, Server.Stats.GetCalls("ListTasks"));
        }

        [Fact]
        public async Task TagsAreReadOnlyWhenAsked()
        {
            using var session = Session();
            Server.Stats.Reset();
            var without = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Agents });
            Assert.Equal(0, Server.Stats.GetCalls("ListTagsForResource"));
            Assert.NotEmpty(without.Agents);
            Assert.All(without.Agents, a => Assert.Same(TagSet.NotCollected, a.Tags));
            Assert.All(without.Agents, a => Assert.Empty(a.Tags!));

            var with = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Agents, IncludeTags = true });
            // One call per agent, more where its tags span pages (the emulator's pages hold 5).
            var tagsOf = DataRegions.SelectMany(r => r.Tags).ToDictionary(t => t.Key, t => t.Value.Count);
            var expectedCalls = with.Agents.Sum(a => Math.Max(1, (tagsOf.GetValueOrDefault(a.AgentArn) + 4) / 5));
            Assert.Equal(expectedCalls, Server.Stats.GetCalls("ListTagsForResource"));
            var tagged = DataRegions.SelectMany(r => r.Tags).First(t => t.Key.Contains(":agent/", StringComparison.Ordinal) && t.Value.Count > 0);
            var agent = with.Agents.Single(a => a.AgentArn == tagged.Key);
            var expectedTags = tagged.Value.Select(t => (string)t!["Key"]! + "=" + (string?)t["Value"]).Distinct().OrderBy(k => k, StringComparer.Ordinal);
            Assert.Equal(expectedTags, agent.Tags!.Select(t => t.Key + "=" + t.Value).OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public async Task TaggedKindsReadTheTagsOfThoseKindsOnly()
        {
            using var session = Session();
            Server.Stats.Reset();
            var result = await new InventoryCollector(session).ScanAsync(new ScanRequest
            {
                Regions = Regions,
                TaggedKinds = ResourceKinds.Tasks | ResourceKinds.Locations | ResourceKinds.Agents,
                ExecutionsSince = DateTime.UtcNow.AddDays(-30),
            });

            Assert.NotEmpty(result.Executions);
            Assert.All(result.Executions, e => Assert.Same(TagSet.NotCollected, e.Tags));
            Assert.All(result.Tasks, t => Assert.True(TagSet.WereCollected(t.Tags)));
            Assert.All(result.Locations, l => Assert.True(TagSet.WereCollected(l.Tags)));
            Assert.All(result.Agents, a => Assert.True(TagSet.WereCollected(a.Tags)));
            var tagsOf = DataRegions.SelectMany(r => r.Tags).ToDictionary(t => t.Key, t => t.Value.Count);
            var arns = result.Tasks.Select(t => t.TaskArn).Concat(result.Locations.Select(l => l.LocationArn)).Concat(result.Agents.Select(a => a.AgentArn));
            Assert.Equal(arns.Sum(a => Math.Max(1, (tagsOf.GetValueOrDefault(a) + 4) / 5)), Server.Stats.GetCalls("ListTagsForResource"));
        }

        /// <summary>What a scan found, one line per row: equal fingerprints, the same rows in the same order.</summary>
        internal static string Fingerprint(ScanResult r) => string.Join("\n",
            r.Tasks.Select(t => t.TaskArn + "|" + t.Name + "|" + t.Status)
                .Concat(r.Locations.Select(l => l.LocationArn + "|" + l.LocationType + "|" + l.Subdirectory))
                .Concat(r.Agents.Select(a => a.AgentArn + "|" + a.Status))
                .Concat(r.Executions.Select(e => e.TaskExecutionArn + "|" + e.Status + "|" + e.BytesTransferred)));

        private static int Patterns(JsonNode? rules) =>
            rules is JsonArray array ? array.Sum(rule => ((string?)rule?["Value"] ?? string.Empty).Split('|').Count(p => p.Length > 0)) : 0;

        private static DateTime? Epoch(JsonNode? node) =>
            node is null ? null : DateTime.UnixEpoch.AddTicks((long)Math.Round(decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
    }
}
