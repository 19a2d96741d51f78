using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>Everything the emulator serves: accounts → regions → DataSync resources, plus IAM roles and key pairs.</summary>
public sealed class EmulatorDataset
{
    private readonly Dictionary<string, AccountData> _accounts = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Key pairs the dataset adds to those of the options.</summary>
    public IList<EmulatorCredential> Credentials { get; } = new SynchronizedList<EmulatorCredential>();

    public IReadOnlyList<AccountData> Accounts
    {
        get { lock (_gate) { return [.. _accounts.Values]; } }
    }

    public AccountData GetOrAddAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountId, out AccountData? account))
            {
                account = new AccountData(accountId);
                _accounts.Add(accountId, account);
            }

            return account;
        }
    }

    public AccountData? FindAccount(string accountId)
    {
        lock (_gate) { return _accounts.GetValueOrDefault(accountId); }
    }

    /// <summary>The data of one account in one region, or null when the dataset has none there.</summary>
    public RegionData? Find(string accountId, string region) => FindAccount(accountId)?.FindRegion(region);

    /// <summary>Every region's data of every account.</summary>
    public IEnumerable<RegionData> AllRegions() => Accounts.SelectMany(a => a.Regions);

    /// <summary>Reads a dataset file (format: README.md).</summary>
    public static EmulatorDataset Load(string path) => DatasetJson.Parse(File.ReadAllText(path));

    /// <summary>Parses a dataset document (format: README.md).</summary>
    public static EmulatorDataset Parse(string json) => DatasetJson.Parse(json);

    /// <summary>A dataset made by the generator.</summary>
    public static EmulatorDataset Generate(DatasetSpec spec) => new DatasetGenerator(spec).Generate();

    internal static EmulatorDataset Generate(DatasetSpec spec, int defaultSeed) => new DatasetGenerator(spec, defaultSeed).Generate();

    /// <summary>The small, stable sample dataset of the demo (times relative to <paramref name="now"/>, default: now).</summary>
    public static EmulatorDataset CreateSample(DateTimeOffset? now = null) => Generate(DatasetSpec.Sample(now));

    public string ToJson(bool indented = true) => DatasetJson.Write(this, indented);

    public void Save(string path) => File.WriteAllText(path, ToJson());
}

public sealed class AccountData
{
    private readonly Dictionary<string, RegionData> _regions = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    internal AccountData(string accountId) => AccountId = accountId;

    public string AccountId { get; }

    /// <summary>The roles of this account that AssumeRole can assume.</summary>
    public IList<EmulatorRole> Roles { get; } = new SynchronizedList<EmulatorRole>();

    public IReadOnlyList<RegionData> Regions
    {
        get { lock (_gate) { return [.. _regions.Values]; } }
    }

    public RegionData GetOrAddRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        lock (_gate)
        {
            if (!_regions.TryGetValue(region, out RegionData? data))
            {
                data = new RegionData(AccountId, region);
                _regions.Add(region, data);
            }

            return data;
        }
    }

    public RegionData? FindRegion(string region)
    {
        lock (_gate) { return _regions.GetValueOrDefault(region); }
    }

    public EmulatorRole? FindRole(string roleName) =>
        Roles.FirstOrDefault(r => string.Equals(r.RoleName, roleName, StringComparison.Ordinal));
}

/// <summary>The DataSync resources of one account in one region, each as its Describe output.</summary>
public sealed class RegionData
{
    private readonly Dictionary<string, JsonArray> _tags = new(StringComparer.Ordinal);
    private readonly object _tagGate = new();

    internal RegionData(string accountId, string region)
    {
        AccountId = accountId;
        Region = region;
        Partition = Partitions.ForRegion(region);
    }

    public string AccountId { get; }
    public string Region { get; }
    public string Partition { get; }

    /// <summary>DescribeTask outputs.</summary>
    public ResourceCollection Tasks { get; } = new("TaskArn");

    /// <summary>DescribeLocation* outputs; the kind follows from each LocationUri's scheme.</summary>
    public ResourceCollection Locations { get; } = new("LocationArn");

    /// <summary>DescribeAgent outputs.</summary>
    public ResourceCollection Agents { get; } = new("AgentArn");

    /// <summary>DescribeTaskExecution outputs.</summary>
    public ResourceCollection Executions { get; } = new("TaskExecutionArn");

    /// <summary>Tag lists ([{"Key":…,"Value":…}]) by resource ARN.</summary>
    public IReadOnlyDictionary<string, JsonArray> Tags
    {
        get { lock (_tagGate) { return new Dictionary<string, JsonArray>(_tags, StringComparer.Ordinal); } }
    }

    /// <summary>Replaces the tags of a resource.</summary>
    public void SetTags(string resourceArn, IEnumerable<KeyValuePair<string, string>> tags)
    {
        var list = new JsonArray();
        foreach (KeyValuePair<string, string> tag in tags)
        {
            list.Add(new JsonObject { ["Key"] = tag.Key, ["Value"] = tag.Value });
        }

        SetTags(resourceArn, list);
    }

    /// <summary>Replaces the tags of a resource with a ListTagsForResource-shaped list.</summary>
    public void SetTags(string resourceArn, JsonArray tags)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceArn);
        ArgumentNullException.ThrowIfNull(tags);
        JsonTree.Materialize(tags);
        lock (_tagGate) { _tags[resourceArn] = tags; }
    }

    /// <summary>The tags of a resource (an empty list when it has none).</summary>
    public JsonArray GetTags(string resourceArn)
    {
        lock (_tagGate) { return _tags.GetValueOrDefault(resourceArn) ?? []; }
    }

    /// <summary>The executions of one task, in insertion order.</summary>
    public IReadOnlyList<JsonObject> ExecutionsOf(string taskArn)
    {
        string prefix = taskArn + "/execution/";
        return Executions.Snapshot()
            .Where(e => e["TaskExecutionArn"]?.GetValue<string>().StartsWith(prefix, StringComparison.Ordinal) == true)
            .ToList();
    }

    /// <summary>Whether any resource of this region has the ARN (tasks, locations, agents, executions).</summary>
    public bool ContainsArn(string arn) =>
        Tasks.Find(arn) is not null || Locations.Find(arn) is not null
        || Agents.Find(arn) is not null || Executions.Find(arn) is not null;
}
