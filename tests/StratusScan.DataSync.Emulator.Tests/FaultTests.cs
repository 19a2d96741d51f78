using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StratusScan.DataSync.Emulator.Tests.Helpers;

namespace StratusScan.DataSync.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task The_rate_limit_throttles_beyond_the_burst_per_account_and_region()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o =>
        {
            o.RateLimitPerSecond = 0.01;
            o.RateLimitBurst = 3;
        });
        using var client = new AwsTestClient(server.Endpoint);

        HttpStatusCode[] east = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.DataSyncAsync("ListAgents")).Select(async t => (await t).Status));
        AwsResponse fourth = await client.DataSyncAsync("ListAgents");
        AwsResponse otherRegion = await client.DataSyncAsync("ListAgents", region: "eu-west-1");

        Assert.All(east, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.BadRequest, fourth.Status);
        Assert.Equal("ThrottlingException", fourth.ErrorCode);
        Assert.Equal("Rate exceeded", fourth.Message);
        Assert.Equal(HttpStatusCode.OK, otherRegion.Status);
        Assert.Equal(1, server.Stats.Throttles);

        server.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListAgents")).Status);
    }

    [Fact]
    public async Task The_rate_limit_refills_over_time()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o =>
        {
            o.RateLimitPerSecond = 2;
            o.RateLimitBurst = 1;
        });
        using var client = new AwsTestClient(server.Endpoint);

        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListAgents")).Status);
        Assert.Equal("ThrottlingException", (await client.DataSyncAsync("ListAgents")).ErrorCode);
        await Task.Delay(700);
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListAgents")).Status);
    }

    [Fact]
    public async Task The_throttle_rate_throttles_about_that_fraction_repeatably()
    {
        int[] throttled = new int[2];
        for (int run = 0; run < 2; run++)
        {
            await using EmulatorServer server = await Emulators.StartAsync(o => o.ThrottleRate = 0.5);
            using var client = new AwsTestClient(server.Endpoint);
            for (int i = 0; i < 60; i++)
            {
                AwsResponse response = await client.DataSyncAsync("ListAgents");
                if (response.ErrorCode == "ThrottlingException") throttled[run]++;
                else Assert.Equal(HttpStatusCode.OK, response.Status);
            }

            Assert.Equal(throttled[run], server.Stats.Throttles);
        }

        Assert.InRange(throttled[0], 15, 45);
        Assert.Equal(throttled[0], throttled[1]);
    }

    [Fact]
    public async Task The_server_error_rate_gives_500_InternalException_or_503()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.ServerErrorRate = 1);
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse[] responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.DataSyncAsync("ListTasks")));

        Assert.All(responses, r => Assert.True(
            (r.Status == HttpStatusCode.InternalServerError && r.ErrorCode == "InternalException")
            || (r.Status == HttpStatusCode.ServiceUnavailable && r.ErrorCode == "ServiceUnavailableException"), r.Body));
        Assert.Contains(responses, r => r.Status == HttpStatusCode.InternalServerError);
        Assert.Contains(responses, r => r.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(20, server.Stats.ServerErrors);

        server.Options.ServerErrorRate = 0;
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListTasks")).Status);
    }

    [Fact]
    public async Task A_denied_region_denies_every_call_there_with_the_iam_message()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        server.Options.DeniedRegions.Add("eu-west-1");
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse denied = await client.DataSyncAsync("ListLocations", region: "eu-west-1");

        Assert.Equal(HttpStatusCode.BadRequest, denied.Status);
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.Equal("User: arn:aws:iam::111122223333:user/emulator is not authorized to perform: datasync:ListLocations", denied.Message);
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListLocations", region: "us-east-1")).Status);
    }

    [Fact]
    public async Task A_denied_operation_is_denied_everywhere_or_in_its_region_and_can_be_changed_at_run_time()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListAgents")).Status);

        server.Options.DeniedOperations.Add("ListAgents");
        server.Options.DeniedOperations.Add("us-east-1:ListTasks");

        Assert.Equal("AccessDeniedException", (await client.DataSyncAsync("ListAgents", region: "us-east-1")).ErrorCode);
        Assert.Equal("AccessDeniedException", (await client.DataSyncAsync("ListAgents", region: "eu-west-1")).ErrorCode);
        Assert.Equal("AccessDeniedException", (await client.DataSyncAsync("ListTasks", region: "us-east-1")).ErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListTasks", region: "eu-west-1")).Status);

        server.Options.DeniedOperations.Clear();
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListAgents")).Status);
    }

    [Fact]
    public async Task A_disabled_region_gives_UnrecognizedClientException()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.DisabledRegions.Add("eu-west-1"));
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.DataSyncAsync("ListTasks", region: "eu-west-1");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("UnrecognizedClientException", response.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", response.Message);
        Assert.Equal("InvalidClientTokenId", (await client.StsAsync("GetCallerIdentity", region: "eu-west-1")).ErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListTasks", region: "us-east-1")).Status);
    }

    [Fact]
    public async Task The_malformed_rate_sends_invalid_or_truncated_json()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.MalformedRate = 1);
        using var client = new AwsTestClient(server.Endpoint);
        int invalid = 0, truncated = 0;

        for (int i = 0; i < 16; i++)
        {
            try
            {
                AwsResponse response = await client.DataSyncAsync("ListLocations");
                Assert.Equal(HttpStatusCode.OK, response.Status);
                Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(response.Body));
                invalid++;
            }
            catch (HttpRequestException)
            {
                truncated++;
            }
        }

        Assert.True(invalid > 0 && truncated > 0, $"invalid {invalid}, truncated {truncated}");
        Assert.Equal(16, server.Stats.MalformedResponses);
    }

    [Fact]
    public async Task Latency_delays_each_call()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(300));
        using var client = new AwsTestClient(server.Endpoint);

        var watch = Stopwatch.StartNew();
        AwsResponse response = await client.DataSyncAsync("ListAgents");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_latency_spike_delays_only_the_calls_picked()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o =>
        {
            o.LatencySpike = TimeSpan.FromMilliseconds(400);
            o.LatencySpikeRate = 1;
        });
        using var client = new AwsTestClient(server.Endpoint);

        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListAgents")).Status);
        Assert.True(watch.ElapsedMilliseconds >= 390, $"{watch.ElapsedMilliseconds} ms");

        server.Options.LatencySpikeRate = 0.25;
        int slow = 0;
        for (int i = 0; i < 12; i++)
        {
            watch.Restart();
            Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListAgents")).Status);
            if (watch.ElapsedMilliseconds >= 390) slow++;
        }

        Assert.InRange(slow, 1, 8);
    }

    [Fact]
    public async Task A_server_error_starts_a_burst_of_consecutive_5xx()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o =>
        {
            o.ServerErrorRate = 1;
            o.ServerErrorBurst = 4;
        });
        using var client = new AwsTestClient(server.Endpoint);

        Assert.True((int)(await client.DataSyncAsync("ListTasks")).Status >= 500);
        server.Options.ServerErrorRate = 1e-9; // no new burst starts; the one under way goes on
        for (int i = 0; i < 3; i++)
        {
            AwsResponse response = await client.DataSyncAsync("ListTasks");
            Assert.True(response.ErrorCode is "InternalException" or "ServiceUnavailableException", response.Body);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListTasks")).Status);
        Assert.Equal(4, server.Stats.ServerErrors);

        server.Options.ServerErrorRate = 1;
        Assert.True((int)(await client.DataSyncAsync("ListTasks")).Status >= 500);
        server.Options.ServerErrorRate = 0; // turning errors off ends the burst at once
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListTasks")).Status);
    }

    [Fact]
    public async Task The_drop_rate_aborts_the_connection_without_an_answer()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.DropConnectionRate = 1);
        using var client = new AwsTestClient(server.Endpoint);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.DataSyncAsync("ListTasks"));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.DataSyncAsync("DescribeAgent", new JsonObject { ["AgentArn"] = (string)server.Dataset.Find("111122223333", "us-east-1")!.Agents.First()["AgentArn"]! }));
        Assert.Equal(2, server.Stats.DroppedConnections);
        Assert.Equal(2, server.Stats.Snapshot().DroppedConnections);

        server.Options.DropConnectionRate = 0;
        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("ListTasks")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.StsAsync("GetCallerIdentity")).Status);
    }

    [Fact]
    public async Task A_token_loop_returns_the_NextToken_it_was_sent()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.TokenLoopOperations.Add("us-east-1:ListTasks"));
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse first = await client.DataSyncAsync("ListTasks");
        string token = JsonNode.Parse(first.Body)!["NextToken"]!.GetValue<string>();
        string[] firstPage = TaskArns(first);
        AwsResponse second = await client.DataSyncAsync("ListTasks", new JsonObject { ["NextToken"] = token });
        AwsResponse third = await client.DataSyncAsync("ListTasks", new JsonObject { ["NextToken"] = token });

        Assert.Equal(token, JsonNode.Parse(second.Body)!["NextToken"]!.GetValue<string>());
        Assert.Equal(token, JsonNode.Parse(third.Body)!["NextToken"]!.GetValue<string>());
        Assert.Equal(TaskArns(second), TaskArns(third));
        Assert.Empty(firstPage.Intersect(TaskArns(second)));

        // Another Region, and another operation, page normally.
        List<JsonObject> all = await client.ListAllAsync("ListTasks", "Tasks", region: "eu-west-1");
        Assert.Equal(server.Dataset.Find("111122223333", "eu-west-1")!.Tasks.Count, all.Count);
        Assert.Equal(server.Dataset.Find("111122223333", "us-east-1")!.Agents.Count, (await client.ListAllAsync("ListAgents", "Agents")).Count);

        static string[] TaskArns(AwsResponse r) => JsonNode.Parse(r.Body)!["Tasks"]!.AsArray().Select(t => t!["TaskArn"]!.GetValue<string>()).ToArray();
    }

    [Fact]
    public async Task Stats_count_calls_per_operation_and_region_and_errors_and_reset()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.DeniedOperations.Add("ListAgents"));
        using var client = new AwsTestClient(server.Endpoint);
        using var http = new HttpClient();

        for (int i = 0; i < 3; i++) await client.DataSyncAsync("ListTasks");
        await client.DataSyncAsync("ListTasks", region: "eu-west-1");
        await client.DataSyncAsync("ListAgents");
        await client.StsAsync("GetCallerIdentity");

        Assert.Equal(3, server.Stats.GetCalls("ListTasks", "us-east-1"));
        Assert.Equal(4, server.Stats.GetCalls("ListTasks"));
        Assert.Equal(1, server.Stats.GetCalls("GetCallerIdentity"));
        Assert.Equal(6, server.Stats.TotalCalls);
        Assert.Equal(1, server.Stats.ErrorsServed);
        EmulatorStatsSnapshot snapshot = server.Stats.Snapshot();
        Assert.Equal(1, snapshot.ErrorsByCode["AccessDeniedException"]);
        Assert.Equal(1, snapshot.CallsByOperationAndRegion["ListTasks"]["eu-west-1"]);

        JsonObject json = JsonNode.Parse(await http.GetStringAsync(new Uri(server.Endpoint, "__emulator/stats")))!.AsObject();
        Assert.Equal(3, json["Calls"]!["ListTasks"]!["us-east-1"]!.GetValue<long>());
        Assert.Equal(1, json["Errors"]!["AccessDeniedException"]!.GetValue<long>());

        using HttpResponseMessage reset = await http.PostAsync(new Uri(server.Endpoint, "__emulator/reset"), null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, server.Stats.TotalCalls);
        Assert.Equal(0, server.Stats.ErrorsServed);
    }
}
