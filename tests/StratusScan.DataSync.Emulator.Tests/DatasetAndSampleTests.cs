using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Tests.Helpers;

namespace StratusScan.DataSync.Emulator.Tests;

public sealed class DatasetAndSampleTests
{
    [Fact]
    public async Task The_sample_starts_in_process_with_every_location_type_in_three_regions()
    {
        await using EmulatorServer server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = new AwsTestClient(server.Endpoint);

        Assert.Equal("127.0.0.1", server.Endpoint.Host);
        Assert.Equal(["eu-west-1", "us-east-1", "us-west-2"], server.Dataset.AllRegions().Select(r => r.Region).Order());
        foreach (string region in new[] { "us-east-1", "us-west-2", "eu-west-1" })
        {
            var locations = await client.ListAllAsync("ListLocations", "Locations", region: region);
            Assert.Equal(LocationTypes.All.Order(), locations.Select(l => LocationTypes.FromUri(l["LocationUri"]!.GetValue<string>())!).Distinct().Order());
            Assert.NotEmpty(await client.ListAllAsync("ListTasks", "Tasks", region: region));
            Assert.NotEmpty(await client.ListAllAsync("ListAgents", "Agents", region: region));
        }
    }

    [Fact]
    public void The_sample_is_stable_apart_from_its_clock()
    {
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(EmulatorDataset.CreateSample(now).ToJson(), EmulatorDataset.CreateSample(now).ToJson());
    }

