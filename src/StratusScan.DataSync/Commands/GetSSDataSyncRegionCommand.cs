using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StratusScan.DataSync.Regions;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the AWS Regions where DataSync is offered. Makes no AWS call.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SSDataSyncRegion")]
    [OutputType(typeof(DataSyncRegion))]
    public sealed class GetSSDataSyncRegionCommand : PSCmdlet
    {
        /// <summary>Only Regions of this partition: aws, aws-us-gov or aws-cn. Default: every partition.</summary>
        [Parameter(Position = 1)]
        [ValidateSet(Partitions.Aws, Partitions.AwsUsGov, Partitions.AwsCn)]
        public string? Partition { get; set; }

        /// <summary>Only Regions whose code matches one of these names (wildcards allowed).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Region", "RegionName")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RegionNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            IEnumerable<DataSyncRegion> regions = Partition is null ? DataSyncRegions.All : DataSyncRegions.InPartition(Partition);
            if (Name is null)
            {
                WriteObject(regions, enumerateCollection: true);
                return;
            }

            var patterns = Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
            var matched = regions.Where(r => patterns.Any(p => p.IsMatch(r.Name))).ToList();
            WriteObject(matched, enumerateCollection: true);

            foreach (var name in Name.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
            {
                if (matched.Any(r => string.Equals(r.Name, name, System.StringComparison.OrdinalIgnoreCase))) continue;
                var message = string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    "DataSync is not offered in a Region named '{0}'{1}. Run Get-SSDataSyncRegion to list the valid Regions.",
                    name,
                    Partition is null ? string.Empty : " in partition " + Partition);
                WriteError(new ErrorRecord(
                    new ItemNotFoundException(message),
                    "RegionNotFound",
                    ErrorCategory.ObjectNotFound,
                    name));
            }
        }
    }
}
