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
    /// The streaming scan: each object handed to the sink once, complete, as it is described; a sink that falls
    /// behind holds the describes (and the listing) back; a cancelled or failing sink stops the calls. Every
    /// assertion is on counts the emulator served, never on time.
    /// </summary>
    public sealed class StreamingScanTests : EmulatorTest
    {
        private const string Account = "111122223333";
        private static readonly string[] Regions = { "us-east-1", "eu-west-1" };

        protected override EmulatorOptions CreateOptions() => new EmulatorOptions
        {
            Port = 0,
            PageSize = 20,
            Seed = 11,
            Generate = new DatasetSpec
            {
                Regions = Regions,
                TasksPerRegion = 10,
                LocationsPerTypePerRegion = 1,
                AgentsPerRegion = 3,
                ExecutionsPerTask = 30,
                DaysOfHistory = 45,
                Now = DateTimeOffset.UtcNow,
                Seed = 11,
            },
        };

        private long Served(string operation) => Server.Stats.GetCalls(operation);

        private int ExecutionsInData(params string[] regions) => regions.Sum(r => Data(r).Executions.Count);

        /// <summary>An operation's served count once it has stopped growing (unchanged between two reads).</summary>
        private async Task<long> SettledAsync(string operation)
        {
            var last = Served(operation);
            for (var i = 0; i < 50; i++)
            {
                await Task.Delay(100);
                var now = Served(operation);
                if (now == last) return now;
                last = now;
            }

            return last;
        }

        [Fact]
        public async Task EveryObjectIsHandedOnOnceWithItsAccountAndTaskNames()
        {
            using var session = Session();
            var request = new ScanRequest
            {
                Regions = Regions,
                Kinds = ResourceKinds.All,
                ExecutionsSince = DateTime.UtcNow.AddDays(-30),
                AccountNames = new Dictionary<string, string> { [Account] = "Prod Workloads" },
            };
            var sink = new QueueSink();
            var outcome = await new InventoryCollector(session).ScanAsync(request, sink);
            var ordered = await new InventoryCollector(session).ScanAsync(request);

            Assert.Empty(outcome.Issues);
            var tasks = sink.Items.OfType<DataSyncTask>().ToList();
            var locations = sink.Items.OfType<DataSyncLocation>().ToList();
            var agents = sink.Items.OfType<DataSyncAgent>().ToList();
            var executions = sink.Items.OfType<DataSyncTaskExecution>().ToList();
            Assert.Equal(sink.Items.Count, tasks.Count + locations.Count + agents.Count + executions.Count);

            // Once each, the same objects as the ordered scan, and the outcome counts them.
            Assert.Equal(ordered.Tasks.Select(t => t.TaskArn).OrderBy(a => a, StringComparer.Ordinal), tasks.Select(t => t.TaskArn).OrderBy(a => a, StringComparer.Ordinal));
            Assert.Equal(ordered.Locations.Select(l => l.LocationArn).OrderBy(a => a, StringComparer.Ordinal), locations.Select(l => l.LocationArn).OrderBy(a => a, StringComparer.Ordinal));
            Assert.Equal(ordered.Agents.Select(a => a.AgentArn).OrderBy(a => a, StringComparer.Ordinal), agents.Select(a => a.AgentArn).OrderBy(a => a, StringComparer.Ordinal));
            Assert.Equal(ordered.Executions.Select(e => e.TaskExecutionArn).OrderBy(a => a, StringComparer.Ordinal), executions.Select(e => e.TaskExecutionArn).OrderBy(a => a, StringComparer.Ordinal));
            Assert.Equal(executions.Count, executions.Select(e => e.TaskExecutionArn).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal((tasks.Count, locations.Count, agents.Count, executions.Count), ((int)outcome.TaskCount, (int)outcome.LocationCount, (int)outcome.AgentCount, (int)outcome.ExecutionCount));
            Assert.Equal(ExecutionsInData(Regions), outcome.ExecutionCount + outcome.ExecutionsOutsideWindow);
            Assert.True(outcome.ExecutionCount > 300, "most executions are in the window");

            // Complete when handed on: the account named, each execution named after its task.
            Assert.All(sink.Items, o => Assert.Equal("Prod Workloads", AccountNameOf(o)));
            var names = Regions.SelectMany(r => Data(r).Tasks).ToDictionary(t => (string)t["TaskArn"]!, t => (string?)t["Name"], StringComparer.Ordinal);
            Assert.All(executions, e => Assert.Equal(names[e.TaskArn], e.TaskName));
            Assert.Contains(executions, e => e.TaskName != null);
        }

        [Fact]
        public async Task ASinkThatWaitsHoldsTheDescribesAndTheListingBack()
        {
            using var session = Session();
            const int bound = 6;
            var sink = new GateSink();
            var request = new ScanRequest { Regions = new[] { "us-east-1" }, Kinds = ResourceKinds.Executions, MaxPendingDescribes = bound };
            var scan = new InventoryCollector(session).ScanAsync(request, sink);

            await sink.FirstWrite.Task;
            var servedWhileBlocked = await SettledAsync("DescribeTaskExecution");
            var pagesWhileBlocked = Served("ListTaskExecutions");
            Assert.InRange(servedWhileBlocked, 1, bound);
            Assert.InRange(sink.Waiting, 1, bound);
            var total = ExecutionsInData("us-east-1");
            Assert.True(pagesWhileBlocked < total / 20, "the listing paused at the bound: " + pagesWhileBlocked + " of " + (total / 20) + " pages");

            sink.Release();
            var outcome = await scan;
            Assert.Equal(total, Served("DescribeTaskExecution"));
            Assert.Equal(total, outcome.ExecutionCount);
            Assert.Equal(total, sink.Written);
        }

        [Fact]
        public async Task CancellingMidScanStopsNewCalls()
        {
            using var session = Session();
            using var cancel = new CancellationTokenSource();
            var sink = new QueueSink(onItem: n => { if (n == 10) cancel.Cancel(); });
            var request = new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Executions };

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new InventoryCollector(session).ScanAsync(request, sink, cancel.Token));

            var settled = await SettledAsync("DescribeTaskExecution");
            Assert.True(settled < ExecutionsInData(Regions), settled + " describes of " + ExecutionsInData(Regions));
            Assert.InRange(sink.Items.Count, 10, 10 + (2 * ScanRequest.DefaultMaxPendingDescribes));
            await Task.Delay(300);
            Assert.Equal(settled, Served("DescribeTaskExecution"));
        }

        [Fact]
        public async Task ASinkThatThrowsEndsTheScanWithItsOwnException()
        {
            using var session = Session();
            var failure = new InvalidOperationException("the consumer gave up");
            var sink = new QueueSink(onItem: n => { if (n == 3) throw failure; });
            var request = new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Executions };

            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => new InventoryCollector(session).ScanAsync(request, sink));

            Assert.Same(failure, thrown);
            var settled = await SettledAsync("DescribeTaskExecution");
            Assert.True(settled < ExecutionsInData(Regions), settled + " describes of " + ExecutionsInData(Regions));
        }

        private static string? AccountNameOf(object item) => item switch
        {
            DataSyncTask t => t.AccountName,
            DataSyncLocation l => l.AccountName,
            DataSyncAgent a => a.AccountName,
            DataSyncTaskExecution e => e.AccountName,
            _ => throw new ArgumentException(item.GetType().FullName, nameof(item)),
        };

        /// <summary>Keeps every object; <c>onItem</c> runs with the running count (it may cancel or throw).</summary>
        private sealed class QueueSink : IScanSink
        {
            private readonly Action<int>? _onItem;
            private int _count;

            public QueueSink(Action<int>? onItem = null) => _onItem = onItem;

            public ConcurrentQueue<object> Items { get; } = new ConcurrentQueue<object>();

            public Task WriteAsync(object item, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Items.Enqueue(item);
                _onItem?.Invoke(Interlocked.Increment(ref _count));
                return Task.CompletedTask;
            }
        }

        /// <summary>Holds every write until <see cref="Release"/>: a consumer that has fallen behind.</summary>
        private sealed class GateSink : IScanSink
        {
            private readonly TaskCompletionSource<bool> _gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            private int _waiting;
            private int _written;

            public TaskCompletionSource<bool> FirstWrite { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            public int Waiting => Volatile.Read(ref _waiting);
            public int Written => Volatile.Read(ref _written);

            public void Release() => _gate.TrySetResult(true);

            public async Task WriteAsync(object item, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _waiting);
                FirstWrite.TrySetResult(true);
                await _gate.Task.ConfigureAwait(false);
                Interlocked.Decrement(ref _waiting);
                Interlocked.Increment(ref _written);
            }
        }
    }
}
