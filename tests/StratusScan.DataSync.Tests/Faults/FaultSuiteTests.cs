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
    /// The fault suite of the core: the collector against the emulator's faults, each case asserting the
    /// exact outcome: the rows of the fault-free run (nothing lost, nothing twice), or the exact gaps as
    /// <see cref="ScanResult.Issues"/> and as rows of the workbook's Summary "Scan Issues" section read back with
    /// ExcelDataReader. The cmdlet's side (error records, streams, files) is tests/Pester/Faults.Tests.ps1.
    /// </summary>
    public sealed partial class FaultSuiteTests : EmulatorTest
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        private static readonly string[] Regions = { "us-east-1", "eu-south-1" };
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
