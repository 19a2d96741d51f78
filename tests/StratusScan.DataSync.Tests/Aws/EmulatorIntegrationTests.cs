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
    public sealed class EmulatorIntegrationTests
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
        public async Task WrongSecretIsAnAuthenticationError()
        {
            await using EmulatorServer server = await StartAsync();
            using AwsSession session = AwsSession.Create(Connect(server, o => o.SecretKey = "not-the-secret"));
            var ex = await Assert.ThrowsAsync<DataSyncAuthenticationException>(() =>
                session.GetDataSyncClient("us-east-1").ListTasksAsync(new ListTasksRequest()));
            Assert.Equal(403, ex.StatusCode);
            Assert.Equal("InvalidSignatureException", ex.ErrorCode);
            Assert.DoesNotContain("not-the-secret", ex.ToString());
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

        [Fact]
        public async Task CredentialsFromAProfileFile()
        {
            await using EmulatorServer server = await StartAsync();
            string file = Path.Combine(Path.GetTempPath(), "ss-profile-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(file,
                "[default]\naws_access_key_id = AKIAWRONG\naws_secret_access_key = wrong\n\n" +
                $"[emulator]\naws_access_key_id = {EmulatorCredentials.DefaultAccessKeyId}\naws_secret_access_key = {EmulatorCredentials.DefaultSecretAccessKey}\nregion = eu-west-1\n");
            try
            {
                using AwsSession session = AwsSession.Create(new AwsConnectionOptions
                {
                    ProfileName = "emulator",
                    ProfileLocation = file,
                    EndpointUrl = server.Endpoint.ToString(),
                });
                Assert.Equal("profile 'emulator'", session.CredentialSource);
                Assert.Equal("eu-west-1", session.DefaultRegion);
                ListTasksResponse page = await session.GetDataSyncClient("eu-west-1").ListTasksAsync(new ListTasksRequest { MaxResults = 100 });
                Assert.Equal(5, page.Tasks!.Count);
                Assert.NotNull(page.NextToken);
            }
            finally
            {
                File.Delete(file);
            }
        }

        /// <summary>Stands for a credentials object of another AWS SDK version (AWS Tools for PowerShell's
        /// AWSSDK.Core 3.7 BasicAWSCredentials): the client only sees GetCredentials() and the property names.</summary>
        public sealed class OtherSdkCredentials
        {
            private readonly string _key, _secret;
            public int Calls;
            public OtherSdkCredentials(string key, string secret) { _key = key; _secret = secret; }
            public OtherSdkImmutable GetCredentials() { Interlocked.Increment(ref Calls); return new OtherSdkImmutable(_key, _secret, null); }
        }

        public sealed class OtherSdkImmutable
        {
            public OtherSdkImmutable(string accessKey, string secretKey, string? token) { AccessKey = accessKey; SecretKey = secretKey; Token = token; }
            public string AccessKey { get; }
            public string SecretKey { get; }
            public string? Token { get; }
        }

        [Fact]
        public async Task CredentialsObjectOfAnotherSdk()
        {
            await using EmulatorServer server = await StartAsync();
            var foreign = new OtherSdkCredentials(EmulatorCredentials.DefaultAccessKeyId, EmulatorCredentials.DefaultSecretAccessKey);
            using AwsSession session = AwsSession.Create(new AwsConnectionOptions { Credentials = foreign, EndpointUrl = server.Endpoint.ToString() });
            List<AgentListEntry> agents = await ToListAsync(session.GetDataSyncClient("us-east-1").ListAllAgentsAsync());
            Assert.Equal(Data(server, "us-east-1").Agents.Count, agents.Count);
            Assert.True(foreign.Calls >= 2, "asked at creation and before signing");

            CallerIdentity identity = await session.GetCallerIdentityAsync("us-east-1");
            Assert.Equal(EmulatorCredentials.DefaultAccountId, identity.Account);
        }

        [Fact]
        public async Task GetCallerIdentityThroughTheEmulatorsSts()
        {
            await using EmulatorServer server = await StartAsync();
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = AwsSession.Create(Connect(server, o => o.OnApiCall = records.Add));
            CallerIdentity identity = await session.GetCallerIdentityAsync("eu-west-1");
            Assert.Equal(EmulatorCredentials.DefaultAccountId, identity.Account);
            Assert.StartsWith("arn:aws:", identity.Arn);
            Assert.Equal("aws", identity.Partition);
            ApiCallRecord record = Assert.Single(records);
            Assert.Equal("sts", record.Service);
            Assert.Equal("GetCallerIdentity", record.Operation);
            Assert.True(record.Succeeded);
            Assert.Equal(1, record.Attempts);

            using AwsSession wrong = AwsSession.Create(Connect(server, o => o.SecretKey = "nope"));
            await Assert.ThrowsAnyAsync<DataSyncAuthenticationException>(() => wrong.GetCallerIdentityAsync("eu-west-1"));
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
