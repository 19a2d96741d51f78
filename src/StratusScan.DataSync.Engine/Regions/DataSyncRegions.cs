using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace StratusScan.DataSync.Regions
{
    /// <summary>
    /// The one list of Regions where AWS DataSync is offered (the "AWS DataSync endpoints and quotas" page of
    /// the AWS General Reference). <c>-Region all</c>, Region validation and the Region completer all read it.
    /// </summary>
    public static class DataSyncRegions
    {
        /// <summary>A Region code: partition-style prefix, a direction and a number (e.g. <c>us-gov-west-1</c>).</summary>
        public static readonly Regex NamePattern = new Regex(
            "^(us|af|ap|ca|eu|il|me|mx|sa|cn|us-gov)-(central|north|northeast|northwest|south|southeast|southwest|east|west)-[1-9][0-9]?$",
            RegexOptions.CultureInvariant);

        // Region, display name, FIPS endpoint available, opt-in (the account must enable it).
        private static readonly DataSyncRegion[] Known =
        {
            R("us-east-1", "US East (N. Virginia)", fips: true),
            R("us-east-2", "US East (Ohio)", fips: true),
            R("us-west-1", "US West (N. California)", fips: true),
            R("us-west-2", "US West (Oregon)", fips: true),
            R("af-south-1", "Africa (Cape Town)", optIn: true),
            R("ap-east-1", "Asia Pacific (Hong Kong)", optIn: true),
            R("ap-south-1", "Asia Pacific (Mumbai)"),
            R("ap-south-2", "Asia Pacific (Hyderabad)", optIn: true),
            R("ap-southeast-1", "Asia Pacific (Singapore)"),
            R("ap-southeast-2", "Asia Pacific (Sydney)"),
            R("ap-southeast-3", "Asia Pacific (Jakarta)", optIn: true),
            R("ap-southeast-4", "Asia Pacific (Melbourne)", optIn: true),
            R("ap-southeast-5", "Asia Pacific (Malaysia)", optIn: true),
            R("ap-southeast-7", "Asia Pacific (Thailand)", optIn: true),
            R("ap-northeast-1", "Asia Pacific (Tokyo)"),
            R("ap-northeast-2", "Asia Pacific (Seoul)"),
            R("ap-northeast-3", "Asia Pacific (Osaka)"),
            R("ca-central-1", "Canada (Central)", fips: true),
            R("ca-west-1", "Canada West (Calgary)", fips: true, optIn: true),
            R("eu-central-1", "Europe (Frankfurt)"),
            R("eu-central-2", "Europe (Zurich)", optIn: true),
            R("eu-north-1", "Europe (Stockholm)"),
            R("eu-south-1", "Europe (Milan)", optIn: true),
            R("eu-south-2", "Europe (Spain)", optIn: true),
            R("eu-west-1", "Europe (Ireland)"),
            R("eu-west-2", "Europe (London)"),
            R("eu-west-3", "Europe (Paris)"),
            R("il-central-1", "Israel (Tel Aviv)", optIn: true),
            R("me-central-1", "Middle East (UAE)", optIn: true),
            R("me-south-1", "Middle East (Bahrain)", optIn: true),
            R("mx-central-1", "Mexico (Central)", optIn: true),
            R("sa-east-1", "South America (São Paulo)"),
            R("us-gov-east-1", "AWS GovCloud (US-East)", fips: true),
            R("us-gov-west-1", "AWS GovCloud (US-West)", fips: true),
            R("cn-north-1", "China (Beijing)"),
            R("cn-northwest-1", "China (Ningxia)"),
        };

        private static readonly Dictionary<string, DataSyncRegion> ByName =
            Known.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>Every Region, commercial first, then GovCloud, then China.</summary>
        public static IReadOnlyList<DataSyncRegion> All => Known;

        /// <summary>The Regions of one partition (<c>aws</c>, <c>aws-us-gov</c>, <c>aws-cn</c>).</summary>
        public static IReadOnlyList<DataSyncRegion> InPartition(string partition)
        {
            Partitions.DisplayName(partition); // validates
            return Known.Where(r => r.Partition == partition).ToArray();
        }

        /// <summary>The Region with this code, or null when DataSync is not offered there (or it is not a Region).</summary>
        public static DataSyncRegion? Find(string name) =>
            name != null && ByName.TryGetValue(name, out var region) ? region : null;

        private static DataSyncRegion R(string name, string displayName, bool fips = false, bool optIn = false) =>
            new DataSyncRegion(name, displayName, Partitions.OfRegion(name), fips, optIn);
    }
}
