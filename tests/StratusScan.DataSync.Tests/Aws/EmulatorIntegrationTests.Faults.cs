using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Aws.Model;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;

namespace StratusScan.DataSync.Tests.Aws
{
    /// <summary>Throttling, 5xx, malformed bodies and service errors from the emulator: retried or mapped.</summary>
    public sealed partial class EmulatorIntegrationTests
    {
        [Fact]
        [Trait("Category", "Slow")]
        public async Task NothingIsLostUnderThrottlingAndServerErrors()
        {
            // A small dataset: the client's pacer slows the Region after each throttle, so under random throttling
            // the time grows with the calls (these are still pages of every list, and describes of each kind).
            await using EmulatorServer server = await StartAsync(o => { o.ThrottleRate = 0.30; o.ServerErrorRate = 0.05; o.Seed = 11; },
                new DatasetSpec { Regions = new[] { "us-east-1", "eu-west-1" }, TasksPerRegion = 4, LocationsPerTypePerRegion = 1, AgentsPerRegion = 2, ExecutionsPerTask = 3, Seed = 7 });
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = AwsSession.Create(Connect(server, o => { o.MaxErrorRetry = 10; o.OnApiCall = records.Add; }));
            IDataSyncClient client = session.GetDataSyncClient("eu-west-1");
            RegionData data = Data(server, "eu-west-1");
            var watch = Stopwatch.StartNew();

            List<TaskExecutionListEntry> executions = await ToListAsync(client.ListAllTaskExecutionsAsync(null));
            Assert.Equal(data.Executions.Count, executions.Count);
            Assert.Equal(executions.Count, executions.Select(e => e.TaskExecutionArn).Distinct().Count());
            List<LocationListEntry> locations = await ToListAsync(client.ListAllLocationsAsync());
            Assert.Equal(data.Locations.Count, locations.Count);
            await Task.WhenAll(locations.Select(l => DescribeAndCompareLocationAsync(client, l, data.Locations.Find(l.LocationArn!)!)));
            List<TaskListEntry> tasks = await ToListAsync(client.ListAllTasksAsync());
            await Task.WhenAll(tasks.Select(async t =>
                JsonAssert.SameAsDataset(data.Tasks.Find(t.TaskArn!)!, await client.DescribeTaskAsync(new DescribeTaskRequest(t.TaskArn!)),
                    JsonAssert.Info<DescribeTaskResponse>())));

            watch.Stop();
            int retries = records.Sum(r => r.Retries);
            _output.WriteLine($"{records.Count} calls, {retries} retries, throttles served {server.Stats.Throttles}, 5xx served {server.Stats.ServerErrors}, {watch.ElapsedMilliseconds} ms");
            Assert.True(server.Stats.Throttles > 0, "the emulator throttled nothing");
            Assert.True(retries >= server.Stats.Throttles + server.Stats.ServerErrors - 0, "every fault was retried");
            Assert.All(records, r => Assert.True(r.Succeeded, r.ToString()));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "took " + watch.Elapsed);
        }

        [Fact]
        public async Task MalformedResponsesAreRetriedOrReported()
        {
            await using EmulatorServer server = await StartAsync(o => { o.MalformedRate = 0.3; o.Seed = 5; });
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = AwsSession.Create(Connect(server, o => { o.MaxErrorRetry = 10; o.OnApiCall = records.Add; }));
            IDataSyncClient client = session.GetDataSyncClient("us-east-1");
            var failures = new List<Exception>();
            for (int i = 0; i < 20; i++)
            {
                try
                {
                    await client.ListTasksAsync(new ListTasksRequest());
                }
                catch (Exception ex)
                {
                    failures.Add(ex);
                }
            }
            _output.WriteLine($"malformed served {server.Stats.MalformedResponses}, failures {failures.Count}: " +
                string.Join(" | ", failures.Select(f => f.GetType().Name + ": " + f.Message)));
            Assert.True(server.Stats.MalformedResponses > 0, "the emulator sent no malformed response");
            // A cut-short or invalid body is retried by the SDK like a transient error: nothing is lost.
            Assert.Empty(failures);
            Assert.True(records.Sum(r => r.Retries) >= server.Stats.MalformedResponses);
        }

