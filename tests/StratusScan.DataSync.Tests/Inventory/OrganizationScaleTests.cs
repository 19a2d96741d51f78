using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Inventory
{
    /// <summary>
    /// The cost of an organisation-wide scan per (account, Region) does not grow with the accounts: the same work per
    /// (account, Region) at 20 and at 100 accounts, a bounded number of accounts open at once, and no account's
    /// clients kept once its scan has ended. Counts, never times.
    /// </summary>
    public sealed class OrganizationScaleTests : EmulatorTest
    {
        private static readonly string[] Regions = { "us-east-1", "eu-west-1" };

        protected override EmulatorOptions CreateOptions() => new EmulatorOptions
        {
            Port = 0,
            Generate = new DatasetSpec { Regions = Regions, Accounts = 101, TasksPerRegion = 0, LocationsPerTypePerRegion = 0, AgentsPerRegion = 0, ExecutionsPerTask = 0, Seed = 3 },
        };

        private sealed class Measure
        {
            public long Calls;
            public long BoardVisits;
            public int PeakOpenAccounts;
            public int AccountsDone;
            public int StillAliveWhenLastAccountEnded;
        }

        private async Task<Measure> ScanAsync(int accounts, int accountsInFlight)
        {
            var members = Server.Dataset.Accounts.Select(a => a.AccountId).Where(a => a != EmulatorCredentials.DefaultAccountId).Take(accounts).ToArray();
            Assert.Equal(accounts, members.Length);
            using var session = Session(o => o.MaxConcurrentCalls = 16);
            var factory = new TrackingFactory(ScanClientFactory.From(session));
            var board = new ProgressBoard("Scan", accounts);
            var measure = new Measure();
            Server.Stats.Reset();

            var request = new ScanRequest
            {
                Regions = Regions,
                Accounts = members.Select(a => AccountRole.For(a, "StratusScanReadOnly", "aws")).ToArray(),
                AccountsInFlight = accountsInFlight,
                // Drawn at every report: the worst case of the pipeline thread's drawing, which must stay constant too.
                Progress = new Drawing(board),
                OnAccountDone = (accountId, scanned) =>
                {
                    Assert.True(scanned);
                    board.AccountDone(scanned);
                    _ = board.Lines();
                    if (Interlocked.Increment(ref measure.AccountsDone) == accounts)
                    {
                        measure.StillAliveWhenLastAccountEnded = factory.AliveExceptLast(Regions.Length);
                    }
                },
            };

            var result = await new InventoryCollector(factory).ScanAsync(request);
            Assert.Empty(result.Issues);
            measure.Calls = Server.Stats.TotalCalls;
            measure.BoardVisits = board.Visits;
            measure.PeakOpenAccounts = factory.PeakOpen;
            return measure;
        }

        [Fact]
        public async Task TheWorkPerAccountAndRegionIsTheSameAt20And100Accounts()
        {
            var small = await ScanAsync(20, accountsInFlight: 4);
            var large = await ScanAsync(100, accountsInFlight: 4);

            // Calls: one AssumeRole per account and the four list calls per (account, Region), exactly.
            Assert.Equal(20 * (1 + (Regions.Length * 4)), small.Calls);
            Assert.Equal(100 * (1 + (Regions.Length * 4)), large.Calls);

            // The progress work (reports, and the bars drawn at each) per (account, Region) does not grow with the accounts.
            double perSmall = (double)small.BoardVisits / (20 * Regions.Length);
            double perLarge = (double)large.BoardVisits / (100 * Regions.Length);
            Assert.True(perLarge <= perSmall * 1.1, "progress work per (account, Region): " + perSmall + " at 20 accounts, " + perLarge + " at 100");

            // No more accounts open at once than asked for, and none kept once its scan has ended.
            Assert.Equal(4, small.PeakOpenAccounts);
            Assert.Equal(4, large.PeakOpenAccounts);
            Assert.Equal(0, large.StillAliveWhenLastAccountEnded);
        }

        /// <summary>Progress drawn at every report: each report followed by the lines a display would draw.</summary>
        private sealed class Drawing : IProgress<ScanProgress>
        {
            private readonly ProgressBoard _board;

            public Drawing(ProgressBoard board) => _board = board;

            public void Report(ScanProgress value)
            {
                _board.Report(value);
                lock (_board) _ = _board.Lines();
            }
        }

        /// <summary>The session's factory, counting the accounts open at once and watching each account's clients once closed.</summary>
        private sealed class TrackingFactory : IScanClientFactory
        {
            private readonly IScanClientFactory _inner;
            private readonly ConcurrentQueue<WeakReference> _closed = new ConcurrentQueue<WeakReference>();
            private int _open;
            private int _peak;

            public TrackingFactory(IScanClientFactory inner) => _inner = inner;

            public int PeakOpen => Volatile.Read(ref _peak);

            public bool CanAssumeRoles => true;

            public IDataSyncClient DataSyncClient(string region) => _inner.DataSyncClient(region);

            public async Task<IAccountClientFactory> AssumeRoleAsync(AccountRole role, string stsRegion, AssumeRoleSettings settings, CancellationToken cancellationToken)
            {
                var account = await _inner.AssumeRoleAsync(role, stsRegion, settings, cancellationToken).ConfigureAwait(false);
                var open = Interlocked.Increment(ref _open);
                int peak;
                while (open > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, open, peak) != peak)
                {
                }

                return new Tracked(this, account);
            }

            /// <summary>
            /// Clients of closed accounts still reachable after a full collection, leaving out the account that closed
            /// last (its scan is still on the calling thread's stack).
            /// </summary>
            public int AliveExceptLast(int lastClients)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var closed = _closed.ToArray();
                return closed.Take(closed.Length - lastClients).Count(w => w.IsAlive);
            }

            private sealed class Tracked : IAccountClientFactory
            {
                private readonly TrackingFactory _owner;
                private IAccountClientFactory? _inner;
                private readonly List<WeakReference> _clients = new List<WeakReference>();

                public Tracked(TrackingFactory owner, IAccountClientFactory inner)
                {
                    _owner = owner;
                    _inner = inner;
                }

                public bool CanAssumeRoles => false;

                public IDataSyncClient DataSyncClient(string region)
                {
                    var client = _inner!.DataSyncClient(region);
                    lock (_clients) _clients.Add(new WeakReference(client));
                    return client;
                }

                public Task<IAccountClientFactory> AssumeRoleAsync(AccountRole role, string stsRegion, AssumeRoleSettings settings, CancellationToken cancellationToken) =>
                    throw new InvalidOperationException("An account's clients do not assume roles.");

                public void Dispose()
                {
                    Interlocked.Decrement(ref _owner._open);
                    _inner?.Dispose();
                    _inner = null;
                    lock (_clients)
                    {
                        foreach (var client in _clients) _owner._closed.Enqueue(client);
                    }
                }
            }
        }
    }
}
