using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets DataSync locations of every type, with their type-specific settings.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SSDataSyncLocation")]
    [OutputType(typeof(DataSyncLocation))]
    public sealed class GetSSDataSyncLocationCommand : DataSyncCmdletBase
    {
        /// <summary>Account objects piped in (hidden): see <see cref="DataSyncCmdletBase.AccountInput"/>.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public override AccountInput[]? AccountInput { get => base.AccountInput; set => base.AccountInput = value; }

        /// <summary>Only these locations (their Regions come from the ARNs).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? LocationArn { get; set; }

        /// <summary>Only locations of these types.</summary>
        [Parameter]
        [ValidateLocationType]
        [ArgumentCompleter(typeof(LocationTypeCompleter))]
        public string[]? LocationType { get; set; }

        /// <summary>Also read each location's tags (one more API call per location).</summary>
        [Parameter]
        public SwitchParameter IncludeTags { get; set; }

        protected override void ProcessRecord() => CollectInput(LocationArn, nameof(LocationArn));

        protected override void EndProcessing() =>
            WriteScan<DataSyncLocation>(ResourceKinds.Locations, "location", "LocationArn", IncludeTags, l => Matches(LocationType, l.LocationType), n => "Collection complete: Locations: " + n);
    }
}