        [Fact]
        public async Task AdaptiveRetryModeRetriesThrottling()
        {
            await using EmulatorServer server = await StartAsync(o => { o.ThrottleRate = 0.3; o.Seed = 3; });
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = AwsSession.Create(Connect(server, o => { o.RetryMode = "adaptive"; o.MaxErrorRetry = 10; o.OnApiCall = records.Add; }));
            var watch = Stopwatch.StartNew();
            List<TaskListEntry> tasks = await ToListAsync(session.GetDataSyncClient("us-east-1").ListAllTasksAsync());
            Assert.Equal(Data(server, "us-east-1").Tasks.Count, tasks.Count);
            _output.WriteLine($"adaptive: {records.Count} calls, {records.Sum(r => r.Retries)} retries, {watch.ElapsedMilliseconds} ms");
        }

        [Fact]
        public async Task ThrottlingBeyondTheRetriesIsReported()
        {
            await using EmulatorServer server = await StartAsync(o => o.ThrottleRate = 1.0);
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = AwsSession.Create(Connect(server, o => { o.MaxErrorRetry = 2; o.OnApiCall = records.Add; }));
            var ex = await Assert.ThrowsAsync<DataSyncThrottlingException>(() =>
                session.GetDataSyncClient("us-east-1").ListTasksAsync(new ListTasksRequest()));
            Assert.Equal("ThrottlingException", ex.ErrorCode);
            Assert.Equal("ListTasks", ex.Operation);
            ApiCallRecord record = Assert.Single(records);
            Assert.Equal(3, record.Attempts);
            Assert.False(record.Succeeded);
            Assert.Equal("ThrottlingException", record.ErrorCode);
        }

        [Fact]
        public async Task ServiceErrorsAreMapped()
        {
            await using EmulatorServer server = await StartAsync(o =>
            {
                o.DeniedRegions.Add("eu-west-1");
                o.DeniedOperations.Add("us-east-1:ListAgents");
                o.DisabledRegions.Add("ap-east-1");
            });
            using AwsSession session = AwsSession.Create(Connect(server));
            IDataSyncClient east = session.GetDataSyncClient("us-east-1");

            var denied = await Assert.ThrowsAsync<DataSyncAccessDeniedException>(() =>
                session.GetDataSyncClient("eu-west-1").ListTasksAsync(new ListTasksRequest()));
            Assert.Equal("eu-west-1", denied.Region);
            Assert.Equal("datasync:ListTasks", denied.IamAction);
            await Assert.ThrowsAsync<DataSyncAccessDeniedException>(() => east.ListAgentsAsync(new ListAgentsRequest()));
            await east.ListTasksAsync(new ListTasksRequest()); // only ListAgents is denied there

            var disabled = await Assert.ThrowsAsync<DataSyncUnrecognizedClientException>(() =>
                session.GetDataSyncClient("ap-east-1").ListTasksAsync(new ListTasksRequest()));
            Assert.Equal("UnrecognizedClientException", disabled.ErrorCode);

            var badArn = await Assert.ThrowsAsync<DataSyncInvalidRequestException>(() =>
                east.DescribeTaskAsync(new DescribeTaskRequest("arn:aws:datasync:us-east-1:111122223333:task/task-0000000000000000f")));
            Assert.Equal(400, badArn.StatusCode);
            Assert.False(string.IsNullOrEmpty(badArn.Message));

            // A location of another type: InvalidRequestException too.
            LocationListEntry s3 = (await ToListAsync(east.ListAllLocationsAsync())).First(l => l.LocationUri!.StartsWith("s3://", StringComparison.Ordinal));
            await Assert.ThrowsAsync<DataSyncInvalidRequestException>(() => east.DescribeLocationNfsAsync(new DescribeLocationNfsRequest(s3.LocationArn!)));
        }

        [Fact]
        public async Task InternalErrorsSurfaceAfterRetries()
        {
            await using EmulatorServer server = await StartAsync(o => o.ServerErrorRate = 1.0);
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = AwsSession.Create(Connect(server, o => { o.MaxErrorRetry = 1; o.OnApiCall = records.Add; }));
            var ex = await Assert.ThrowsAnyAsync<DataSyncServiceException>(() => session.GetDataSyncClient("us-east-1").ListTasksAsync(new ListTasksRequest()));
            Assert.True(ex is DataSyncInternalException, ex.GetType().Name + " " + ex.ErrorCode);
            Assert.True(ex.StatusCode >= 500);
            Assert.Equal(2, Assert.Single(records).Attempts);
        }
    }
}