    [Fact]
    public async Task A_written_dataset_loads_back_identically_and_is_served_from_a_file()
    {
        EmulatorDataset original = EmulatorDataset.Generate(new DatasetSpec { Regions = ["us-east-2"], Accounts = 2, TasksPerRegion = 3, ExecutionsPerTask = 2, Seed = 5 });
        string path = Path.Combine(Path.GetTempPath(), $"emulator-dataset-{Guid.NewGuid():N}.json");
        try
        {
            original.Save(path);
            EmulatorDataset loaded = EmulatorDataset.Load(path);
            Assert.Equal(original.ToJson(), loaded.ToJson());
            Assert.Equal(3, loaded.FindAccount("444455556666")!.Roles.Count);

            await using EmulatorServer server = await EmulatorServer.StartAsync(new EmulatorOptions { DatasetPath = path });
            using var client = new AwsTestClient(server.Endpoint);
            var tasks = await client.ListAllAsync("ListTasks", "Tasks", region: "us-east-2");
            Assert.Equal(original.Find("111122223333", "us-east-2")!.Tasks.Select(t => t["TaskArn"]!.GetValue<string>()), tasks.Select(t => t["TaskArn"]!.GetValue<string>()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_hand_written_dataset_may_use_iso_times_and_adds_credentials()
    {
        const string json = """
            {
              "Accounts": [{
                "AccountId": "123456789012",
                "Regions": [{
                  "Region": "ap-south-1",
                  "Tasks": [{ "TaskArn": "arn:aws:datasync:ap-south-1:123456789012:task/task-0123456789abcdef0", "Status": "AVAILABLE", "Name": "hand made", "CreationTime": "2024-03-01T10:00:00Z" }],
                  "Locations": [{ "LocationArn": "arn:aws:datasync:ap-south-1:123456789012:location/loc-0123456789abcdef0", "LocationUri": "nfs://filer/export/", "CreationTime": 1700000000.5 }],
                  "Tags": { "arn:aws:datasync:ap-south-1:123456789012:task/task-0123456789abcdef0": [ { "Key": "Name", "Value": "from tags" } ] }
                }]
              }],
              "Credentials": [{ "AccessKeyId": "AKIAHANDMADE00000001", "SecretAccessKey": "hand-secret", "AccountId": "123456789012" }]
            }
            """;
        EmulatorDataset dataset = EmulatorDataset.Parse(json);
        await using EmulatorServer server = await EmulatorServer.StartAsync(new EmulatorOptions { Dataset = dataset });
        using var client = new AwsTestClient(server.Endpoint, "AKIAHANDMADE00000001", "hand-secret");

        JsonObject task = (await client.DataSyncAsync("DescribeTask", new JsonObject { ["TaskArn"] = "arn:aws:datasync:ap-south-1:123456789012:task/task-0123456789abcdef0" }, region: "ap-south-1")).Json;
        JsonObject location = (await client.DataSyncAsync("DescribeLocationNfs", new JsonObject { ["LocationArn"] = "arn:aws:datasync:ap-south-1:123456789012:location/loc-0123456789abcdef0" }, region: "ap-south-1")).Json;
        JsonObject tags = (await client.DataSyncAsync("ListTagsForResource", new JsonObject { ["ResourceArn"] = "arn:aws:datasync:ap-south-1:123456789012:task/task-0123456789abcdef0" }, region: "ap-south-1")).Json;

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), task["CreationTime"]!.GetValue<long>());
        Assert.Equal(1700000000.5, location["CreationTime"]!.GetValue<double>());
        Assert.Equal("from tags", tags["Tags"]![0]!["Value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"Accounts":[{"AccountId":"12","Regions":[]}]}""", "12 digits")]
    [InlineData("""{"Accounts":[{"AccountId":"123456789012","Regions":[{"Region":"us-east-1","Locations":[{"LocationArn":"arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0","LocationUri":"ftp://x/"}]}]}]}""", "scheme")]
    [InlineData("""{"Accounts":[{"AccountId":"123456789012","Regions":[{"Region":"us-east-1","Tasks":[{"TaskArn":"arn:aws:datasync:eu-west-1:123456789012:task/task-0123456789abcdef0"}]}]}]}""", "another region")]
    [InlineData("""{"Accounts":[{"AccountId":"123456789012","Regions":[{"Region":"us-east-1","Agents":[{"Name":"no arn"}]}]}]}""", "AgentArn")]
    [InlineData("""[1]""", "JSON object")]
    public void An_invalid_dataset_is_rejected_with_a_clear_message(string json, string expected)
    {
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => EmulatorDataset.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_sets_every_option()
    {
        CommandLine line = CommandLine.Parse([
            "--generate", "regions=us-east-1;eu-west-1,accounts=2,tasks=4,locations=1,agents=2,executions=3,days=10,seed=9",
            "--port", "5050", "--page-size", "7", "--latency-ms", "25", "--rate-limit", "2.5", "--rate-burst", "4",
            "--throttle-rate", "0.1", "--error-rate", "0.2", "--malformed-rate", "0.3", "--deny-region", "eu-west-1,us-west-2",
            "--deny-operation", "us-east-1:ListTasks", "--disable-region", "ap-east-1", "--seed", "11",
            "--credential", "AKIAOTHER00000000001:secret:444455556666", "--write-dataset", "out.json",
            "--latency-spike-ms", "900", "--latency-spike-rate", "0.05", "--error-burst", "6", "--drop-rate", "0.04",
            "--token-loop", "ListAgents,eu-west-1:ListTasks",
        ]);
        EmulatorOptions o = line.Options;

        Assert.Equal(["us-east-1", "eu-west-1"], o.Generate!.Regions);
        Assert.Equal((2, 4, 1, 2, 3, 10, 9), (o.Generate.Accounts, o.Generate.TasksPerRegion, o.Generate.LocationsPerTypePerRegion, o.Generate.AgentsPerRegion, o.Generate.ExecutionsPerTask, o.Generate.DaysOfHistory, o.Generate.Seed!.Value));
        Assert.Equal((5050, 7, TimeSpan.FromMilliseconds(25), 2.5, 4), (o.Port, o.PageSize, o.Latency, o.RateLimitPerSecond, o.RateLimitBurst));
        Assert.Equal((0.1, 0.2, 0.3, 11), (o.ThrottleRate, o.ServerErrorRate, o.MalformedRate, o.Seed));
        Assert.True(o.DeniedRegions.SetEquals(["eu-west-1", "us-west-2"]));
        Assert.Contains("us-east-1:ListTasks", o.DeniedOperations);
        Assert.Contains("ap-east-1", o.DisabledRegions);
        Assert.Equal("444455556666", o.Credentials.Single().AccountId);
        Assert.Equal("out.json", line.WriteDatasetPath);
        Assert.Equal((TimeSpan.FromMilliseconds(900), 0.05, 6, 0.04), (o.LatencySpike, o.LatencySpikeRate, o.ServerErrorBurst, o.DropConnectionRate));
        Assert.True(o.TokenLoopOperations.SetEquals(["ListAgents", "eu-west-1:ListTasks"]));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--error-burst", "0"]));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--throttle-rate", "2"]));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--bogus"]));
    }

    [Fact]
    public async Task The_admin_health_endpoint_needs_no_signature()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var http = new System.Net.Http.HttpClient();
        using var response = await http.GetAsync(new Uri(server.Endpoint, "__emulator/health"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ok", (string?)health["status"]);
        Assert.Equal(new[] { "111122223333", "444455556666" }, health["accounts"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(new[] { "eu-west-1", "us-east-1" }, health["regions"]!.AsArray().Select(a => (string?)a));
    }
}
