using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>
/// Builds a seeded, repeatable dataset. Enum members cycle over the resources so that a dataset of modest
/// size holds every value of every enum and every member of every Describe output, and the awkward values
/// the client must survive (256-character names, names starting with '=', unicode and commas, a
/// 40,000-character ErrorDetail and filter pattern, a formula-like ErrorDetail, byte counts over 2^32,
/// executions a few minutes either side of the 30-day retention edge, missing optional members).
/// </summary>
internal sealed partial class DatasetGenerator
{
    private readonly DatasetSpec _spec;
    private readonly Random _rng;
    private readonly DateTimeOffset _now;

    public DatasetGenerator(DatasetSpec spec, int defaultSeed = 1)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        _spec = spec;
        _rng = new Random(spec.Seed ?? defaultSeed);
        _now = DateTimeOffset.FromUnixTimeMilliseconds(spec.Now.ToUnixTimeMilliseconds());
    }

    public EmulatorDataset Generate()
    {
        var dataset = new EmulatorDataset();
        string[] accountIds = Enumerable.Range(0, _spec.Accounts).Select(AccountId).ToArray();
        foreach (string accountId in accountIds)
        {
            AccountData account = dataset.GetOrAddAccount(accountId);
            AddRoles(account, accountIds[0]);
            foreach (string region in _spec.DistinctRegions())
            {
                GenerateRegion(account.GetOrAddRegion(region));
            }
        }

        return dataset;
    }

    internal static string AccountId(int index) => index switch
    {
        0 => EmulatorCredentials.DefaultAccountId,
        1 => "444455556666",
        2 => "777788889999",
        _ => (210000000000L + (index * 1234567L)).ToString("D12", CultureInfo.InvariantCulture),
    };

    private void AddRoles(AccountData account, string managementAccount)
    {
        var readOnly = new EmulatorRole("StratusScanReadOnly") { RoleId = "AROA" + Upper(17) };
        readOnly.TrustedAccounts.Add(managementAccount);
        account.Roles.Add(readOnly);

        var external = new EmulatorRole("StratusScanExternal") { RoleId = "AROA" + Upper(17), ExternalId = "stratusscan-external-id", MaxSessionDurationSeconds = 43200 };
        external.TrustedAccounts.Add(managementAccount);
        account.Roles.Add(external);

        var closed = new EmulatorRole("NoOneMayAssume") { RoleId = "AROA" + Upper(17) };
        closed.TrustedAccounts.Add("999999999999");
        account.Roles.Add(closed);
    }

    private void GenerateRegion(RegionData region)
    {
        List<string> agents = [];
        for (int i = 0; i < _spec.AgentsPerRegion; i++)
        {
            JsonObject agent = Agent(region);
            region.Agents.Add(agent);
            agents.Add(agent["AgentArn"]!.GetValue<string>());
        }

        List<JsonObject> locations = [];
        for (int i = 0; i < _spec.LocationsPerTypePerRegion; i++)
        {
            foreach (string kind in LocationTypes.All)
            {
                JsonObject location = Location(region, kind, agents);
                region.Locations.Add(location);
                locations.Add(location);
            }
        }

        if (locations.Count >= 2)
        {
            for (int i = 0; i < _spec.TasksPerRegion; i++)
            {
                GenerateTask(region, locations, i);
            }
        }

        foreach (JsonObject resource in region.Agents.Concat(region.Locations).Concat(region.Tasks))
        {
            string arn = (resource["TaskArn"] ?? resource["LocationArn"] ?? resource["AgentArn"])!.GetValue<string>();
            region.SetTags(arn, Tags(resource["Name"]?.GetValue<string>()));
        }
    }
}
