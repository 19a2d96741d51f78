using System;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>The AWS partition a region belongs to, for ARNs.</summary>
public static class Partitions
{
    public static string ForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal)) return "aws-cn";
        if (region.StartsWith("us-gov-", StringComparison.Ordinal)) return "aws-us-gov";
        if (region.StartsWith("us-isob-", StringComparison.Ordinal)) return "aws-iso-b";
        if (region.StartsWith("us-iso-", StringComparison.Ordinal)) return "aws-iso";
        if (region.StartsWith("eusc-", StringComparison.Ordinal)) return "aws-eusc";
        return "aws";
    }
}
