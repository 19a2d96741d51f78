using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Tests.Helpers;

namespace StratusScan.DataSync.Emulator.Tests;

public sealed class PaginationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    public async Task Every_list_pages_to_the_end_without_loss_or_duplicates(int? maxResults)
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        RegionData data = server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "us-east-1")!;

        await AssertSameArns(client, "ListTasks", "Tasks", "TaskArn", data.Tasks, maxResults);
        await AssertSameArns(client, "ListLocations", "Locations", "LocationArn", data.Locations, maxResults);
        await AssertSameArns(client, "ListAgents", "Agents", "AgentArn", data.Agents, maxResults);
        await AssertSameArns(client, "ListTaskExecutions", "TaskExecutions", "TaskExecutionArn", data.Executions, maxResults);

        JsonObject task = data.Tasks.First(t => data.ExecutionsOf(t["TaskArn"]!.GetValue<string>()).Count > 0);
        string taskArn = task["TaskArn"]!.GetValue<string>();
        List<JsonObject> ofTask = await client.ListAllAsync("ListTaskExecutions", "TaskExecutions", new JsonObject { ["TaskArn"] = taskArn }, maxResults: maxResults);
        Assert.Equal(data.ExecutionsOf(taskArn).Select(e => e["TaskExecutionArn"]!.GetValue<string>()), ofTask.Select(e => e["TaskExecutionArn"]!.GetValue<string>()));
    }

    [Fact]
    public async Task List_entries_hold_exactly_the_model_members_taken_from_the_describe_output()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        RegionData data = server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "us-east-1")!;

        foreach (JsonObject entry in await client.ListAllAsync("ListTasks", "Tasks"))
        {
            JsonObject task = data.Tasks.Find(entry["TaskArn"]!.GetValue<string>())!;
            Assert.All(entry, m => Assert.Contains(m.Key, new[] { "TaskArn", "Status", "Name", "TaskMode" }));
            Assert.Equal(task["Status"]!.GetValue<string>(), entry["Status"]!.GetValue<string>());
            Assert.Equal(task["Name"]?.GetValue<string>(), entry["Name"]?.GetValue<string>());
            Assert.Equal(task["TaskMode"]!.GetValue<string>(), entry["TaskMode"]!.GetValue<string>());
        }

        foreach (JsonObject entry in await client.ListAllAsync("ListAgents", "Agents"))
        {
            JsonObject agent = data.Agents.Find(entry["AgentArn"]!.GetValue<string>())!;
            Assert.All(entry, m => Assert.Contains(m.Key, new[] { "AgentArn", "Name", "Status", "Platform" }));
            Assert.True(JsonNode.DeepEquals(agent["Platform"], entry["Platform"]));
        }

        foreach (JsonObject entry in await client.ListAllAsync("ListLocations", "Locations"))
        {
            Assert.Equal(["LocationArn", "LocationUri"], entry.Select(m => m.Key).ToArray());
            Assert.Equal(data.Locations.Find(entry["LocationArn"]!.GetValue<string>())!["LocationUri"]!.GetValue<string>(), entry["LocationUri"]!.GetValue<string>());
        }

        foreach (JsonObject entry in await client.ListAllAsync("ListTaskExecutions", "TaskExecutions"))
        {
            Assert.Equal(["TaskExecutionArn", "Status", "TaskMode"], entry.Select(m => m.Key).ToArray());
        }
    }

    [Fact]
    public async Task Page_size_is_the_smaller_of_MaxResults_and_the_server_page_size()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.PageSize = 4);
        using var client = new AwsTestClient(server.Endpoint);
        Assert.True(server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "us-east-1")!.Locations.Count > 4);

        JsonObject page = (await client.DataSyncAsync("ListLocations", new JsonObject { ["MaxResults"] = 100 })).Json;
        Assert.Equal(4, page["Locations"]!.AsArray().Count);
        Assert.NotNull(page["NextToken"]);

        page = (await client.DataSyncAsync("ListLocations", new JsonObject { ["MaxResults"] = 2 })).Json;
        Assert.Equal(2, page["Locations"]!.AsArray().Count);

        server.Options.PageSize = 0;
        page = (await client.DataSyncAsync("ListLocations", new JsonObject())).Json;
        Assert.Equal(server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "us-east-1")!.Locations.Count, page["Locations"]!.AsArray().Count);
        Assert.Null(page["NextToken"]);
    }

    [Fact]
    public async Task Tags_page_like_every_other_list()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.PageSize = 2);
        using var client = new AwsTestClient(server.Endpoint);
        RegionData data = server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "us-east-1")!;
        string arn = data.Tasks.First()["TaskArn"]!.GetValue<string>();
        data.SetTags(arn, Enumerable.Range(0, 7).Select(i => new KeyValuePair<string, string>($"k{i}", $"v{i}")));

        List<JsonObject> tags = await client.ListAllAsync("ListTagsForResource", "Tags", new JsonObject { ["ResourceArn"] = arn });

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"k{i}=v{i}"), tags.Select(t => $"{t["Key"]}={t["Value"]}"));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    public async Task MaxResults_outside_0_to_100_is_rejected(int maxResults)
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.DataSyncAsync("ListTasks", new JsonObject { ["MaxResults"] = maxResults });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidRequestException", response.ErrorCode);
        Assert.Contains("maxResults", response.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidRequestException", response.Headers["x-amzn-errortype"]);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("AAAAAQAAAAAAAAAAAAAAAA==")]
    [InlineData("not a token!")]
    public async Task A_made_up_NextToken_is_rejected(string token)
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.DataSyncAsync("ListTasks", new JsonObject { ["NextToken"] = token });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidRequestException", response.ErrorCode);
    }

    [Fact]
    public async Task A_NextToken_from_another_list_or_region_is_rejected()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        string token = (await client.DataSyncAsync("ListTasks")).Json["NextToken"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListTasks", new JsonObject { ["NextToken"] = token })).Status);
        Assert.Equal("InvalidRequestException", (await client.DataSyncAsync("ListLocations", new JsonObject { ["NextToken"] = token })).ErrorCode);
        Assert.Equal("InvalidRequestException", (await client.DataSyncAsync("ListTasks", new JsonObject { ["NextToken"] = token }, region: "eu-west-1")).ErrorCode);
    }

    private static async Task AssertSameArns(AwsTestClient client, string operation, string member, string arnMember, ResourceCollection expected, int? maxResults)
    {
        List<JsonObject> listed = await client.ListAllAsync(operation, member, maxResults: maxResults);
        string[] arns = listed.Select(e => e[arnMember]!.GetValue<string>()).ToArray();
        Assert.Equal(arns.Length, arns.Distinct().Count());
        Assert.Equal(expected.Select(e => e[arnMember]!.GetValue<string>()), arns);
        Assert.NotEmpty(arns);
    }
}
