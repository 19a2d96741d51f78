using System;
using System.Threading.Tasks;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Faults
{
    public sealed partial class FaultSuiteTests
    {
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
    }
}
