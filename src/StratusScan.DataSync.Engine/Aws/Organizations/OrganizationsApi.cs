using System;

namespace StratusScan.DataSync.Aws.Organizations
{
    /// <summary>What the client adds to the generated API table: the page size and the Region that serves Organizations.</summary>
    internal static partial class OrganizationsApi
    {
        /// <summary>The largest page the service gives (the model's MaxResults maximum).</summary>
        public const int MaxResults = 20;

        /// <summary>
        /// The one Region that serves Organizations in the partition of <paramref name="region"/>: us-gov-west-1 in
        /// GovCloud, cn-northwest-1 in China, us-east-1 elsewhere.
        /// </summary>
        public static string ServiceRegion(string? region)
        {
            if (region != null && region.StartsWith("us-gov-", StringComparison.Ordinal)) return "us-gov-west-1";
            if (region != null && region.StartsWith("cn-", StringComparison.Ordinal)) return "cn-northwest-1";
            return "us-east-1";
        }
    }
}
