using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml.Linq;
using StratusScan.DataSync.Emulator.Tests.Helpers;

namespace StratusScan.DataSync.Emulator.Tests;

/// <summary>What an organisation-wide scan needs of the emulator: denied accounts, the sessions it issued, per-account and in-flight counters.</summary>
public sealed class AccountTests
{
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    private static async Task<AwsTestClient> AssumeAsync(AwsTestClient caller, Uri endpoint, string roleArn, string sessionName, string? externalId = null)
    {
        var parameters = new Dictionary<string, string> { ["RoleArn"] = roleArn, ["RoleSessionName"] = sessionName };
        if (externalId != null) parameters["ExternalId"] = externalId;
        AwsResponse response = await caller.StsAsync("AssumeRole", parameters);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        XElement credentials = response.Xml.Descendants(Sts + "Credentials").Single();
        return new AwsTestClient(endpoint, credentials.Element(Sts + "AccessKeyId")!.Value, credentials.Element(Sts + "SecretAccessKey")!.Value,
            credentials.Element(Sts + "SessionToken")!.Value);
    }

    [Fact]
    public async Task A_denied_account_gets_AccessDenied_on_every_DataSync_call_while_STS_and_other_accounts_answer()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.DeniedAccounts.Add("444455556666"));
        using var caller = new AwsTestClient(server.Endpoint);
        using AwsTestClient member = await AssumeAsync(caller, server.Endpoint, "arn:aws:iam::444455556666:role/StratusScanReadOnly", "deny-test");

        AwsResponse denied = await member.DataSyncAsync("ListTasks", region: "eu-west-1");
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.Equal("User: arn:aws:sts::444455556666:assumed-role/StratusScanReadOnly/deny-test is not authorized to perform: datasync:ListTasks", denied.Message);
        Assert.Equal("AccessDeniedException", (await member.DataSyncAsync("ListAgents", region: "us-east-1")).ErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await member.StsAsync("GetCallerIdentity")).Status);
        Assert.Equal(HttpStatusCode.OK, (await caller.DataSyncAsync("ListTasks", region: "eu-west-1")).Status);

        server.Options.DeniedAccounts.Clear();
        Assert.Equal(HttpStatusCode.OK, (await member.DataSyncAsync("ListTasks", region: "eu-west-1")).Status);
    }

    [Fact]
    public void The_command_line_takes_deny_account_lists()
    {
        EmulatorOptions options = CommandLine.Parse(["--deny-account", "444455556666,777788889999", "--deny-account", "210001234567"]).Options;
        Assert.Equal(new[] { "210001234567", "444455556666", "777788889999" }, options.DeniedAccounts.OrderBy(a => a, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_sessions_endpoint_lists_each_issued_session_with_the_ExternalId_sent_and_its_credentials()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var caller = new AwsTestClient(server.Endpoint);
        using AwsTestClient plain = await AssumeAsync(caller, server.Endpoint, "arn:aws:iam::444455556666:role/StratusScanReadOnly", "first");
        using AwsTestClient external = await AssumeAsync(caller, server.Endpoint, "arn:aws:iam::444455556666:role/StratusScanExternal", "second", "stratusscan-external-id");

        using var http = new HttpClient();
        JsonArray sessions = JsonNode.Parse(await http.GetStringAsync(new Uri(server.Endpoint, "/__emulator/sessions")))!.AsArray();

        Assert.Equal(2, sessions.Count);
        Assert.Equal("StratusScanReadOnly", (string?)sessions[0]!["RoleName"]);
        Assert.Equal("first", (string?)sessions[0]!["RoleSessionName"]);
        Assert.Null(sessions[0]!["ExternalId"]);
        Assert.Equal("StratusScanExternal", (string?)sessions[1]!["RoleName"]);
        Assert.Equal("stratusscan-external-id", (string?)sessions[1]!["ExternalId"]);
        Assert.Equal("444455556666", (string?)sessions[1]!["AccountId"]);
        Assert.Matches("^ASIA[A-Z2-7]{16}$", (string?)sessions[1]!["AccessKeyId"]);
        Assert.Equal(40, ((string?)sessions[1]!["SecretAccessKey"])!.Length);
        Assert.StartsWith("IQoJ", (string?)sessions[1]!["SessionToken"], StringComparison.Ordinal);

        // The listed credentials are the ones that work.
        using var replay = new AwsTestClient(server.Endpoint, (string)sessions[1]!["AccessKeyId"]!, (string)sessions[1]!["SecretAccessKey"]!, (string)sessions[1]!["SessionToken"]!);
        Assert.Equal(HttpStatusCode.OK, (await replay.DataSyncAsync("ListTasks")).Status);
    }

    [Fact]
    public async Task Stats_count_calls_per_account_and_the_peak_of_calls_in_flight()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(150));
        using var caller = new AwsTestClient(server.Endpoint);
        using AwsTestClient member = await AssumeAsync(caller, server.Endpoint, "arn:aws:iam::444455556666:role/StratusScanReadOnly", "stats");
        server.Stats.Reset();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => member.DataSyncAsync("ListAgents")));
        await caller.DataSyncAsync("ListAgents");

        Assert.Equal(5, server.Stats.CallsInAccount("444455556666"));
        Assert.Equal(1, server.Stats.CallsInAccount("111122223333"));
        Assert.Equal(5, server.Stats.PeakInFlight);
        JsonObject json = server.Stats.Snapshot().ToJson();
        Assert.Equal(5, (long)json["PeakInFlight"]!);
        Assert.Equal(5, (long)json["CallsByAccount"]!["444455556666"]!);

        server.Stats.Reset();
        Assert.Equal(0, server.Stats.PeakInFlight);
        Assert.Equal(0, server.Stats.CallsInAccount("444455556666"));
    }
}
