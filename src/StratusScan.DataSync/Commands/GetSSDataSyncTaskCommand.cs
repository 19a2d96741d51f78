using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets DataSync tasks with their configuration, options, schedule and filters.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SSDataSyncTask")]
    [OutputType(typeof(DataSyncTask))]
    public sealed class GetSSDataSyncTaskCommand : DataSyncCmdletBase
    {
        /// <summary>Account objects piped in (hidden): see <see cref="DataSyncCmdletBase.AccountInput"/>.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public override AccountInput[]? AccountInput { get => base.AccountInput; set => base.AccountInput = value; }

        /// <summary>Only these tasks (their Regions come from the ARNs).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? TaskArn { get; set; }

        /// <summary>Only tasks in these states.</summary>
        [Parameter]
        [ValidateSet(TaskStatuses.Available, TaskStatuses.Creating, TaskStatuses.Queued, TaskStatuses.Running, TaskStatuses.Unavailable, IgnoreCase = true)]
        public string[]? Status { get; set; }

        /// <summary>Also read each task's tags (one more API call per task).</summary>
        [Parameter]
        public SwitchParameter IncludeTags { get; set; }

        protected override void ProcessRecord() => CollectInput(TaskArn, nameof(TaskArn));

        protected override void EndProcessing() =>
            WriteScan<DataSyncTask>(ResourceKinds.Tasks, "task", "TaskArn", IncludeTags, t => Matches(Status, t.Status), n => "Collection complete: Tasks: " + n);
    }
}
