using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;
using Xunit.Abstractions;

namespace StratusScan.DataSync.Tests.Aws
{
    /// <summary>A Region under a steady request-rate limit is paced to it: the scan completes, near calls / rate.</summary>
    public sealed class PacingTests
    {
        private readonly ITestOutputHelper _output;

        public PacingTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task ARateLimitedRegionIsPacedToTheLimitAndLosesNothing()
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
            {
                Port = 0,
                PageSize = 100,
                Seed = 3,
                Generate = new DatasetSpec { Regions = new[] { "us-east-1" }, TasksPerRegion = 40, LocationsPerTypePerRegion = 2, AgentsPerRegion = 4, ExecutionsPerTask = 3, DaysOfHistory = 20, Seed = 3 },
            });
            using (var unlimited = Session(server))
            {
                var expected = await new InventoryCollector(unlimited).ScanAsync(new ScanRequest { Regions = new[] { "us-east-1" } });
                server.Stats.Reset();
                server.Options.RateLimitPerSecond = 40;
                server.Options.RateLimitBurst = 10;

                using var session = Session(server);
                var watch = Stopwatch.StartNew();
                var result = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = new[] { "us-east-1" } });
                watch.Stop();

                var calls = server.Stats.TotalCalls - server.Stats.Throttles;
                var bound = calls / 40.0;
                var rate = ((DataSyncClient)session.GetDataSyncClient("us-east-1")).PacedRate;
                _output.WriteLine($"paced at {rate:0.0} calls/s");
                _output.WriteLine($"calls {calls}, throttles {server.Stats.Throttles}, {watch.Elapsed.TotalSeconds:0.0} s, bound {bound:0.0} s");
                Assert.Empty(result.Issues);
                Assert.Equal(expected.Tasks.Select(t => t.TaskArn), result.Tasks.Select(t => t.TaskArn));
                Assert.Equal(expected.Executions.Count, result.Executions.Count);
                // The pacer learned the limit (40 calls/s): it paces near it, neither stalled nor unpaced.
                Assert.InRange(rate, 10, 160);
            }
        }

        private static AwsSession Session(EmulatorServer server) => TestEmulator.Session(server, o =>
        {
            o.MaxConcurrentCalls = 16;
            o.MaxBackoff = TimeSpan.FromSeconds(1);
        });
    }
}
