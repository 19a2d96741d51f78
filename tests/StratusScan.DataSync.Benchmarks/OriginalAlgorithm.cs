using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Benchmarks
{
    /// <summary>
    /// The collection algorithm of the original <c>datasync-export.py</c> (as its documentation describes it),
    /// written against the engine's <see cref="IDataSyncClient"/> so that both sides of the benchmark use the
    /// same wire client, signing and retries: Regions one after another; per Region the tasks are listed
    /// (paginated) and described one by one; the locations are listed and each is described by trying
    /// DescribeLocationS3, Efs, FsxWindows, FsxLustre, FsxOpenZfs, FsxOntap, Nfs, Smb, Hdfs, ObjectStorage in
    /// that order until one succeeds (Azure Blob is not in the list, so such a location ends "Unknown" after ten
    /// failures); the agents are listed and described one by one; for each task its executions are listed
    /// (ListTaskExecutions with the TaskArn) and every one is described, then filtered to the window.
    /// Every call waits for the previous one. A failing call is logged and skipped, as the original's
    /// error-handling decorator did.
    /// </summary>
    public sealed class OriginalAlgorithm
    {
        private readonly Func<string, IDataSyncClient> _clientFor;
        private readonly ConcurrentDictionary<string, int> _calls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> _failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        public OriginalAlgorithm(Func<string, IDataSyncClient> clientFor)
        {
            _clientFor = clientFor ?? throw new ArgumentNullException(nameof(clientFor));
        }

        /// <summary>The original's Describe operations for locations, in the order it tried them.</summary>
        public static readonly IReadOnlyList<string> LocationDescribeOrder = new[]
        {
            "S3", "Efs", "FsxWindows", "FsxLustre", "FsxOpenZfs", "FsxOntap", "Nfs", "Smb", "Hdfs", "ObjectStorage",
        };

        /// <summary>Logical API calls made, by operation (the SDK's retries are not counted here).</summary>
        public IReadOnlyDictionary<string, int> Calls => _calls;

        /// <summary>Calls that failed after the client's retries, by "Operation:ErrorCode" (wrong-type location describes included).</summary>
        public IReadOnlyDictionary<string, int> Failures => _failures;

        public async Task<BaselineResult> RunAsync(IReadOnlyList<string> regions, DateTime sinceUtc, CancellationToken cancellationToken = default)
        {
            var result = new BaselineResult();
            var total = Stopwatch.StartNew();
            foreach (var region in regions)
            {
                var watch = Stopwatch.StartNew();
                var client = _clientFor(region);
                await CollectTasksAsync(client, result, cancellationToken).ConfigureAwait(false);
                await CollectLocationsAsync(client, result, cancellationToken).ConfigureAwait(false);
                await CollectAgentsAsync(client, result, cancellationToken).ConfigureAwait(false);
                await CollectExecutionsAsync(client, result, sinceUtc, cancellationToken).ConfigureAwait(false);
                result.RegionSeconds[region] = watch.Elapsed.TotalSeconds;
            }

            result.WallSeconds = total.Elapsed.TotalSeconds;
            return result;
        }

        private async Task CollectTasksAsync(IDataSyncClient client, BaselineResult result, CancellationToken ct)
        {
            var arns = await ListAsync<ListTasksResponse, string>("ListTasks",
                token => client.ListTasksAsync(new ListTasksRequest { NextToken = token }, ct),
                r => r.NextToken, r => Arns(r.Tasks, t => t.TaskArn)).ConfigureAwait(false);
            foreach (var arn in arns)
            {
                var task = await TryAsync("DescribeTask", () => client.DescribeTaskAsync(new DescribeTaskRequest(arn), ct)).ConfigureAwait(false);
                if (task != null) result.Tasks++;
                result.TaskArns.Add(arn);
            }
        }

        private async Task CollectLocationsAsync(IDataSyncClient client, BaselineResult result, CancellationToken ct)
        {
            var arns = await ListAsync<ListLocationsResponse, string>("ListLocations",
                token => client.ListLocationsAsync(new ListLocationsRequest { NextToken = token }, ct),
                r => r.NextToken, r => Arns(r.Locations, l => l.LocationArn)).ConfigureAwait(false);
            foreach (var arn in arns)
            {
                string type = "Unknown";
                foreach (var candidate in LocationDescribeOrder)
                {
                    var described = await TryAsync("DescribeLocation" + candidate, () => DescribeLocationAsync(client, candidate, arn, ct)).ConfigureAwait(false);
                    if (described != null)
                    {
                        type = candidate;
                        break;
                    }
                }

                result.Locations++;
                result.LocationTypes[type] = result.LocationTypes.TryGetValue(type, out var n) ? n + 1 : 1;
            }
        }

        private static async Task<object> DescribeLocationAsync(IDataSyncClient client, string type, string arn, CancellationToken ct)
        {
            switch (type)
            {
                case "S3": return await client.DescribeLocationS3Async(new DescribeLocationS3Request(arn), ct).ConfigureAwait(false);
                case "Efs": return await client.DescribeLocationEfsAsync(new DescribeLocationEfsRequest(arn), ct).ConfigureAwait(false);
                case "FsxWindows": return await client.DescribeLocationFsxWindowsAsync(new DescribeLocationFsxWindowsRequest(arn), ct).ConfigureAwait(false);
                case "FsxLustre": return await client.DescribeLocationFsxLustreAsync(new DescribeLocationFsxLustreRequest(arn), ct).ConfigureAwait(false);
                case "FsxOpenZfs": return await client.DescribeLocationFsxOpenZfsAsync(new DescribeLocationFsxOpenZfsRequest(arn), ct).ConfigureAwait(false);
                case "FsxOntap": return await client.DescribeLocationFsxOntapAsync(new DescribeLocationFsxOntapRequest(arn), ct).ConfigureAwait(false);
                case "Nfs": return await client.DescribeLocationNfsAsync(new DescribeLocationNfsRequest(arn), ct).ConfigureAwait(false);
                case "Smb": return await client.DescribeLocationSmbAsync(new DescribeLocationSmbRequest(arn), ct).ConfigureAwait(false);
                case "Hdfs": return await client.DescribeLocationHdfsAsync(new DescribeLocationHdfsRequest(arn), ct).ConfigureAwait(false);
                case "ObjectStorage": return await client.DescribeLocationObjectStorageAsync(new DescribeLocationObjectStorageRequest(arn), ct).ConfigureAwait(false);
                default: throw new ArgumentOutOfRangeException(nameof(type), type, "Not a location type of the original script.");
            }
        }

        private async Task CollectAgentsAsync(IDataSyncClient client, BaselineResult result, CancellationToken ct)
        {
            var arns = await ListAsync<ListAgentsResponse, string>("ListAgents",
                token => client.ListAgentsAsync(new ListAgentsRequest { NextToken = token }, ct),
                r => r.NextToken, r => Arns(r.Agents, a => a.AgentArn)).ConfigureAwait(false);
            foreach (var arn in arns)
            {
                var agent = await TryAsync("DescribeAgent", () => client.DescribeAgentAsync(new DescribeAgentRequest(arn), ct)).ConfigureAwait(false);
                if (agent != null) result.Agents++;
            }
        }

        private async Task CollectExecutionsAsync(IDataSyncClient client, BaselineResult result, DateTime sinceUtc, CancellationToken ct)
        {
            foreach (var taskArn in result.TaskArns)
            {
                var arns = await ListAsync<ListTaskExecutionsResponse, string>("ListTaskExecutions",
                    token => client.ListTaskExecutionsAsync(new ListTaskExecutionsRequest { TaskArn = taskArn, NextToken = token }, ct),
                    r => r.NextToken, r => Arns(r.TaskExecutions, e => e.TaskExecutionArn)).ConfigureAwait(false);
                foreach (var arn in arns)
                {
                    var execution = await TryAsync("DescribeTaskExecution", () => client.DescribeTaskExecutionAsync(new DescribeTaskExecutionRequest(arn), ct)).ConfigureAwait(false);
                    if (execution == null) continue;
                    result.ExecutionsDescribed++;
                    if (execution.StartTime.HasValue && execution.StartTime.Value.ToUniversalTime() >= sinceUtc) result.ExecutionsInWindow++;
                }
            }

            result.TaskArns.Clear();
        }

        private async Task<List<TItem>> ListAsync<TResponse, TItem>(string operation, Func<string?, Task<TResponse>> call,
            Func<TResponse, string?> nextToken, Func<TResponse, IEnumerable<TItem>> items)
            where TResponse : class
        {
            var all = new List<TItem>();
            string? token = null;
            do
            {
                var captured = token;
                var page = await TryAsync(operation, () => call(captured)).ConfigureAwait(false);
                if (page == null) break;
                all.AddRange(items(page));
                token = nextToken(page);
            }
            while (!string.IsNullOrEmpty(token));
            return all;
        }

        private async Task<T?> TryAsync<T>(string operation, Func<Task<T>> call) where T : class
        {
            _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (DataSyncServiceException e)
            {
                _failures.AddOrUpdate(operation + ":" + e.ErrorCode, 1, (_, n) => n + 1);
                return null;
            }
            catch (AwsNetworkException e)
            {
                _failures.AddOrUpdate(operation + ":Network" + (e.IsTimeout ? "Timeout" : "Error"), 1, (_, n) => n + 1);
                return null;
            }
        }

        private static IEnumerable<string> Arns<T>(IReadOnlyList<T>? items, Func<T, string?> arn)
        {
            if (items == null) yield break;
            foreach (var item in items)
            {
                var value = arn(item);
                if (!string.IsNullOrEmpty(value)) yield return value!;
            }
        }
    }

    /// <summary>What the baseline collected and how long it took.</summary>
    public sealed class BaselineResult
    {
        public double WallSeconds { get; set; }
        public Dictionary<string, double> RegionSeconds { get; } = new Dictionary<string, double>(StringComparer.Ordinal);
        public int Tasks { get; set; }
        public int Locations { get; set; }
        public Dictionary<string, int> LocationTypes { get; } = new Dictionary<string, int>(StringComparer.Ordinal);
        public int Agents { get; set; }
        public int ExecutionsDescribed { get; set; }
        public int ExecutionsInWindow { get; set; }
        internal List<string> TaskArns { get; } = new List<string>();
    }
}
