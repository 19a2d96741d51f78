using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;
using StratusScan.DataSync.Tests.Report;

namespace StratusScan.DataSync.Tests.Faults
{
    /// <summary>
    /// The fault suite of the core (issue 14): the collector against the emulator's faults, each case asserting the
    /// exact outcome: the rows of the fault-free run (nothing lost, nothing twice), or the exact gaps as
    /// <see cref="ScanResult.Issues"/> and as rows of the workbook's Summary "Scan Issues" section read back with
    /// ExcelDataReader. The cmdlet's side (error records, streams, files) is tests/Pester/Faults.Tests.ps1.
    /// </summary>
    public sealed class FaultSuiteTests : EmulatorTest
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        private static readonly string[] Regions = { "us-east-1", "eu-west-1" };
        private string _directory = null!;
        private string _baseline = null!;
        private ScanResult _baselineResult = null!;

        protected override EmulatorOptions CreateOptions() => new EmulatorOptions
        {
            PageSize = 3,
            Seed = 11,
            Generate = new DatasetSpec
            {
                Regions = Regions,
                TasksPerRegion = 7,
                LocationsPerTypePerRegion = 1,
                AgentsPerRegion = 4,
                ExecutionsPerTask = 3,
                DaysOfHistory = 20,
                Now = Now,
                Seed = 11,
            },
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            _directory = Path.Combine(Path.GetTempPath(), "stratusscan-faults-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            using var session = Session();
            _baselineResult = await new InventoryCollector(session).ScanAsync(All());
            Assert.Empty(_baselineResult.Issues);
            _baseline = Fingerprint(_baselineResult);
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        }

        private AwsSession Session(TimeSpan? timeout = null, int maxErrorRetry = 4) => base.Session(o =>
        {
            o.MaxConcurrentCalls = 16;
            o.MaxBackoff = TimeSpan.FromMilliseconds(50);
            o.Timeout = timeout;
            o.MaxErrorRetry = maxErrorRetry;
        });

        private static ScanRequest All() => new ScanRequest { Regions = Regions, Kinds = ResourceKinds.All, IncludeTags = true };

        private IEnumerable<RegionData> DataRegions => Regions.Select(r => Data(r));

        private async Task<ScanResult> ScanWith(Action<EmulatorOptions> faults, TimeSpan? timeout = null)
        {
            faults(Server.Options);
            Server.Reset();
            try
            {
                using var session = Session(timeout);
                return await new InventoryCollector(session).ScanAsync(All());
            }
            finally
            {
                var o = Server.Options;
                o.ThrottleRate = 0;
                o.ServerErrorRate = 0;
                o.ServerErrorBurst = 1;
                o.LatencySpikeRate = 0;
                o.LatencySpike = TimeSpan.Zero;
                o.Latency = TimeSpan.Zero;
                o.MalformedRate = 0;
                o.DropConnectionRate = 0;
                o.DeniedRegions.Clear();
                o.DeniedOperations.Clear();
                o.DisabledRegions.Clear();
                o.TokenLoopOperations.Clear();
            }
        }

        /// <summary>Writes the scan's workbook and reads back its Summary's Scan Issues table.</summary>
        private SummaryView.SummaryTable WorkbookIssues(ScanResult result, out SummaryView summary)
        {
            var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".xlsx");
            WorkbookWriter.WriteFile(path, new ReportData
            {
                AccountId = EmulatorCredentials.DefaultAccountId,
                AccountName = "faults",
                Regions = result.Regions,
                ScanTimeUtc = Now.UtcDateTime,
                Tasks = result.Tasks,
                Locations = result.Locations,
                Agents = result.Agents,
                Executions = result.Executions,
                Issues = result.Issues,
            }, overwrite: false);
            var sheets = WorkbookReader.Read(path);
            summary = new SummaryView(sheets.Single(s => s.Name == WorkbookWriter.SummarySheet));
            Assert.Equal(result.Tasks.Count, sheets.Single(s => s.Name == WorkbookWriter.TasksSheet).DataRowCount);
            Assert.Equal(result.Locations.Count, sheets.Single(s => s.Name == WorkbookWriter.LocationsSheet).DataRowCount);
            Assert.Equal(result.Agents.Count, sheets.Single(s => s.Name == WorkbookWriter.AgentsSheet).DataRowCount);
            return summary.Table("Scan Issues");
        }

