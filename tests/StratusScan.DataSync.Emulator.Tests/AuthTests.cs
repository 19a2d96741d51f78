using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StratusScan.DataSync.Emulator.Tests.Helpers;

namespace StratusScan.DataSync.Emulator.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task A_correctly_signed_call_succeeds_and_carries_a_request_id()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.DataSyncAsync("ListTasks");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(Guid.TryParse(response.Headers["x-amzn-requestid"], out _));
        Assert.Equal("application/x-amz-json-1.1", response.Headers["content-type"]);
    }

    [Fact]
    public async Task A_wrong_secret_gives_InvalidSignatureException()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.DataSyncAsync("ListTasks", secretOverride: "not-the-secret");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("InvalidSignatureException", response.ErrorCode);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided", response.Message, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(response.Headers["x-amzn-requestid"], out _));
    }

    [Fact]
    public async Task A_body_changed_after_signing_gives_InvalidSignatureException()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var http = new HttpClient();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var headers = new System.Collections.Generic.Dictionary<string, string>
        {
            ["content-type"] = "application/x-amz-json-1.1",
            ["host"] = $"127.0.0.1:{server.Endpoint.Port}",
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = "FmrsService.ListTasks",
        };
        string authorization = TestSigner.Authorization("POST", "/", "", headers, "{}"u8.ToArray(),
            EmulatorCredentials.DefaultAccessKeyId, EmulatorCredentials.DefaultSecretAccessKey, "us-east-1", "datasync", now);
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent("{\"MaxResults\":1}", Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        request.Headers.TryAddWithoutValidation("x-amz-target", "FmrsService.ListTasks");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task An_unknown_access_key_gives_UnrecognizedClientException()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint, "AKIANOTKNOWN00000000", "whatever");

        AwsResponse response = await client.DataSyncAsync("ListTasks");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("UnrecognizedClientException", response.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", response.Message);
    }

    [Fact]
    public async Task A_missing_signature_gives_MissingAuthenticationTokenException()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.DataSyncAsync("ListTasks", sign: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorCode);
    }

    [Fact]
    public async Task A_request_dated_over_15_minutes_ago_is_expired()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse stale = await client.DataSyncAsync("ListTasks", time: DateTimeOffset.UtcNow.AddMinutes(-16));
        AwsResponse recent = await client.DataSyncAsync("ListTasks", time: DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.Forbidden, stale.Status);
        Assert.Equal("InvalidSignatureException", stale.ErrorCode);
        Assert.StartsWith("Signature expired", stale.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, recent.Status);
    }

    [Fact]
    public async Task The_region_comes_from_the_credential_scope()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        string[] east = (await client.ListAllAsync("ListTasks", "Tasks", region: "us-east-1")).Select(t => t["TaskArn"]!.GetValue<string>()).ToArray();
        string[] west = (await client.ListAllAsync("ListTasks", "Tasks", region: "eu-west-1")).Select(t => t["TaskArn"]!.GetValue<string>()).ToArray();
        var nowhere = await client.ListAllAsync("ListTasks", "Tasks", region: "sa-east-1");

        Assert.NotEmpty(east);
        Assert.All(east, arn => Assert.Contains(":us-east-1:111122223333:", arn, StringComparison.Ordinal));
        Assert.All(west, arn => Assert.Contains(":eu-west-1:111122223333:", arn, StringComparison.Ordinal));
        Assert.Equal(server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "eu-west-1")!.Tasks.Select(t => t["TaskArn"]!.GetValue<string>()), west);
        Assert.Empty(nowhere);
    }

    [Fact]
    public async Task The_account_comes_from_the_access_key()
    {
        await using EmulatorServer server = await Emulators.StartAsync(o => o.Credentials.Add(new EmulatorCredential("AKIASECONDACCOUNT001", "second-secret", "444455556666")));
        using var client = new AwsTestClient(server.Endpoint, "AKIASECONDACCOUNT001", "second-secret");

        var tasks = await client.ListAllAsync("ListTasks", "Tasks");

        Assert.NotEmpty(tasks);
        Assert.Equal(server.Dataset.Find("444455556666", "us-east-1")!.Tasks.Select(t => t["TaskArn"]!.GetValue<string>()), tasks.Select(t => t["TaskArn"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Describing_another_regions_resource_is_not_found()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        string arn = server.Dataset.Find(EmulatorCredentials.DefaultAccountId, "us-east-1")!.Tasks.First()["TaskArn"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await client.DataSyncAsync("DescribeTask", new JsonObject { ["TaskArn"] = arn })).Status);
        AwsResponse elsewhere = await client.DataSyncAsync("DescribeTask", new JsonObject { ["TaskArn"] = arn }, region: "eu-west-1");
        Assert.Equal("InvalidRequestException", elsewhere.ErrorCode);
    }
}
