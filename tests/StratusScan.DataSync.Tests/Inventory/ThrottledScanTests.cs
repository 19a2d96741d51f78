using System;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Inventory
{
    /// <summary>
    /// The collector under random throttling of one call in seven (the Slow set). Each Region's pacer slows its calls
    /// after each throttle, and at 30% it sinks to one call every two seconds, so such a scan takes minutes; the
    /// dataset is spread thin over eight Regions (a location of each of the 11 types, listed in pages), about 170
    /// calls. FaultSuiteTests' storm has the SDK's attempts run out and the collector's rounds take over.
    /// </summary>
    public sealed class ThrottledScanTests : EmulatorTest
    {
        private static readonly string[] Regions = { "us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1", "ca-central-1" };

        protected override EmulatorOptions CreateOptions() => new EmulatorOptions
        {
            Port = 0,
            PageSize = 5,
            Seed = 7,
            Generate = new DatasetSpec
            {
                Regions = Regions,
                TasksPerRegion = 1,
                LocationsPerTypePerRegion = 1,
                AgentsPerRegion = 1,
                ExecutionsPerTask = 2,
                DaysOfHistory = 45,
                Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero),
                Seed = 7,
            },
        };

        private AwsSession Session(int maxConcurrentCalls = 16, int maxErrorRetry = 4) => base.Session(o =>
        {
            o.MaxConcurrentCalls = maxConcurrentCalls;
            o.MaxErrorRetry = maxErrorRetry;
        });

        private static ScanRequest All() => new ScanRequest { Regions = Regions, Kinds = ResourceKinds.All };

        [Fact]
        [Trait("Category", "Slow")]
        public async Task ThrottlingLosesNothingAndOneCallAtATimeGivesTheSameOutput()
        {
            using var session = Session();
            var baseline = InventoryCollectorTests.Fingerprint(await new InventoryCollector(session).ScanAsync(All()));

            Server.Options.ThrottleRate = 0.15;
            try
            {
                using var patient = Session(maxErrorRetry: 12);
                var throttled = await new InventoryCollector(patient).ScanAsync(All());
                Assert.Empty(throttled.Issues);
                Assert.Equal(baseline, InventoryCollectorTests.Fingerprint(throttled));
                Assert.True(Server.Stats.Throttles > 0);
            }
            finally
            {
                Server.Options.ThrottleRate = 0;
            }

            using var serial = Session(maxConcurrentCalls: 1);
            Assert.Equal(baseline, InventoryCollectorTests.Fingerprint(await new InventoryCollector(serial).ScanAsync(All())));
        }

        [Fact]
        [Trait("Category", "Slow")]
        public async Task ThrottlingLosesNothingWithTheDefaultRetrySettings()
        {
            // The cmdlets use the session's default MaxErrorRetry (4): should a call exhaust the SDK's attempts, the
            // collector must try it again rather than lose the row.
            using var session = Session();
            var request = new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Locations | ResourceKinds.Executions };
            var baseline = InventoryCollectorTests.Fingerprint(await new InventoryCollector(session).ScanAsync(request));

            Server.Options.ThrottleRate = 0.15;
            try
            {
                using var throttledSession = Session();
                var throttled = await new InventoryCollector(throttledSession).ScanAsync(request);
                Assert.Empty(throttled.Issues);
                Assert.Equal(baseline, InventoryCollectorTests.Fingerprint(throttled));
            }
            finally
            {
                Server.Options.ThrottleRate = 0;
            }
        }
    }
}
