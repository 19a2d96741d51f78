using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>Reads and writes the dataset document described in README.md.</summary>
internal static class DatasetJson
{
    private static readonly HashSet<string> TimestampMembers = new(StringComparer.Ordinal)
    {
        "CreationTime", "LastConnectionTime", "StartTime", "LaunchTime", "EndTime", "StatusUpdateTime",
    };

    public static EmulatorDataset Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The dataset is not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject document)
        {
            throw new InvalidDataException("The dataset must be a JSON object with an \"Accounts\" array.");
        }

        var dataset = new EmulatorDataset();
        foreach (JsonObject account in Objects(document, "Accounts", "the dataset"))
        {
            string accountId = RequiredString(account, "AccountId", "an account");
            if (accountId.Length != 12 || !accountId.All(char.IsAsciiDigit))
            {
                throw new InvalidDataException($"AccountId '{accountId}' is not 12 digits.");
            }

            AccountData accountData = dataset.GetOrAddAccount(accountId);
            foreach (JsonObject role in Objects(account, "Roles", $"account {accountId}"))
            {
                accountData.Roles.Add(ReadRole(role, accountId));
            }

            foreach (JsonObject region in Objects(account, "Regions", $"account {accountId}"))
            {
                ReadRegion(accountData, region);
            }
        }

        foreach (JsonObject credential in Objects(document, "Credentials", "the dataset"))
        {
            dataset.Credentials.Add(new EmulatorCredential(
                RequiredString(credential, "AccessKeyId", "a credential"),
                RequiredString(credential, "SecretAccessKey", "a credential"),
                RequiredString(credential, "AccountId", "a credential"),
                OptionalString(credential, "UserName") ?? EmulatorCredentials.DefaultUserName));
        }

        return dataset;
    }

    public static string Write(EmulatorDataset dataset, bool indented)
    {
        var accounts = new JsonArray();
        foreach (AccountData account in dataset.Accounts)
        {
            var roles = new JsonArray();
            foreach (EmulatorRole role in account.Roles)
            {
                var roleNode = new JsonObject
                {
                    ["RoleName"] = role.RoleName,
                    ["TrustedAccounts"] = new JsonArray(role.TrustedAccounts.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
                    ["TrustedPrincipals"] = new JsonArray(role.TrustedPrincipals.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
                    ["MaxSessionDurationSeconds"] = role.MaxSessionDurationSeconds,
                };
                if (role.ExternalId is not null) roleNode["ExternalId"] = role.ExternalId;
                if (role.RoleId is not null) roleNode["RoleId"] = role.RoleId;
                roles.Add(roleNode);
            }

            var regions = new JsonArray();
            foreach (RegionData region in account.Regions)
            {
                var tags = new JsonObject();
                foreach (KeyValuePair<string, JsonArray> entry in region.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
                {
                    tags[entry.Key] = entry.Value.DeepClone();
                }

                regions.Add(new JsonObject
                {
                    ["Region"] = region.Region,
                    ["Agents"] = CloneAll(region.Agents),
                    ["Locations"] = CloneAll(region.Locations),
                    ["Tasks"] = CloneAll(region.Tasks),
                    ["Executions"] = CloneAll(region.Executions),
                    ["Tags"] = tags,
                });
            }

            accounts.Add(new JsonObject { ["AccountId"] = account.AccountId, ["Roles"] = roles, ["Regions"] = regions });
        }

        var credentials = new JsonArray();
        foreach (EmulatorCredential credential in dataset.Credentials)
        {
            credentials.Add(new JsonObject
            {
                ["AccessKeyId"] = credential.AccessKeyId,
                ["SecretAccessKey"] = credential.SecretAccessKey,
                ["AccountId"] = credential.AccountId,
                ["UserName"] = credential.UserName,
            });
        }

        var document = new JsonObject { ["Accounts"] = accounts, ["Credentials"] = credentials };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
    }

    private static JsonArray CloneAll(ResourceCollection resources) =>
        new(resources.Snapshot().Select(r => (JsonNode?)r.DeepClone()).ToArray());

    private static void ReadRegion(AccountData account, JsonObject region)
    {
        string name = RequiredString(region, "Region", $"a region of account {account.AccountId}");
        RegionData data = account.GetOrAddRegion(name);
        string where = $"{account.AccountId}/{name}";
        AddAll(data.Agents, region, "Agents", where, ":agent/");
        AddAll(data.Locations, region, "Locations", where, ":location/");
        AddAll(data.Tasks, region, "Tasks", where, ":task/");
        AddAll(data.Executions, region, "Executions", where, "/execution/");

        foreach (JsonObject location in data.Locations)
        {
            string? uri = location["LocationUri"]?.GetValue<string>();
            if (LocationTypes.FromUri(uri) is null)
            {
                throw new InvalidDataException(
                    $"Location {location["LocationArn"]} in {where} has LocationUri '{uri}' whose scheme names no location type.");
            }
        }

        if (region["Tags"] is JsonObject tags)
        {
            foreach (KeyValuePair<string, JsonNode?> entry in tags)
            {
                if (entry.Value is not JsonArray list)
                {
                    throw new InvalidDataException($"Tags of {entry.Key} in {where} must be an array of {{\"Key\",\"Value\"}} objects.");
                }

                data.SetTags(entry.Key, (JsonArray)list.DeepClone());
            }
        }
        else if (region["Tags"] is not null)
        {
            throw new InvalidDataException($"Tags in {where} must be an object mapping resource ARNs to tag lists.");
        }
    }

    private static void AddAll(ResourceCollection target, JsonObject region, string member, string where, string arnMarker)
    {
        foreach (JsonObject resource in Objects(region, member, where))
        {
            var copy = (JsonObject)resource.DeepClone();
            NormalizeTimestamps(copy);
            string arn = copy[target.ArnMember] is JsonValue value && value.TryGetValue(out string? s) ? s
                : throw new InvalidDataException($"An entry of {member} in {where} has no {target.ArnMember} string.");
            string[] parts = arn.Split(':');
            if (parts.Length < 6 || parts[0] != "arn" || parts[2] != "datasync" || !arn.Contains(arnMarker, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{target.ArnMember} '{arn}' in {where} is not a DataSync ARN of that kind.");
            }

            string[] location = where.Split('/');
            if (parts[3] != location[1] || parts[4] != location[0])
            {
                throw new InvalidDataException($"{target.ArnMember} '{arn}' names another region or account than {where}.");
            }

            try
            {
                target.Add(copy);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"{member} in {where}: {e.Message}", e);
            }
        }
    }

    /// <summary>Timestamps may be written as ISO 8601 strings in a dataset file; they are served as epoch seconds.</summary>
    private static void NormalizeTimestamps(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string key in obj.Select(p => p.Key).ToList())
                {
                    if (TimestampMembers.Contains(key) && obj[key] is JsonValue v && v.TryGetValue(out string? text))
                    {
                        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
                        {
                            throw new InvalidDataException($"{key} '{text}' is neither epoch seconds nor an ISO 8601 time.");
                        }

                        obj[key] = EpochTime.ToJson(time);
                    }
                    else
                    {
                        NormalizeTimestamps(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    NormalizeTimestamps(item);
                }

                break;
        }
    }

    private static IReadOnlyList<JsonObject> Objects(JsonObject parent, string member, string where)
    {
        JsonNode? node = parent[member];
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array || array.Any(i => i is not JsonObject))
        {
            throw new InvalidDataException($"\"{member}\" of {where} must be an array of objects.");
        }

        return array.Cast<JsonObject>().ToArray();
    }

    private static EmulatorRole ReadRole(JsonObject node, string accountId)
    {
        var role = new EmulatorRole(RequiredString(node, "RoleName", $"a role of account {accountId}"))
        {
            ExternalId = OptionalString(node, "ExternalId"),
            RoleId = OptionalString(node, "RoleId"),
        };
        if (node["MaxSessionDurationSeconds"] is JsonValue max && max.TryGetValue(out int seconds))
        {
            role.MaxSessionDurationSeconds = seconds;
        }

        foreach (string trusted in Strings(node, "TrustedAccounts"))
        {
            role.TrustedAccounts.Add(trusted);
        }

        foreach (string trusted in Strings(node, "TrustedPrincipals"))
        {
            role.TrustedPrincipals.Add(trusted);
        }

        return role;
    }

    private static IEnumerable<string> Strings(JsonObject node, string member) =>
        node[member] is JsonArray array ? array.Select(i => i?.GetValue<string>() ?? "") : [];

    private static string RequiredString(JsonObject node, string member, string what) =>
        OptionalString(node, member) ?? throw new InvalidDataException($"\"{member}\" is missing in {what}.");

    private static string? OptionalString(JsonObject node, string member) =>
        node[member] is JsonValue value && value.TryGetValue(out string? s) ? s : null;
}

/// <summary>awsJson timestamps: epoch seconds, fractional to the millisecond.</summary>
public static class EpochTime
{
    public static JsonNode ToJson(DateTimeOffset time)
    {
        long ms = time.ToUnixTimeMilliseconds();
        return ms % 1000 == 0 ? JsonValue.Create(ms / 1000) : JsonValue.Create(ms / 1000.0);
    }

    public static DateTimeOffset FromJson(JsonNode node) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(Number(node) * 1000.0));

    /// <summary>The value of a JSON number node, whatever CLR type backs it.</summary>
    public static double Number(JsonNode node)
    {
        JsonValue value = node.AsValue();
        if (value.TryGetValue(out double d)) return d;
        if (value.TryGetValue(out long l)) return l;
        if (value.TryGetValue(out int i)) return i;
        if (value.TryGetValue(out decimal m)) return (double)m;
        throw new FormatException($"'{node.ToJsonString()}' is not a number.");
    }
}
