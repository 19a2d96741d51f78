using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets DataSync agents with their status, endpoint type and last heartbeat.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SSDataSyncAgent")]
    [OutputType(typeof(DataSyncAgent))]
    public sealed class GetSSDataSyncAgentCommand : DataSyncCmdletBase
    {
        /// <summary>Account objects piped in (hidden): see <see cref="DataSyncCmdletBase.AccountInput"/>.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public override AccountInput[]? AccountInput { get => base.AccountInput; set => base.AccountInput = value; }

        /// <summary>Only these agents (their Regions come from the ARNs).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? AgentArn { get; set; }

        /// <summary>Only agents in these states.</summary>
        [Parameter]
        [ValidateSet(AgentStatuses.Online, AgentStatuses.Offline, IgnoreCase = true)]
        public string[]? Status { get; set; }

        /// <summary>Also read each agent's tags (one more API call per agent).</summary>
        [Parameter]
        public SwitchParameter IncludeTags { get; set; }

        protected override void ProcessRecord() => CollectInput(AgentArn, nameof(AgentArn));

        protected override void EndProcessing() =>
            WriteScan<DataSyncAgent>(ResourceKinds.Agents, "agent", "AgentArn", IncludeTags, a => Matches(Status, a.Status), n => "Collection complete: Agents: " + n);
    }
}
