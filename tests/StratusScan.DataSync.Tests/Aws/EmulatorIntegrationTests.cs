using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Aws.Model;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using Xunit.Abstractions;

namespace StratusScan.DataSync.Tests.Aws
{
    /// <summary>The client against the real emulator over HTTP: every operation, paging, faults, errors,
    /// credentials. No mocks.</summary>
    public sealed partial class EmulatorIntegrationTests
    {
        private readonly ITestOutputHelper _output;

        public EmulatorIntegrationTests(ITestOutputHelper output) { _output = output; }

        internal static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null, DatasetSpec? spec = null)
        {
            var options = new EmulatorOptions
            {
                Port = 0,
                PageSize = 5,
                Generate = spec ?? new DatasetSpec { Regions = new[] { "us-east-1", "eu-west-1" }, Seed = 7 },
            };
            configure?.Invoke(options);
            return EmulatorServer.StartAsync(options);
        }

        internal static AwsConnectionOptions Connect(EmulatorServer server, Action<AwsConnectionOptions>? configure = null) => TestEmulator.Connect(server, o =>
        {
            o.MaxBackoff = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(o);
        });

        private static RegionData Data(EmulatorServer server, string region) =>
            server.Dataset.Find(EmulatorCredentials.DefaultAccountId, region) ?? throw new InvalidOperationException("no data in " + region);

        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (T item in items) list.Add(item);
            return list;
        }

        private static string Arn(JsonObject o, string member) => o[member]!.GetValue<string>();

        [Fact]
        public async Task EveryOperationReturnsTheDatasetExactly()
        {
            await using EmulatorServer server = await StartAsync();
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = AwsSession.Create(Connect(server, o => o.OnApiCall = records.Add));
            IDataSyncClient client = session.GetDataSyncClient("us-east-1");
            RegionData data = Data(server, "us-east-1");

            // Tasks: list (pages of 5) then describe each.
            List<TaskListEntry> tasks = await ToListAsync(client.ListAllTasksAsync());
            Assert.Equal(data.Tasks.Snapshot().Select(t => Arn(t, "TaskArn")).OrderBy(a => a), tasks.Select(t => t.TaskArn!).OrderBy(a => a));
            Assert.Equal(tasks.Count, tasks.Select(t => t.TaskArn).Distinct().Count());
            foreach (TaskListEntry entry in tasks)
            {
                JsonObject expected = data.Tasks.Find(entry.TaskArn!)!;
                Assert.Equal(expected["Name"]?.GetValue<string>(), entry.Name);
                Assert.Equal(expected["Status"]?.GetValue<string>(), entry.Status);
                DescribeTaskResponse task = await client.DescribeTaskAsync(new DescribeTaskRequest(entry.TaskArn!));
                JsonAssert.SameAsDataset(expected, task, JsonAssert.Info<DescribeTaskResponse>());
                Assert.Equal(DateTimeKind.Utc, task.CreationTime!.Value.Kind);

                List<TagListEntry> tags = await ToListAsync(client.ListAllTagsForResourceAsync(entry.TaskArn!));
                JsonArray expectedTags = data.GetTags(entry.TaskArn!);
                Assert.Equal(expectedTags.Select(t => t!["Key"]!.GetValue<string>() + "=" + t!["Value"]?.GetValue<string>()),
                    tags.Select(t => t.Key + "=" + t.Value));
            }

            // Locations: the Describe operation follows from the LocationUri scheme.
            List<LocationListEntry> locations = await ToListAsync(client.ListAllLocationsAsync());
            Assert.Equal(data.Locations.Count, locations.Count);
            Assert.Equal(locations.Count, locations.Select(l => l.LocationArn).Distinct().Count());
            var kinds = new HashSet<string>();
            foreach (LocationListEntry entry in locations)
            {
                JsonObject expected = data.Locations.Find(entry.LocationArn!)!;
                Assert.Equal(expected["LocationUri"]!.GetValue<string>(), entry.LocationUri);
                kinds.Add(await DescribeAndCompareLocationAsync(client, entry, expected));
            }
            Assert.Equal(11, kinds.Count);

            // Agents.
            List<AgentListEntry> agents = await ToListAsync(client.ListAllAgentsAsync());
            Assert.Equal(data.Agents.Count, agents.Count);
            foreach (AgentListEntry entry in agents)
            {
                DescribeAgentResponse agent = await client.DescribeAgentAsync(new DescribeAgentRequest(entry.AgentArn!));
                JsonAssert.SameAsDataset(data.Agents.Find(entry.AgentArn!)!, agent, JsonAssert.Info<DescribeAgentResponse>());
            }

            // Executions: all, then per task; each described.
            List<TaskExecutionListEntry> executions = await ToListAsync(client.ListAllTaskExecutionsAsync(null));
            Assert.Equal(data.Executions.Snapshot().Select(e => Arn(e, "TaskExecutionArn")).OrderBy(a => a),
                executions.Select(e => e.TaskExecutionArn!).OrderBy(a => a));
            foreach (TaskListEntry task in tasks)
            {
                List<TaskExecutionListEntry> ofTask = await ToListAsync(client.ListAllTaskExecutionsAsync(task.TaskArn));
                Assert.Equal(data.ExecutionsOf(task.TaskArn!).Select(e => Arn(e, "TaskExecutionArn")), ofTask.Select(e => e.TaskExecutionArn!));
            }
            await Task.WhenAll(executions.Select(async e =>
            {
                DescribeTaskExecutionResponse execution = await client.DescribeTaskExecutionAsync(new DescribeTaskExecutionRequest(e.TaskExecutionArn!));
                JsonAssert.SameAsDataset(data.Executions.Find(e.TaskExecutionArn!)!, execution, JsonAssert.Info<DescribeTaskExecutionResponse>());
            }));

            Assert.All(records, r => Assert.True(r.Succeeded, r.ToString()));
            Assert.All(records, r => Assert.Equal(1, r.Attempts));
            Assert.Contains(records, r => r.Operation == "ListTasks");
            _output.WriteLine($"{records.Count} calls; tasks {tasks.Count}, locations {locations.Count}, agents {agents.Count}, executions {executions.Count}");
        }

        internal static async Task<string> DescribeAndCompareLocationAsync(IDataSyncClient client, LocationListEntry entry, JsonObject expected)
        {
            string arn = entry.LocationArn!;
            string scheme = entry.LocationUri!.Substring(0, entry.LocationUri.IndexOf("://", StringComparison.Ordinal));
            switch (scheme)
            {
                case "s3":
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationS3Async(new DescribeLocationS3Request(arn)), JsonAssert.Info<DescribeLocationS3Response>());
                    break;
                case "efs":
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationEfsAsync(new DescribeLocationEfsRequest(arn)), JsonAssert.Info<DescribeLocationEfsResponse>());
                    break;
                case "fsxw":
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationFsxWindowsAsync(new DescribeLocationFsxWindowsRequest(arn)), JsonAssert.Info<DescribeLocationFsxWindowsResponse>());
                    break;
                case "fsxl":
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationFsxLustreAsync(new DescribeLocationFsxLustreRequest(arn)), JsonAssert.Info<DescribeLocationFsxLustreResponse>());
                    break;
                case "fsxz":
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationFsxOpenZfsAsync(new DescribeLocationFsxOpenZfsRequest(arn)), JsonAssert.Info<DescribeLocationFsxOpenZfsResponse>());
                    break;
                case "fsxn-nfs":
                case "fsxn-smb":
                case "fsxn":
                    scheme = "fsxn";
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationFsxOntapAsync(new DescribeLocationFsxOntapRequest(arn)), JsonAssert.Info<DescribeLocationFsxOntapResponse>());
                    break;
                case "nfs":
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationNfsAsync(new DescribeLocationNfsRequest(arn)), JsonAssert.Info<DescribeLocationNfsResponse>());
                    break;
                case "smb":
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationSmbAsync(new DescribeLocationSmbRequest(arn)), JsonAssert.Info<DescribeLocationSmbResponse>());
                    break;
                case "hdfs":
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationHdfsAsync(new DescribeLocationHdfsRequest(arn)), JsonAssert.Info<DescribeLocationHdfsResponse>());
                    break;
                case "object-storage":
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationObjectStorageAsync(new DescribeLocationObjectStorageRequest(arn)), JsonAssert.Info<DescribeLocationObjectStorageResponse>());
                    break;
                case "azure-blob":
                    JsonAssert.SameAsDataset(expected, await client.DescribeLocationAzureBlobAsync(new DescribeLocationAzureBlobRequest(arn)), JsonAssert.Info<DescribeLocationAzureBlobResponse>());
                    break;
                default:
                    throw new Xunit.Sdk.XunitException("unknown location scheme " + scheme);
            }
            return scheme;
        }

        [Fact]
        public async Task ClientsSeeTheirOwnRegion()
        {
            await using EmulatorServer server = await StartAsync();
            using AwsSession session = AwsSession.Create(Connect(server));
            foreach (string region in new[] { "us-east-1", "eu-west-1" })
            {
                List<TaskListEntry> tasks = await ToListAsync(session.GetDataSyncClient(region).ListAllTasksAsync());
                Assert.Equal(Data(server, region).Tasks.Snapshot().Select(t => Arn(t, "TaskArn")).OrderBy(a => a), tasks.Select(t => t.TaskArn!).OrderBy(a => a));
                Assert.All(tasks, t => Assert.Contains(":" + region + ":", t.TaskArn));
            }
            // A region without data: empty lists, not an error.
            Assert.Empty(await ToListAsync(session.GetDataSyncClient("ap-southeast-2").ListAllTasksAsync()));
        }

        [Fact]
        public async Task CancellationStopsPaging()
        {
            await using EmulatorServer server = await StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(200));
            using AwsSession session = AwsSession.Create(Connect(server));
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (TaskExecutionListEntry _ in session.GetDataSyncClient("us-east-1").ListAllTaskExecutionsAsync(null, cts.Token)) { }
            });
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
        }

        [Fact]
        public async Task UnreachableEndpointIsANetworkError()
        {
            using AwsSession session = AwsSession.Create(new AwsConnectionOptions
            {
                AccessKey = "AKIAX", SecretKey = "x", EndpointUrl = "http://127.0.0.1:9", MaxErrorRetry = 1, MaxBackoff = TimeSpan.FromMilliseconds(10),
            });
            var ex = await Assert.ThrowsAsync<AwsNetworkException>(() => session.GetDataSyncClient("us-east-1").ListTasksAsync(new ListTasksRequest()));
            Assert.Equal("ListTasks", ex.Operation);
        }
    }

    /// <summary>Endpoint override by environment variable: process-wide, so not in parallel with other tests.</summary>
    [Collection(EnvironmentCollection.Name)]
    public sealed class EmulatorEnvironmentTests
    {
        [Fact]
        public async Task EndpointFromAwsEndpointUrlDataSync()
        {
            await using EmulatorServer server = await EmulatorIntegrationTests.StartAsync();
            using var env = new EnvironmentScope("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DATASYNC", "AWS_ENDPOINT_URL_STS",
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_REGION");
            env.Set("AWS_ENDPOINT_URL_DATASYNC", server.Endpoint.ToString());
            env.Set("AWS_ENDPOINT_URL_STS", server.Endpoint.ToString());
            env.Set("AWS_REGION", "us-west-2"); // must not leak into the signing region
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = AwsSession.Create(new AwsConnectionOptions
            {
                AccessKey = EmulatorCredentials.DefaultAccessKeyId,
                SecretKey = EmulatorCredentials.DefaultSecretAccessKey,
                OnApiCall = records.Add,
            });
            Assert.Equal(server.Endpoint.ToString().TrimEnd('/'), session.GetDataSyncEndpoint("eu-west-1").ToString().TrimEnd('/'));
            ListTasksResponse page = await session.GetDataSyncClient("eu-west-1").ListTasksAsync(new ListTasksRequest());
            Assert.All(page.Tasks!, t => Assert.Contains(":eu-west-1:", t.TaskArn));
            Assert.Equal(EmulatorCredentials.DefaultAccountId, (await session.GetCallerIdentityAsync("eu-west-1")).Account);
            Assert.All(records, r => Assert.StartsWith(server.Endpoint.GetLeftPart(UriPartial.Authority), r.Endpoint));
        }
    }
}
