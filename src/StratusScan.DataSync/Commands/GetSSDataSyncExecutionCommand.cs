using System;
using System.Globalization;
using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the DataSync task executions that started within a window (default: the last 30 days).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SSDataSyncExecution", DefaultParameterSetName = DaysSet)]
    [OutputType(typeof(DataSyncTaskExecution))]
    public sealed class GetSSDataSyncExecutionCommand : ExecutionWindowCmdletBase
    {
        /// <summary>Account objects piped in (hidden): see <see cref="DataSyncCmdletBase.AccountInput"/>.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public override AccountInput[]? AccountInput { get => base.AccountInput; set => base.AccountInput = value; }

        /// <summary>
        /// Only executions of these tasks; binds TaskArn from Get-SSDataSyncTask's objects. A task's own AccountId never
        /// makes the scan organisation-wide: its ARN names its account (with -RoleName the role is assumed there).
        /// </summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? TaskArn { get; set; }

        /// <summary>Only executions in these states.</summary>
        [Parameter]
        [ValidateSet(ExecutionStatuses.Queued, ExecutionStatuses.Cancelling, ExecutionStatuses.Launching, ExecutionStatuses.Preparing,
            ExecutionStatuses.Transferring, ExecutionStatuses.Verifying, ExecutionStatuses.Success, ExecutionStatuses.Error, IgnoreCase = true)]
        public string[]? Status { get; set; }

        /// <summary>Also read each execution's tags (one more API call per execution).</summary>
        [Parameter]
        public SwitchParameter IncludeTags { get; set; }

        protected override void ProcessRecord() => CollectInput(TaskArn, nameof(TaskArn));

        protected override void EndProcessing()
        {
            var window = Window;
            WriteScan<DataSyncTaskExecution>(ResourceKinds.Executions, "task", "TaskArn", IncludeTags, e => Matches(Status, e.Status),
                n => string.Format(CultureInfo.InvariantCulture, "Collection complete: Executions ({0}): {1}", window.Description, n), window.SinceUtc);
        }
    }
}
