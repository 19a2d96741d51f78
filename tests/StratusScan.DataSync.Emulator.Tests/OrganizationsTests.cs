using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml.Linq;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Organizations;
using StratusScan.DataSync.Emulator.Tests.Helpers;

namespace StratusScan.DataSync.Emulator.Tests;

/// <summary>The read-only Organizations operations: served shapes valid under the model, paging, the tree, the errors.</summary>
public sealed class OrganizationsTests
{
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    private static Task<EmulatorServer> StartAsync(int accounts = 9) => Emulators.StartAsync(spec: new DatasetSpec
    {
        Regions = ["us-east-1"],
        Accounts = accounts,
        TasksPerRegion = 0,
        LocationsPerTypePerRegion = 0,
        AgentsPerRegion = 0,
        ExecutionsPerTask = 0,
        Seed = 5,
    });

    /// <summary>Pages an Organizations list to the end (the emulator's page size is 3), validating each page against the model.</summary>
    private static async Task<List<JsonObject>> ListAllAsync(AwsTestClient client, ApiModel model, string operation, string member, JsonObject? request = null)
    {
        var all = new List<JsonObject>();
        string? token = null;
        int pages = 0;
        do
        {
            JsonObject body = request?.DeepClone().AsObject() ?? [];
            if (token is not null) body["NextToken"] = token;
            AwsResponse response = await client.OrganizationsAsync(operation, body);
            Assert.True(response.Status == HttpStatusCode.OK, response.Body);
            var errors = new List<string>();
            model.Validate(response.Json, model.OutputShape(operation), operation, errors, []);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            all.AddRange(response.Json[member]!.AsArray().Select(n => n!.AsObject()));
            token = response.Json["NextToken"]?.GetValue<string>();
            Assert.True(++pages < 100, "the paging does not end");
        }
        while (token is not null);

        return all;
    }

    [Fact]
    public async Task The_organisation_is_served_to_the_management_account_in_shapes_the_model_allows()
    {
        ApiModel model = ApiModel.LoadOrganizations();
        await using EmulatorServer server = await StartAsync();
        using var client = new AwsTestClient(server.Endpoint);
        EmulatorOrganization organization = server.Organization!;

        List<JsonObject> accounts = await ListAllAsync(client, model, "ListAccounts", "Accounts");
        Assert.Equal(organization.Accounts.Select(a => a.AccountId), accounts.Select(a => a["Id"]!.GetValue<string>()));
        Assert.Equal(12, accounts.Count); // 9 dataset accounts and the SUSPENDED, PENDING_CLOSURE and CLOSED ones
        Assert.Equal(["ACTIVE", "CLOSED", "PENDING_CLOSURE", "SUSPENDED"], accounts.Select(a => a["State"]!.GetValue<string>()).Distinct().Order());
        Assert.Equal(server.Dataset.Accounts.Select(a => a.AccountId).Order(StringComparer.Ordinal),
            accounts.Where(a => a["State"]!.GetValue<string>() == "ACTIVE").Select(a => a["Id"]!.GetValue<string>()));

        List<JsonObject> roots = await ListAllAsync(client, model, "ListRoots", "Roots");
        Assert.Equal(organization.Root.Id, Assert.Single(roots)["Id"]!.GetValue<string>());

        // Walking the tree from the root reaches every unit once, and every account once, in the unit the table says.
        var seenAccounts = new List<string>();
        var pending = new Queue<string>([organization.Root.Id]);
        var seenUnits = new List<string>();
        while (pending.Count > 0)
        {
            string parent = pending.Dequeue();
            foreach (JsonObject unit in await ListAllAsync(client, model, "ListOrganizationalUnitsForParent", "OrganizationalUnits", new JsonObject { ["ParentId"] = parent }))
            {
                string id = unit["Id"]!.GetValue<string>();
                Assert.Equal(parent, organization.Units.Single(u => u.Id == id).ParentId);
                seenUnits.Add(id);
                pending.Enqueue(id);
            }

            foreach (JsonObject account in await ListAllAsync(client, model, "ListAccountsForParent", "Accounts", new JsonObject { ["ParentId"] = parent }))
            {
                string id = account["Id"]!.GetValue<string>();
                Assert.Equal(parent, organization.Accounts.Single(a => a.AccountId == id).ParentId);
                seenAccounts.Add(id);
            }
        }

        Assert.Equal(organization.Units.Select(u => u.Id).Order(), seenUnits.Order());
        Assert.Equal(6, seenUnits.Count);
        Assert.Equal(organization.Accounts.Select(a => a.AccountId), seenAccounts.Order(StringComparer.Ordinal));

        AwsResponse described = await client.OrganizationsAsync("DescribeOrganization");
        var errors = new List<string>();
        model.Validate(described.Json, model.OutputShape("DescribeOrganization"), "DescribeOrganization", errors, []);
        Assert.Empty(errors);
        Assert.Equal(organization.Id, described.Json["Organization"]!["Id"]!.GetValue<string>());
    }

