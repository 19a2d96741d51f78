using System;

namespace StratusScan.DataSync.Regions
{
    /// <summary>An AWS Region where the DataSync service is offered.</summary>
    public sealed class DataSyncRegion
    {
        public DataSyncRegion(string name, string displayName, string partition, bool supportsFips, bool optIn = false)
        {
            OptIn = optIn;
            Name = name ?? throw new ArgumentNullException(nameof(name));
            DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
            Partition = partition ?? throw new ArgumentNullException(nameof(partition));
            SupportsFips = supportsFips;
        }

        /// <summary>The Region code, e.g. <c>us-east-1</c>.</summary>
        public string Name { get; }

        /// <summary>The console's name for the Region, e.g. <c>US East (N. Virginia)</c>.</summary>
        public string DisplayName { get; }

        /// <summary>The AWS partition: <c>aws</c>, <c>aws-us-gov</c> or <c>aws-cn</c>.</summary>
        public string Partition { get; }

        /// <summary>The partition's name as StratusScan reports it, e.g. <c>AWS GovCloud (US)</c>.</summary>
        public string PartitionDisplayName => Partitions.DisplayName(Partition);

        /// <summary>Whether DataSync has a FIPS endpoint (<c>datasync-fips.&lt;region&gt;</c>) in this Region.</summary>
        public bool SupportsFips { get; }

        /// <summary>
        /// Whether an account must enable the Region before using it (a Region launched after March 2019): only
        /// there does UnrecognizedClientException mean "not enabled" rather than unknown credentials.
        /// </summary>
        public bool OptIn { get; }

        public override string ToString() => Name;
    }
}
