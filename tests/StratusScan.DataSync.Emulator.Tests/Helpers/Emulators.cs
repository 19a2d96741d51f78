using System;
using System.Threading.Tasks;
using StratusScan.DataSync.Emulator.Data;

namespace StratusScan.DataSync.Emulator.Tests.Helpers;

internal static class Emulators
{
    /// <summary>The spec of a dataset big enough to hold every member and enum value (used by several tests).</summary>
    public static DatasetSpec CoverageSpec(DateTimeOffset? now = null) => new()
    {
        Regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"],
        Accounts = 2,
        TasksPerRegion = 16,
        LocationsPerTypePerRegion = 3,
        AgentsPerRegion = 5,
        ExecutionsPerTask = 8,
        DaysOfHistory = 45,
        Now = now ?? new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
        Seed = 42,
    };

    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null, DatasetSpec? spec = null)
    {
        var options = new EmulatorOptions
        {
            Generate = spec ?? new DatasetSpec
            {
                Regions = ["us-east-1", "eu-west-1"],
                Accounts = 2,
                TasksPerRegion = 7,
                LocationsPerTypePerRegion = 1,
                AgentsPerRegion = 4,
                ExecutionsPerTask = 3,
                Seed = 7,
            },
            PageSize = 3,
        };
        configure?.Invoke(options);
        return EmulatorServer.StartAsync(options);
    }
}
