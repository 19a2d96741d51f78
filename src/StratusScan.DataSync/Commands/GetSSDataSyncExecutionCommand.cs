using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the DataSync task executions that started within a window (default: the last 30 days).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SSDataSyncExecution", DefaultParameterSetName = DaysSet)]
    [OutputType(typeof(DataSyncTaskExecution))]
    public sealed class GetSSDataSyncExecutionCommand : InventoryCmdletBase
    {
        private const string DaysSet = "Days";
        private const string SinceSet = "Since";

        /// <summary>Only executions of these tasks; binds TaskArn from Get-SSDataSyncTask's objects.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? TaskArn { get; set; }

        /// <summary>Executions that started in the last N days (default 30; DataSync keeps 30 days of history).</summary>
        [Parameter(ParameterSetName = DaysSet)]
        [ValidateRange(1, 3650)]
        public int Days { get; set; } = ExecutionWindow.DefaultDays;

        /// <summary>Executions that started at or after this time (a local time unless its Kind says UTC).</summary>
        [Parameter(ParameterSetName = SinceSet, Mandatory = true)]
        public DateTime Since { get; set; }

        /// <summary>Only executions in these states.</summary>
        [Parameter]
        [ValidateSet("QUEUED", "CANCELLING", "LAUNCHING", "PREPARING", "TRANSFERRING", "VERIFYING", "SUCCESS", "ERROR", IgnoreCase = true)]
        public string[]? Status { get; set; }

        /// <summary>Also read each execution's tags (one more API call per execution).</summary>
        [Parameter]
        public SwitchParameter IncludeTags { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            Window = ResolveWindow(ParameterSetName == SinceSet ? Since : (DateTime?)null, Days);
        }

        private ExecutionWindow? Window { get; set; }

        protected override void ProcessRecord() => Collect(TaskArn);

        protected override void EndProcessing()
        {
            var window = Window!;
            var result = RunScan(ResourceKinds.Executions, "task", "TaskArn", IncludeTags, request =>
            {
                request.TaskArns = RequestedArns;
                request.ExecutionsSince = window.SinceUtc;
            });
            if (result is null) return;
            var executions = result.Executions.Where(e => Matches(Status, e.Status)).ToList();
            WriteObject(executions, enumerateCollection: true);
            WriteSummary(string.Format(CultureInfo.InvariantCulture, "Collection complete: Executions ({0}): {1}", window.Description, executions.Count) + IssueSuffix(result));
        }
    }
}
