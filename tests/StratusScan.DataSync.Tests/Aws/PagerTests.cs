using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;

namespace StratusScan.DataSync.Tests.Aws
{
    /// <summary>Each of the client's five listings goes through the one pager: every page, every item once, a
    /// repeated NextToken stopped with the listing's own operation name.</summary>
    public sealed class PagerTests
    {
        [Theory]
        [InlineData(DataSyncApi.ListTasks)]
        [InlineData(DataSyncApi.ListLocations)]
        [InlineData(DataSyncApi.ListAgents)]
        [InlineData(DataSyncApi.ListTaskExecutions)]
        [InlineData(DataSyncApi.ListTagsForResource)]
        public async Task AListingFollowsEveryPageAndStopsATokenLoop(string operation)
        {
            await using EmulatorServer server = await EmulatorIntegrationTests.StartAsync(o => o.PageSize = 2);
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = AwsSession.Create(EmulatorIntegrationTests.Connect(server, o => o.OnApiCall = records.Add));
            IDataSyncClient client = session.GetDataSyncClient("us-east-1");
            RegionData data = server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "us-east-1")!;
            string taskArn = Arns(data.Tasks.Snapshot(), "TaskArn").First();
            data.SetTags(taskArn, Enumerable.Range(1, 5).Select(i => new KeyValuePair<string, string>("key" + i, "value" + i)));

            (Func<Task<List<string?>>> list, IEnumerable<string> expected) = operation switch
            {
                DataSyncApi.ListTasks => (Keys(client.ListAllTasksAsync(), t => t.TaskArn), Arns(data.Tasks.Snapshot(), "TaskArn")),
                DataSyncApi.ListLocations => (Keys(client.ListAllLocationsAsync(), l => l.LocationArn), Arns(data.Locations.Snapshot(), "LocationArn")),
                DataSyncApi.ListAgents => (Keys(client.ListAllAgentsAsync(), a => a.AgentArn), Arns(data.Agents.Snapshot(), "AgentArn")),
                DataSyncApi.ListTaskExecutions => (Keys(client.ListAllTaskExecutionsAsync(null), e => e.TaskExecutionArn),
                    Arns(data.Executions.Snapshot(), "TaskExecutionArn")),
                _ => (Keys(client.ListAllTagsForResourceAsync(taskArn), t => t.Key), Enumerable.Range(1, 5).Select(i => "key" + i)),
            };

            List<string?> items = await list();
            Assert.Equal(expected.OrderBy(a => a, StringComparer.Ordinal), items.OrderBy(a => a, StringComparer.Ordinal));
            Assert.True(items.Count > 2, "the dataset is too small to need pages");
            Assert.True(records.Count(r => r.Operation == operation) >= (items.Count + 1) / 2, "pages of 2: " + records.Count);

            server.Options.TokenLoopOperations.Add("us-east-1:" + operation);
            var loop = await Assert.ThrowsAsync<DataSyncPaginationException>(() => list());
            Assert.Equal(operation, loop.Operation);
            Assert.Equal("us-east-1", loop.Region);
            Assert.Equal(2, loop.Pages);
        }

        private static IEnumerable<string> Arns(IEnumerable<JsonObject> resources, string member) =>
            resources.Select(r => r[member]!.GetValue<string>()).ToList();

        /// <summary>A listing to run (each call enumerates it afresh), as the key of each item.</summary>
        private static Func<Task<List<string?>>> Keys<T>(IAsyncEnumerable<T> listing, Func<T, string?> key) =>
            async () =>
            {
                var keys = new List<string?>();
                await foreach (T item in listing) keys.Add(key(item));
                return keys;
            };
    }
}
