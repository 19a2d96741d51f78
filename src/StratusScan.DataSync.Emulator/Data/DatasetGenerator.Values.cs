using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>The seeded random values every part uses: names, tags, ARNs, times and identifiers.</summary>
internal sealed partial class DatasetGenerator
{
    private static readonly string[] NameWords = ["nightly", "finance", "media archive", "hr.records", "logs:app", "backup/primary", "dr-replica", "research_data", "user@home", "ops+infra"];

    private int _nameCount;

    /// <summary>Names are tag values: at most 256 of [a-zA-Z0-9\s+=._:@/-]. Some awkward, some missing.</summary>
    private string? Name(string kind)
    {
        int n = _nameCount++;
        switch (n % 9)
        {
            case 0:
                var name = new StringBuilder($"{kind}-longest-name");
                while (name.Length < 256) name.Append("-x0123456789");
                return name.ToString(0, 256);
            case 4:
                return $"=1+2 {kind} {n}";
            case 6:
                return null;
            case 7:
                return $"@SUM {kind}.{n}";
            default:
                return $"{NameWords[n % NameWords.Length]} {kind} {n:D3}";
        }
    }

    private JsonArray Tags(string? name)
    {
        var tags = new JsonArray();
        int count = _rng.Next(0, 4);
        if (count > 0)
        {
            // A Name tag that deliberately differs from the API's Name, so a client reading names from tags is caught.
            tags.Add(new JsonObject { ["Key"] = "Name", ["Value"] = "tag-" + (name is null ? "unnamed" : name.Length > 200 ? name[..200] : name) });
        }

        if (count > 1) tags.Add(new JsonObject { ["Key"] = "Environment", ["Value"] = _rng.Next(2) == 0 ? "prod" : "dev" });
        if (count > 2) tags.Add(new JsonObject { ["Key"] = "cost-center:id", ["Value"] = "cc-" + _rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) });
        if (_rng.Next(10) == 0)
        {
            for (int i = 0; i < 12; i++)
            {
                tags.Add(new JsonObject { ["Key"] = $"team/{i:D2}", ["Value"] = $"owner{i}@example.com" });
            }
        }

        return tags;
    }

    private JsonArray Agents(IReadOnlyList<string> agents, int count)
    {
        int first = _rng.Next(agents.Count);
        return new JsonArray(Enumerable.Range(0, Math.Min(count, agents.Count))
            .Select(i => (JsonNode?)JsonValue.Create(agents[(first + i) % agents.Count])).ToArray());
    }

    private static string Arn(RegionData region, string resource) =>
        $"arn:{region.Partition}:datasync:{region.Region}:{region.AccountId}:{resource}";

    private static string Role(RegionData region, string name) => $"arn:{region.Partition}:iam::{region.AccountId}:role/{name}";

    private string Ec2(RegionData region, string resourcePrefix) =>
        $"arn:{region.Partition}:ec2:{region.Region}:{region.AccountId}:{resourcePrefix}{Hex(17)}";

    private string Eni(RegionData region) => Ec2(region, "network-interface/eni-");

    private JsonNode Time(DateTimeOffset time) => EpochTime.ToJson(time);

    private string Hex(int length)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = digits[_rng.Next(16)];
        return new string(chars);
    }

    private string Upper(int length)
    {
        const string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = digits[_rng.Next(digits.Length)];
        return new string(chars);
    }

    private string Guid() => $"{Hex(8)}-{Hex(4)}-{Hex(4)}-{Hex(4)}-{Hex(12)}";
}
