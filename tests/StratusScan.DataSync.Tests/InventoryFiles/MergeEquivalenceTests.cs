using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;
using StratusScan.DataSync.Report;
using StratusScan.DataSync.Tests.Report;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    /// <summary>
    /// The merged workbook of per-account shards equals, row for row, the workbook of one organisation-wide scan of the
    /// same accounts: every data sheet, and the Summary but for its times.
    /// </summary>
    public sealed partial class MergeEquivalenceTests : EmulatorTest, IDisposable
    {
        private const string Role = "StratusScanReadOnly";
        private const string Caller = "arn:aws:iam::111122223333:user/auditor";
        private static readonly string[] Accounts = { "111122223333", "444455556666", "777788889999" };
        private static readonly string[] Regions = { "us-east-1", "eu-west-1" };
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "merge-equivalence-" + Guid.NewGuid().ToString("N"));

        public MergeEquivalenceTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        protected override EmulatorOptions CreateOptions() => new EmulatorOptions
        {
            Port = 0,
            PageSize = 3,
            Generate = new DatasetSpec { Regions = Regions, Accounts = 3, TasksPerRegion = 5, LocationsPerTypePerRegion = 1, AgentsPerRegion = 2, ExecutionsPerTask = 3, Seed = 23 },
        };

        private static ScanPlan PlanFor(params string[] accounts) =>
            ScanPlan.Resolve(new ScanPlanInput { Regions = Regions, AccountIds = accounts, RoleName = Role });

        private static readonly ReportNaming Naming = new ReportNaming(null, AccountNames.None, "Example Org");

        [Fact]
        public async Task PerAccountShardsMergedGiveTheWorkbookOfOneOrganisationWideScan()
        {
            var window = ExecutionWindow.LastDays(30, DateTime.UtcNow);
            var organization = Path.Combine(_folder, "organization.xlsx");
            using (var session = Session())
            using (var builder = new ReportBuilder())
            {
                var plan = PlanFor(Accounts);
                var outcome = await new InventoryCollector(session).ScanAsync(plan.ToRequest(ResourceKinds.All, null, executionsSince: window.SinceUtc), builder);
                var data = ReportData.FromScan(ReportScope.ForScan(plan, Accounts[0], Naming), outcome, window, DateTime.UtcNow);
                data.CallerArn = Caller;
                builder.WriteFile(organization, data, overwrite: false);
            }

            // One file per account, written by the real writer, one of them gzipped.
            var shards = new List<IInventorySource>();
            for (int i = 0; i < Accounts.Length; i++) shards.Add(await ShardAsync(Accounts[i], window, i == 1 ? ".jsonl.gz" : ".jsonl"));
            var merged = Path.Combine(_folder, "merged.xlsx");
            var merge = InventoryMerge.Plan(shards);
            Assert.Empty(merge.Warnings);
            using (var builder = new ReportBuilder())
            {
                var counts = merge.Stream(builder, null, CancellationToken.None);
                Assert.Equal(0, counts.Skipped);
                Assert.True(counts.Added > 50, "the shards hold " + counts.Added + " objects");
                builder.WriteFile(merged, ReportData.FromInventory(merge, Naming), overwrite: false);
            }

            AssertSameWorkbook(organization, merged);
        }

        /// <summary>Every sheet row for row; on the Summary, every row but the scan time and the window (times differ).</summary>
        internal static void AssertSameWorkbook(string expectedPath, string actualPath)
        {
            var expected = WorkbookReader.Read(expectedPath);
            var actual = WorkbookReader.Read(actualPath);
            Assert.Equal(expected.Select(s => s.Name), actual.Select(s => s.Name));
            for (int s = 0; s < expected.Count; s++)
            {
                var timed = expected[s].Name == SummaryWriter.SheetName;
                var want = expected[s].Rows.Where(r => !timed || !IsTimeRow(r)).Select(Text).ToList();
                var got = actual[s].Rows.Where(r => !timed || !IsTimeRow(r)).Select(Text).ToList();
                Assert.True(want.Count > 1, expected[s].Name + " has no data rows");
                Assert.Equal(want, got);
            }
        }

        private static bool IsTimeRow(object?[] row) => row.Length > 0 && (row[0] as string == "Scan Time (UTC)" || row[0] as string == "Execution Window");

        private static string Text(object?[] row) => string.Join(" | ", row.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
