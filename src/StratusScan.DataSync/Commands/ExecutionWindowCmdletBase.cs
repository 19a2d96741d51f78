using System;
using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// The cmdlets with an execution window (Get-SSDataSyncExecution, Export-SSDataSyncReport): -Days or -Since,
    /// resolved once in BeginProcessing (a window in the future is a terminating error, one beyond DataSync's
    /// history a warning).
    /// </summary>
    public abstract class ExecutionWindowCmdletBase : DataSyncCmdletBase
    {
        internal const string DaysSet = "Days";
        internal const string SinceSet = "Since";

        /// <summary>Executions that started in the last N days (default 30; DataSync keeps 30 days of history).</summary>
        /// <remarks>Virtual so that a cmdlet with more parameter sets (Export-SSDataSyncReport's -Path) can declare its own.</remarks>
        [Parameter(ParameterSetName = DaysSet)]
        [ValidateRange(1, 3650)]
        public virtual int Days { get; set; } = ExecutionWindow.DefaultDays;

        /// <summary>Executions that started at or after this time (a local time unless its Kind says UTC).</summary>
        [Parameter(ParameterSetName = SinceSet, Mandatory = true)]
        public virtual DateTime Since { get; set; }

        /// <summary>The window of -Days or -Since, from BeginProcessing on.</summary>
        internal ExecutionWindow Window { get; private set; } = null!;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            ExecutionWindow window;
            try
            {
                var since = MyInvocation.BoundParameters.ContainsKey("Since"); // the Since set, or a set where -Since is optional
                window = ScanPlan.ResolveWindow(since ? Since : (DateTime?)null, Days, DateTime.UtcNow);
            }
            catch (ScanPlanException e)
            {
                ThrowPlanError(e);
                throw;
            }

            if (window.HistoryWarning != null) WriteWarning(window.HistoryWarning);
            Window = window;
        }
    }
}
