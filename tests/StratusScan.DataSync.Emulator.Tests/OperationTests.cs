using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Tests.Helpers;

namespace StratusScan.DataSync.Emulator.Tests;

public sealed class OperationTests
{
    [Fact]
    public async Task Describe_calls_return_the_stored_objects_with_epoch_second_times()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        RegionData data = server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "us-east-1")!;

        foreach (JsonObject task in data.Tasks)
        {
            JsonObject served = (await client.DataSyncAsync("DescribeTask", new JsonObject { ["TaskArn"] = task["TaskArn"]!.DeepClone() })).Json;
            Assert.True(JsonNode.DeepEquals(task, served), $"DescribeTask differs for {task["TaskArn"]}");
            Assert.Equal(JsonValueKind.Number, served["CreationTime"]!.GetValueKind());
        }

        foreach (JsonObject agent in data.Agents)
        {
            JsonObject served = (await client.DataSyncAsync("DescribeAgent", new JsonObject { ["AgentArn"] = agent["AgentArn"]!.DeepClone() })).Json;
            Assert.True(JsonNode.DeepEquals(agent, served));
        }

        JsonObject execution = data.Executions.First();
        JsonObject servedExecution = (await client.DataSyncAsync("DescribeTaskExecution", new JsonObject { ["TaskExecutionArn"] = execution["TaskExecutionArn"]!.DeepClone() })).Json;
        Assert.True(JsonNode.DeepEquals(execution, servedExecution));
        Assert.Equal(JsonValueKind.Number, servedExecution["StartTime"]!.GetValueKind());
    }

    [Fact]
    public async Task Each_location_is_described_by_the_operation_of_its_uri_scheme_and_rejected_by_the_others()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        RegionData data = server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "us-east-1")!;
        Assert.Equal(LocationTypes.All.Order(), data.Locations.Select(l => LocationTypes.FromUri(l["LocationUri"]!.GetValue<string>())!).Distinct().Order());

        foreach (JsonObject location in data.Locations)
        {
            string kind = LocationTypes.FromUri(location["LocationUri"]!.GetValue<string>())!;
            var request = new JsonObject { ["LocationArn"] = location["LocationArn"]!.DeepClone() };
            AwsResponse right = await client.DataSyncAsync("DescribeLocation" + kind, request);
            Assert.Equal(HttpStatusCode.OK, right.Status);
            Assert.True(JsonNode.DeepEquals(location, right.Json));

            string other = LocationTypes.All.First(k => k != kind);
            AwsResponse wrong = await client.DataSyncAsync("DescribeLocation" + other, request);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
            Assert.Equal("InvalidRequestException", wrong.ErrorCode);
        }
    }

    [Theory]
    [InlineData("DescribeTask", "TaskArn", "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0")]
    [InlineData("DescribeAgent", "AgentArn", "arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0")]
    [InlineData("DescribeLocationS3", "LocationArn", "arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0")]
    [InlineData("DescribeTaskExecution", "TaskExecutionArn", "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0")]
    [InlineData("ListTagsForResource", "ResourceArn", "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0")]
    [InlineData("ListTaskExecutions", "TaskArn", "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0")]
    public async Task A_well_formed_arn_of_nothing_is_InvalidRequestException(string operation, string member, string arn)
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.DataSyncAsync(operation, new JsonObject { [member] = arn });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidRequestException", response.ErrorCode);
        Assert.Equal("NotFound", response.Json["errorCode"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("DescribeTask", "{}", "Value null at 'taskArn'")]
    [InlineData("DescribeTask", "{\"TaskArn\":\"arn:aws:datasync:us-east-1:111122223333:task/nope\"}", "regular expression pattern")]
    [InlineData("DescribeLocationNfs", "{\"LocationArn\":\"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0-and-a-very-long-tail-that-breaks-the-128-character-limit-of-the-model\"}", "length less than or equal to 128")]
    [InlineData("ListTasks", "{\"Filters\":[{\"Name\":\"Colour\",\"Values\":[\"x\"],\"Operator\":\"Equals\"}]}", "enum value set")]
    public async Task Requests_the_model_rejects_are_InvalidRequestException(string operation, string body, string expected)
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.DataSyncAsync(operation, rawBody: Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidRequestException", response.ErrorCode);
        Assert.Contains(expected, response.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"MaxResults\":\"ten\"}")]
    [InlineData("{\"NextToken\":5}")]
    [InlineData("[1,2]")]
    [InlineData("{\"MaxResults\":")]
    public async Task Bodies_of_the_wrong_types_or_broken_json_are_SerializationException(string body)
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.DataSyncAsync("ListTasks", rawBody: Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("SerializationException", response.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_operation_is_UnknownOperationException()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.DataSyncAsync("DeleteTask", new JsonObject { ["TaskArn"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("UnknownOperationException", response.ErrorCode);
    }

    [Fact]
    public async Task Unknown_request_members_are_ignored_and_an_empty_body_is_an_empty_request()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListAgents", new JsonObject { ["SomeFutureMember"] = true })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListAgents", rawBody: [])).Status);
    }

    [Fact]
    public async Task Filters_of_ListLocations_and_ListTasks_select_entries()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        RegionData data = server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "us-east-1")!;

        var s3Filter = new JsonObject { ["Filters"] = new JsonArray(new JsonObject { ["Name"] = "LocationUri", ["Values"] = new JsonArray("s3://"), ["Operator"] = "BeginsWith" }) };
        var s3 = await client.ListAllAsync("ListLocations", "Locations", s3Filter);
        Assert.Equal(data.Locations.Count(l => l["LocationUri"]!.GetValue<string>().StartsWith("s3://", StringComparison.Ordinal)), s3.Count);
        Assert.NotEmpty(s3);

        string source = data.Tasks.First()["SourceLocationArn"]!.GetValue<string>();
        var byLocation = new JsonObject { ["Filters"] = new JsonArray(new JsonObject { ["Name"] = "LocationId", ["Values"] = new JsonArray(source), ["Operator"] = "Equals" }) };
        var tasks = await client.ListAllAsync("ListTasks", "Tasks", byLocation);
        Assert.Equal(
            data.Tasks.Where(t => t["SourceLocationArn"]!.GetValue<string>() == source || t["DestinationLocationArn"]!.GetValue<string>() == source).Select(t => t["TaskArn"]!.GetValue<string>()),
            tasks.Select(t => t["TaskArn"]!.GetValue<string>()));
    }
}