    [Fact]
    public void The_same_seed_places_the_accounts_in_the_same_units()
    {
        EmulatorDataset dataset = EmulatorDataset.Generate(new DatasetSpec { Regions = ["us-east-1"], Accounts = 20, Seed = 3 });
        EmulatorOrganization first = EmulatorOrganization.For(dataset, 3)!;
        EmulatorOrganization again = EmulatorOrganization.For(dataset, 3)!;
        EmulatorOrganization other = EmulatorOrganization.For(dataset, 4)!;

        Assert.Equal(first.Accounts.Select(a => a.AccountId + a.Path), again.Accounts.Select(a => a.AccountId + a.Path));
        Assert.NotEqual(first.Accounts.Select(a => a.Path), other.Accounts.Select(a => a.Path));
        Assert.Equal(EmulatorCredentials.DefaultAccountId, first.ManagementAccountId);
        Assert.Equal("Root", first.Accounts.Single(a => a.AccountId == first.ManagementAccountId).Path);
        Assert.True(first.Accounts.Select(a => a.Path).Distinct().Count() >= 4, "the accounts are spread over the units");
        Assert.Null(EmulatorOrganization.For(EmulatorDataset.CreateSample(), 1));
    }

    [Fact]
    public async Task A_member_is_denied_a_lone_account_has_no_organisation_and_bad_input_is_rejected()
    {
        await using EmulatorServer server = await StartAsync(accounts: 3);
        using var client = new AwsTestClient(server.Endpoint);

        AwsResponse assumed = await client.StsAsync("AssumeRole", new Dictionary<string, string>
        {
            ["RoleArn"] = "arn:aws:iam::444455556666:role/StratusScanReadOnly",
            ["RoleSessionName"] = "org",
        });
        XElement credentials = assumed.Xml.Descendants(Sts + "Credentials").Single();
        using var member = new AwsTestClient(server.Endpoint, credentials.Element(Sts + "AccessKeyId")!.Value,
            credentials.Element(Sts + "SecretAccessKey")!.Value, credentials.Element(Sts + "SessionToken")!.Value);
        AwsResponse denied = await member.OrganizationsAsync("ListAccounts");
        Assert.Equal(HttpStatusCode.BadRequest, denied.Status);
        Assert.Equal("AccessDeniedException", denied.ErrorCode);

        Assert.Equal("ParentNotFoundException", (await client.OrganizationsAsync("ListAccountsForParent", new JsonObject { ["ParentId"] = "ou-abcd-abcdefgh" })).ErrorCode);
        AwsResponse invalid = await client.OrganizationsAsync("ListOrganizationalUnitsForParent", new JsonObject { ["ParentId"] = "Workloads" });
        Assert.Equal("InvalidInputException", invalid.ErrorCode);
        Assert.Equal("INVALID_PATTERN_TARGET_ID", invalid.Json["Reason"]!.GetValue<string>());
        Assert.Equal("InvalidInputException", (await client.OrganizationsAsync("ListAccounts", new JsonObject { ["MaxResults"] = 21 })).ErrorCode);
        Assert.Equal("InvalidSignatureException", (await client.OrganizationsAsync("ListAccounts", region: "eu-west-1")).ErrorCode);
        Assert.Equal("InvalidSignatureException", (await client.OrganizationsAsync("ListAccounts", service: "datasync")).ErrorCode);

        await using EmulatorServer single = await StartAsync(accounts: 1);
        using var alone = new AwsTestClient(single.Endpoint);
        Assert.Equal("AWSOrganizationsNotInUseException", (await alone.OrganizationsAsync("DescribeOrganization")).ErrorCode);
    }
}
