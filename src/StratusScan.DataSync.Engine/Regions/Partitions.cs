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

        /// <summary>The partition's name as the original StratusScan banner printed it.</summary>
        public static string DisplayName(string partition)
        {
            switch (partition)
            {
                case Aws: return "AWS Commercial";
                case AwsUsGov: return "AWS GovCloud (US)";
                case AwsCn: return "AWS China";
                default: throw new ArgumentException("Unknown AWS partition '" + partition + "'. Valid partitions: " + string.Join(", ", All) + ".", nameof(partition));
            }
        }

        /// <summary>The Region whose endpoints serve the partition's global calls (STS when no scanned Region is in it).</summary>
        public static string DefaultRegion(string partition)
        {
            switch (partition)
            {
                case Aws: return "us-east-1";
                case AwsUsGov: return "us-gov-west-1";
                case AwsCn: return "cn-north-1";
                default: throw new ArgumentException("Unknown AWS partition '" + partition + "'. Valid partitions: " + string.Join(", ", All) + ".", nameof(partition));
            }
        }

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