        /// <summary>The scan matches the fault-free run exactly and the workbook says the data is complete.</summary>
        private void AssertComplete(ScanResult result)
        {
            Assert.Empty(result.Issues);
            Assert.Empty(result.FailedRegions);
            Assert.Equal(_baseline, Fingerprint(result));
            var issues = WorkbookIssues(result, out var summary);
            Assert.Empty(issues.Rows);
            Assert.Equal(0d, summary.SectionCount("Scan Issues"));
            Assert.Contains(summary.Rows, r => (r[0] as string) == SummaryWriter.NoIssuesText);
        }

        /// <summary>Each issue is a row of the Summary's Scan Issues, in the same order and words.</summary>
        private void AssertIssuesInWorkbook(ScanResult result)
        {
            var table = WorkbookIssues(result, out var summary);
            Assert.Equal((double)result.Issues.Count, summary.SectionCount("Scan Issues"));
            Assert.Equal(result.Issues.Select(i => i.Region), table.Column("Region").Cast<string>());
            Assert.Equal(result.Issues.Select(i => i.IamAction), table.Column("IAM Action").Cast<string>());
            Assert.Equal(result.Issues.Select(i => i.Target), table.Column("Target").Cast<string?>());
            Assert.Equal(result.Issues.Select(i => i.ErrorCode ?? i.Kind.ToString()), table.Column("Error Code").Cast<string>());
            Assert.Equal(result.Issues.Select(i => i.MissingData), table.Column("Missing Data").Cast<string>());
        }

        // ---- transient faults: the scan completes with exactly the fault-free rows ------------------------------

        [Fact]
        [Trait("Category", "Slow")]
        public async Task AThrottlingStormLosesAndDuplicatesNothing()
        {
            // One call in ten throttled, on two scans at once (each its own session and pacers), with one SDK retry: a
            // call's SDK attempts all end throttled often enough that the collector's rounds take over, as under a
            // storm of half the calls with the default retries. (Half the calls throttled at random proves no more and
            // takes minutes: each Region's pacer sinks to its floor of one call every two seconds.)
            Server.Options.ThrottleRate = 0.1;
            Server.Reset();
            try
            {
                using var first = Session(maxErrorRetry: 1);
                using var second = Session(maxErrorRetry: 1);
                var results = await Task.WhenAll(new InventoryCollector(first).ScanAsync(All()), new InventoryCollector(second).ScanAsync(All()));
                Assert.True(Server.Stats.Throttles > 20, "throttles: " + Server.Stats.Throttles);
                foreach (var result in results) AssertComplete(result);
            }
            finally
            {
                Server.Options.ThrottleRate = 0;
            }
        }

        [Fact]
        public async Task BurstsOf5xxLongerThanTheSdksRetriesLoseNothing()
        {
            // Bursts of 8 consecutive 5xx: more than the SDK's 5 attempts, so the collector's rounds must take over.
            var result = await ScanWith(o =>
            {
                o.ServerErrorRate = 0.04;
                o.ServerErrorBurst = 8;
            });
            Assert.True(Server.Stats.ServerErrors >= 8, "5xx: " + Server.Stats.ServerErrors);
            AssertComplete(result);
        }

        [Fact]
        public async Task LatencySpikesLoseNothing()
        {
            var result = await ScanWith(o =>
            {
                o.LatencySpike = TimeSpan.FromMilliseconds(400);
                o.LatencySpikeRate = 0.1;
            });
            AssertComplete(result);
        }

        [Fact]
        public async Task LatencySpikesBeyondTheHttpTimeoutAreRetriedAndLoseNothing()
        {
            var result = await ScanWith(o =>
            {
                o.LatencySpike = TimeSpan.FromSeconds(3);
                o.LatencySpikeRate = 0.05;
            }, timeout: TimeSpan.FromSeconds(1));
            AssertComplete(result);
        }

        [Fact]
        public async Task AConnectionDroppedMidPageIsRetriedAndLosesNothing()
        {
            var result = await ScanWith(o => o.DropConnectionRate = 0.1);
            Assert.True(Server.Stats.DroppedConnections > 0);
            AssertComplete(result);
        }

        [Fact]
        public async Task MalformedAndTruncatedResponsesAreRetriedAndLoseNothing()
        {
            var result = await ScanWith(o => o.MalformedRate = 0.1);
            Assert.True(Server.Stats.MalformedResponses > 0);
            AssertComplete(result);
        }

