using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>Scale and seed of a generated dataset.</summary>
public sealed class DatasetSpec
{
    /// <summary>Regions that get data in every account.</summary>
    public string[] Regions { get; set; } = ["us-east-1", "us-west-2", "eu-west-1"];

    /// <summary>Number of accounts; the first is <see cref="EmulatorCredentials.DefaultAccountId"/>.</summary>
    public int Accounts { get; set; } = 1;

    public int TasksPerRegion { get; set; } = 12;

    /// <summary>Locations of each of the eleven kinds per region.</summary>
    public int LocationsPerTypePerRegion { get; set; } = 2;

    public int AgentsPerRegion { get; set; } = 4;

    /// <summary>Executions of each task (tasks still being created get none).</summary>
    public int ExecutionsPerTask { get; set; } = 6;

    /// <summary>Executions' start times are spread over this many days before <see cref="Now"/>.</summary>
    public int DaysOfHistory { get; set; } = 45;

    /// <summary>The moment the history ends (truncated to the millisecond).</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Seed of the generator; null = <see cref="EmulatorOptions.Seed"/>, or 1 outside a server.</summary>
    public int? Seed { get; set; }

    /// <summary>The spec of the demo's sample dataset: one account, three regions, a few of everything.</summary>
    public static DatasetSpec Sample(DateTimeOffset? now = null) => new()
    {
        Regions = ["us-east-1", "us-west-2", "eu-west-1"],
        Accounts = 1,
        TasksPerRegion = 5,
        LocationsPerTypePerRegion = 1,
        AgentsPerRegion = 3,
        ExecutionsPerTask = 4,
        DaysOfHistory = 40,
        Now = now ?? DateTimeOffset.UtcNow,
        Seed = 20181109,
    };

    /// <summary>
    /// Parses "regions=us-east-1;eu-west-1,accounts=2,tasks=10,locations=2,agents=3,executions=5,days=45,seed=7,now=2025-01-01T00:00:00Z"
    /// (every key optional; regions separated by ';', '+' or '|').
    /// </summary>
    public static DatasetSpec Parse(string text)
    {
        var spec = new DatasetSpec();
        foreach (string pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"'{pair}' is not key=value.");
            }

            string key = pair[..eq].Trim().ToLowerInvariant();
            string value = pair[(eq + 1)..].Trim();
            switch (key)
            {
                case "regions" or "region":
                    spec.Regions = value.Split([';', '+', '|', ' '], StringSplitOptions.RemoveEmptyEntries);
                    break;
                case "accounts": spec.Accounts = Int(key, value); break;
                case "tasks": spec.TasksPerRegion = Int(key, value); break;
                case "locations": spec.LocationsPerTypePerRegion = Int(key, value); break;
                case "agents": spec.AgentsPerRegion = Int(key, value); break;
                case "executions": spec.ExecutionsPerTask = Int(key, value); break;
                case "days": spec.DaysOfHistory = Int(key, value); break;
                case "seed": spec.Seed = Int(key, value); break;
                case "now":
                    spec.Now = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    break;
                default:
                    throw new FormatException(
                        $"Unknown key '{key}'; use regions, accounts, tasks, locations, agents, executions, days, seed, now.");
            }
        }

        return spec;
    }

    internal void Validate()
    {
        if (Regions is null || Regions.Length == 0 || Regions.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A dataset spec needs at least one region.");
        }

        int[] counts = [Accounts, TasksPerRegion, LocationsPerTypePerRegion, AgentsPerRegion, ExecutionsPerTask, DaysOfHistory];
        if (counts.Any(c => c < 0) || Accounts < 1)
        {
            throw new ArgumentException("Dataset spec counts must not be negative, and there must be at least one account.");
        }
    }

    private static int Int(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0
            ? n
            : throw new FormatException($"{key}={value}: a whole number ≥ 0 is expected.");

    internal IEnumerable<string> DistinctRegions() => Regions.Distinct(StringComparer.Ordinal);
}
