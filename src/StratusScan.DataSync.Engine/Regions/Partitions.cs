using System;
using System.Collections.Generic;

namespace StratusScan.DataSync.Regions
{
    /// <summary>The AWS partitions DataSync is offered in.</summary>
    public static class Partitions
    {
        public const string Aws = "aws";
        public const string AwsUsGov = "aws-us-gov";
        public const string AwsCn = "aws-cn";

        /// <summary>Every partition id, in the order StratusScan lists them.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { Aws, AwsUsGov, AwsCn };

        // Per partition: its name as the original StratusScan banner printed it, and the Region that serves its
        // global calls (STS when no scanned Region is in the partition).
        private static readonly Dictionary<string, (string DisplayName, string DefaultRegion)> Facts =
            new Dictionary<string, (string, string)>(StringComparer.Ordinal)
            {
                [Aws] = ("AWS Commercial", "us-east-1"),
                [AwsUsGov] = ("AWS GovCloud (US)", "us-gov-west-1"),
                [AwsCn] = ("AWS China", "cn-north-1"),
            };

        /// <summary>The partition's name as the original StratusScan banner printed it.</summary>
        public static string DisplayName(string partition) => FactsOf(partition).DisplayName;

        /// <summary>The Region whose endpoints serve the partition's global calls (STS when no scanned Region is in it).</summary>
        public static string DefaultRegion(string partition) => FactsOf(partition).DefaultRegion;

        private static (string DisplayName, string DefaultRegion) FactsOf(string partition) =>
            partition != null && Facts.TryGetValue(partition, out var facts)
                ? facts
                : throw new ArgumentException("Unknown AWS partition '" + partition + "'. Valid partitions: " + string.Join(", ", All) + ".", nameof(partition));

        /// <summary>The partition of a Region code, from its prefix (us-gov-*, cn-*, else aws).</summary>
        public static string OfRegion(string region)
        {
            if (region is null) throw new ArgumentNullException(nameof(region));
            if (region.StartsWith("us-gov-", StringComparison.Ordinal)) return AwsUsGov;
            if (region.StartsWith("cn-", StringComparison.Ordinal)) return AwsCn;
            return Aws;
        }
    }
}