        [Fact]
        [Trait("Category", "Slow")]
        public async Task EveryTransientFaultAtOnceLosesNothing()
        {
            // Together the faults exhaust the SDK's attempts on some calls, whatever the last one's fault: an
            // unreadable 200 must get another round as a throttle or a 5xx does (it was reported as a gap before).
            var result = await ScanWith(o =>
            {
                // Throttling is kept to one call in twenty: the pacer slows a Region after each throttle, and with
                // more on top of the other faults a scan takes minutes; with far more the SDK's retry quota runs dry
                // and a few calls fail all four rounds of the collector.
                o.ThrottleRate = 0.05;
                o.ServerErrorRate = 0.02;
                o.ServerErrorBurst = 4;
                o.DropConnectionRate = 0.05;
                o.MalformedRate = 0.1;
                o.LatencySpike = TimeSpan.FromMilliseconds(200);
                o.LatencySpikeRate = 0.05;
            });
            Assert.True(Server.Stats.MalformedResponses > 0 && Server.Stats.DroppedConnections > 0 && Server.Stats.Throttles > 0 && Server.Stats.ServerErrors > 0);
            AssertComplete(result);
        }

        // ---- permanent faults: exactly the gaps, each reported ---------------------------------------------------

        [Fact]
        public async Task ARegionWhereEveryCallIsDeniedIsReportedOncePerListAndTheOtherRegionIsComplete()
        {
            var result = await ScanWith(o => o.DeniedRegions.Add("eu-west-1"));

            Assert.Equal(new[] { "eu-west-1" }, result.FailedRegions);
            Assert.Equal(
                new[] { "datasync:ListAgents", "datasync:ListLocations", "datasync:ListTaskExecutions", "datasync:ListTasks" },
                result.Issues.Select(i => i.IamAction).OrderBy(a => a, StringComparer.Ordinal));
            Assert.All(result.Issues, i =>
            {
                Assert.Equal(ScanIssueKind.AccessDenied, i.Kind);
                Assert.Equal("eu-west-1", i.Region);
                Assert.Equal("AccessDeniedException", i.ErrorCode);
                Assert.Null(i.Target);
            });
            Assert.Equal(OnlyRegion(_baseline, "us-east-1"), Fingerprint(result));
            AssertIssuesInWorkbook(result);
        }

        [Fact]
        public async Task OneOperationDeniedKeepsTheListedRowsAndReportsEachCall()
        {
            var agents = DataRegions.First().Agents.Select(a => (string)a["AgentArn"]!).OrderBy(a => a, StringComparer.Ordinal).ToList();
            var result = await ScanWith(o => o.DeniedOperations.Add("us-east-1:DescribeAgent"));

            Assert.Empty(result.FailedRegions);
            Assert.Equal(agents, result.Issues.Select(i => i.Target).OrderBy(a => a, StringComparer.Ordinal));
            Assert.All(result.Issues, i =>
            {
                Assert.Equal(ScanIssueKind.AccessDenied, i.Kind);
                Assert.Equal("us-east-1", i.Region);
                Assert.Equal("datasync:DescribeAgent", i.IamAction);
            });
            // Every agent is there once (from ListAgents), and everything else is as without the fault.
            Assert.Equal(_baselineResult.Agents.Select(a => a.AgentArn + "|" + a.Status), result.Agents.Select(a => a.AgentArn + "|" + a.Status));
            Assert.Equal(WithoutAgents(_baseline), WithoutAgents(Fingerprint(result)));
            AssertIssuesInWorkbook(result);
        }

        [Fact]
        public async Task ARegionNotEnabledIsOneIssueAndTheOtherRegionIsComplete()
        {
            var result = await ScanWith(o => o.DisabledRegions.Add("eu-west-1"));

            var issue = Assert.Single(result.Issues);
            Assert.Equal(ScanIssueKind.RegionNotEnabled, issue.Kind);
            Assert.Equal("eu-west-1", issue.Region);
            Assert.Equal("UnrecognizedClientException", issue.ErrorCode);
            Assert.Equal("everything in eu-west-1", issue.MissingData);
            Assert.Equal(new[] { "eu-west-1" }, result.FailedRegions);
            Assert.Equal(OnlyRegion(_baseline, "us-east-1"), Fingerprint(result));
            AssertIssuesInWorkbook(result);
        }

