using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Xml.Linq;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Tests.Helpers;

namespace StratusScan.DataSync.Emulator.Tests;

public sealed class StsTests
{
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetCallerIdentity_answers_in_the_sts_xml_shape(bool useGet)
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.StsAsync("GetCallerIdentity", useGet: useGet);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        XElement root = response.Xml;
        Assert.Equal(Sts + "GetCallerIdentityResponse", root.Name);
        XElement result = root.Element(Sts + "GetCallerIdentityResult")!;
        Assert.Equal("arn:aws:iam::111122223333:user/emulator", result.Element(Sts + "Arn")!.Value);
        Assert.Equal("111122223333", result.Element(Sts + "Account")!.Value);
        Assert.StartsWith("AIDA", result.Element(Sts + "UserId")!.Value, StringComparison.Ordinal);
        Assert.Equal(response.Headers["x-amzn-requestid"], root.Element(Sts + "ResponseMetadata")!.Element(Sts + "RequestId")!.Value);
    }

    [Fact]
    public async Task AssumeRole_for_a_trusted_caller_issues_credentials_that_sign_datasync_calls_in_the_role_account()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse response = await client.StsAsync("AssumeRole", new Dictionary<string, string>
        {
            ["RoleArn"] = "arn:aws:iam::444455556666:role/StratusScanReadOnly",
            ["RoleSessionName"] = "inventory-run",
            ["DurationSeconds"] = "900",
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        XElement result = response.Xml.Element(Sts + "AssumeRoleResult")!;
        XElement credentials = result.Element(Sts + "Credentials")!;
        string accessKey = credentials.Element(Sts + "AccessKeyId")!.Value;
        Assert.Matches("^ASIA[A-Z0-9]{16}$", accessKey);
        Assert.Equal("arn:aws:sts::444455556666:assumed-role/StratusScanReadOnly/inventory-run", result.Element(Sts + "AssumedRoleUser")!.Element(Sts + "Arn")!.Value);
        DateTimeOffset expiration = DateTimeOffset.Parse(credentials.Element(Sts + "Expiration")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiration - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(13), TimeSpan.FromMinutes(16));

        using var session = new AwsTestClient(server.Endpoint, accessKey, credentials.Element(Sts + "SecretAccessKey")!.Value, credentials.Element(Sts + "SessionToken")!.Value);
        var tasks = await session.ListAllAsync("ListTasks", "Tasks", region: "eu-west-1");
        Assert.Equal(server.Dataset.Find("444455556666", "eu-west-1")!.Tasks.Select(t => t["TaskArn"]!.GetValue<string>()), tasks.Select(t => t["TaskArn"]!.GetValue<string>()));
        AwsResponse identity = await session.StsAsync("GetCallerIdentity");
        Assert.Equal("444455556666", identity.Xml.Descendants(Sts + "Account").Single().Value);

        using var withoutToken = new AwsTestClient(server.Endpoint, accessKey, credentials.Element(Sts + "SecretAccessKey")!.Value);
        Assert.Equal("UnrecognizedClientException", (await withoutToken.DataSyncAsync("ListTasks")).ErrorCode);
        using var wrongToken = new AwsTestClient(server.Endpoint, accessKey, credentials.Element(Sts + "SecretAccessKey")!.Value, "forged");
        Assert.Equal("UnrecognizedClientException", (await wrongToken.DataSyncAsync("ListTasks")).ErrorCode);
    }

    [Fact]
    public async Task AssumeRole_by_an_untrusted_caller_or_of_a_missing_role_is_AccessDenied()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);

        foreach (string roleArn in new[] { "arn:aws:iam::444455556666:role/NoOneMayAssume", "arn:aws:iam::444455556666:role/DoesNotExist", "arn:aws:iam::999999999999:role/StratusScanReadOnly" })
        {
            AwsResponse response = await client.StsAsync("AssumeRole", new Dictionary<string, string> { ["RoleArn"] = roleArn, ["RoleSessionName"] = "s1" });

            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal(Sts + "ErrorResponse", response.Xml.Name);
            Assert.Equal("Sender", response.Xml.Descendants(Sts + "Type").Single().Value);
            Assert.Equal("AccessDenied", response.ErrorCode);
            Assert.Equal($"User: arn:aws:iam::111122223333:user/emulator is not authorized to perform: sts:AssumeRole on resource: {roleArn}", response.Message);
        }
    }

    [Fact]
    public async Task AssumeRole_of_a_role_that_requires_an_ExternalId_needs_the_right_one()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        const string role = "arn:aws:iam::444455556666:role/StratusScanExternal";

        AwsResponse without = await client.StsAsync("AssumeRole", new Dictionary<string, string> { ["RoleArn"] = role, ["RoleSessionName"] = "s1" });
        AwsResponse wrong = await client.StsAsync("AssumeRole", new Dictionary<string, string> { ["RoleArn"] = role, ["RoleSessionName"] = "s1", ["ExternalId"] = "guess" });
        AwsResponse right = await client.StsAsync("AssumeRole", new Dictionary<string, string> { ["RoleArn"] = role, ["RoleSessionName"] = "s1", ["ExternalId"] = "stratusscan-external-id", ["DurationSeconds"] = "43200" });

        Assert.Equal("AccessDenied", without.ErrorCode);
        Assert.Equal("AccessDenied", wrong.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, right.Status);
    }

    [Fact]
    public async Task AssumeRole_trust_by_principal_arn_and_role_chaining_limits()
    {
        var dataset = new EmulatorDataset();
        var role = new EmulatorRole("Auditor");
        role.TrustedPrincipals.Add("arn:aws:iam::111122223333:user/emulator");
        dataset.GetOrAddAccount("555555555555").Roles.Add(role);
        var chained = new EmulatorRole("Chained");
        chained.TrustedPrincipals.Add("arn:aws:iam::555555555555:role/Auditor");
        dataset.GetOrAddAccount("666666666666").Roles.Add(chained);
        await using EmulatorServer server = await EmulatorServer.StartAsync(new EmulatorOptions { Dataset = dataset });
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse first = await client.StsAsync("AssumeRole", new Dictionary<string, string> { ["RoleArn"] = "arn:aws:iam::555555555555:role/Auditor", ["RoleSessionName"] = "auditor" });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        XElement credentials = first.Xml.Descendants(Sts + "Credentials").Single();
        using var session = new AwsTestClient(server.Endpoint, credentials.Element(Sts + "AccessKeyId")!.Value,
            credentials.Element(Sts + "SecretAccessKey")!.Value, credentials.Element(Sts + "SessionToken")!.Value);

        AwsResponse tooLong = await session.StsAsync("AssumeRole", new Dictionary<string, string> { ["RoleArn"] = "arn:aws:iam::666666666666:role/Chained", ["RoleSessionName"] = "chained", ["DurationSeconds"] = "7200" });
        AwsResponse chainedOk = await session.StsAsync("AssumeRole", new Dictionary<string, string> { ["RoleArn"] = "arn:aws:iam::666666666666:role/Chained", ["RoleSessionName"] = "chained" });
        AwsResponse direct = await client.StsAsync("AssumeRole", new Dictionary<string, string> { ["RoleArn"] = "arn:aws:iam::666666666666:role/Chained", ["RoleSessionName"] = "chained" });

        Assert.Equal("ValidationError", tooLong.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, chainedOk.Status);
        Assert.Equal("AccessDenied", direct.ErrorCode);
    }

    [Theory]
    [InlineData("x", null)]
    [InlineData("bad name!", null)]
    [InlineData("ok", "60")]
    [InlineData("ok", "50000")]
    public async Task AssumeRole_validates_its_parameters(string sessionName, string? duration)
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        var parameters = new Dictionary<string, string> { ["RoleArn"] = "arn:aws:iam::444455556666:role/StratusScanReadOnly", ["RoleSessionName"] = sessionName };
        if (duration is not null) parameters["DurationSeconds"] = duration;

        AwsResponse response = await client.StsAsync("AssumeRole", parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
        Assert.Contains("validation error", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sts_errors_use_the_sts_codes()
    {
        await using EmulatorServer server = await Emulators.StartAsync();
        using var unknownKey = new AwsTestClient(server.Endpoint, "AKIANOBODY0000000000", "x");
        using var client = new AwsTestClient(server.Endpoint);

        Assert.Equal("InvalidClientTokenId", (await unknownKey.StsAsync("GetCallerIdentity")).ErrorCode);
        Assert.Equal("InvalidAction", (await client.StsAsync("GetSessionTokenX")).ErrorCode);
    }
}
