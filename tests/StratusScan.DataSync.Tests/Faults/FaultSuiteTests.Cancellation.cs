using System;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Faults
{
    public sealed partial class FaultSuiteTests
    {
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
    }
}