        [Fact]
        public async Task PagingThatNeverEndsStopsTheListingAndIsReported()
        {
            var result = await ScanWith(o => o.TokenLoopOperations.Add("us-east-1:ListTasks"));

            var issue = Assert.Single(result.Issues);
            Assert.Equal(ScanIssueKind.ServiceError, issue.Kind);
            Assert.Equal("us-east-1", issue.Region);
            Assert.Equal("datasync:ListTasks", issue.IamAction);
            Assert.Equal("PaginationError", issue.ErrorCode);
            Assert.Contains("tasks (listing incomplete)", issue.MissingData, StringComparison.Ordinal);
            // The listing stopped at the second page, when the token came back: its six tasks, each once.
            Assert.Equal(2, Server.Stats.GetCalls("ListTasks", "us-east-1"));
            var expectedTasks = DataRegions.First().Tasks.Take(6).Select(t => (string)t["TaskArn"]!).OrderBy(a => a, StringComparer.Ordinal);
            Assert.Equal(expectedTasks, result.Tasks.Where(t => t.Region == "us-east-1").Select(t => t.TaskArn));
            // Everything else is complete.
            Assert.Equal(_baselineResult.Tasks.Where(t => t.Region == "eu-west-1").Select(t => t.TaskArn), result.Tasks.Where(t => t.Region == "eu-west-1").Select(t => t.TaskArn));
            Assert.Equal(WithoutTasks(_baseline), WithoutTasks(Fingerprint(result)));
            AssertIssuesInWorkbook(result);
        }

        // ---- cancellation -----------------------------------------------------------------------------------------

        [Fact]
        public async Task CancellationWhileListingReturnsPromptly()
        {
            Server.Options.Latency = TimeSpan.FromMilliseconds(500);
            try
            {
                using var session = Session();
                using var cts = new CancellationTokenSource();
                var request = All();
                request.Progress = new SyncProgress(p => { if (p.Listing && p.Total == 0) cts.CancelAfter(150); });
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new InventoryCollector(session).ScanAsync(request, cts.Token));
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "took " + watch.Elapsed);
            }
            finally
            {
                Server.Options.Latency = TimeSpan.Zero;
            }
        }

        [Fact]
        public async Task CancellationWhileDescribingReturnsPromptly()
        {
            Server.Options.Latency = TimeSpan.FromMilliseconds(300);
            try
            {
                using var session = Session();
                using var cts = new CancellationTokenSource();
                var describing = 0;
                var request = All();
                request.Progress = new SyncProgress(p =>
                {
                    // The first Describe has completed: the scan is describing.
                    if (p.Completed > 0 && Interlocked.Exchange(ref describing, 1) == 0) cts.Cancel();
                });
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new InventoryCollector(session).ScanAsync(request, cts.Token));
                Assert.Equal(1, describing);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), "took " + watch.Elapsed);
            }
            finally
            {
                Server.Options.Latency = TimeSpan.Zero;
            }
        }

        // ---- helpers ----------------------------------------------------------------------------------------------

        private static string Fingerprint(ScanResult r) => string.Join("\n",
            r.Tasks.Select(t => "T|" + t.Region + "|" + t.TaskArn + "|" + t.Name + "|" + t.Status + "|" + t.SourceLocationArn + "|" + Tags(t.Tags))
                .Concat(r.Locations.Select(l => "L|" + l.Region + "|" + l.LocationArn + "|" + l.LocationType + "|" + l.Subdirectory + "|" + l.CreationTime?.Ticks + "|" + Tags(l.Tags)))
                .Concat(r.Agents.Select(a => "A|" + a.Region + "|" + a.AgentArn + "|" + a.Status + "|" + a.EndpointType + "|" + Tags(a.Tags)))
                .Concat(r.Executions.Select(e => "E|" + e.Region + "|" + e.TaskExecutionArn + "|" + e.TaskName + "|" + e.Status + "|" + e.BytesTransferred + "|" + Tags(e.Tags))));

        private static string Tags(TagSet? tags) => tags is null ? "-" : string.Join(",", tags.Select(t => t.Key + "=" + t.Value).OrderBy(t => t, StringComparer.Ordinal));

        private static string OnlyRegion(string fingerprint, string region) =>
            string.Join("\n", fingerprint.Split('\n').Where(l => l.Split('|')[1] == region));

        private static string WithoutAgents(string fingerprint) => string.Join("\n", fingerprint.Split('\n').Where(l => !l.StartsWith("A|", StringComparison.Ordinal)));

        /// <summary>Everything but the tasks and the task names on executions (ListTasks also names the executions).</summary>
        private static string WithoutTasks(string fingerprint) => string.Join("\n", fingerprint.Split('\n')
            .Where(l => !l.StartsWith("T|", StringComparison.Ordinal))
            .Select(l => l.StartsWith("E|", StringComparison.Ordinal) ? string.Join("|", l.Split('|').Where((_, i) => i != 3)) : l));

        private sealed class SyncProgress : IProgress<ScanProgress>
        {
            private readonly Action<ScanProgress> _report;

            public SyncProgress(Action<ScanProgress> report) => _report = report;

            public void Report(ScanProgress value) => _report(value);
        }
    }
}
