using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// A Region's executions: ListTaskExecutions (of every task, or of the tasks given), DescribeTaskExecution for
    /// each, the ones that started before the window left out, each named after its task and handed on as soon as
    /// the Region's task names are known.
    /// </summary>
    internal sealed class ExecutionCollection : KindCollector<DataSyncTaskExecution>
    {
        private int _outsideWindow;

        public ExecutionCollection(RegionScanContext context, CallPolicy calls, Listing listing, Tagging tagging)
            : base(context, calls, listing, tagging)
        {
        }

        /// <summary>Executions described but left out because they started before the window.</summary>
        public int OutsideWindow => Volatile.Read(ref _outsideWindow);

        public async Task CollectAsync(Task<IReadOnlyDictionary<string, string?>> taskNames)
        {
            var counter = new ProgressCounter(Context, "Executions");
            await ProduceAsync(async pending =>
            {
                Task OnEntry(TaskExecutionListEntry entry)
                {
                    if (entry.TaskExecutionArn is null) return Task.CompletedTask;
                    counter.Listed(1);
                    var arn = entry.TaskExecutionArn;
                    return pending.StartAsync(() => DescribeAsync(arn, taskNames, counter));
                }

                if (Request.TaskArns != null)
                {
                    foreach (var taskArn in Request.TaskArns.Where(Context.InThisRegion))
                    {
                        await Listing.ListAsync("ListTaskExecutions", "executions of " + taskArn, Context.Client.ListAllTaskExecutionsAsync(taskArn, Context.Token), (Func<TaskExecutionListEntry, Task>)OnEntry, taskArn).ConfigureAwait(false);
                    }
                }
                else
                {
                    await Listing.ListAsync("ListTaskExecutions", "executions", Context.Client.ListAllTaskExecutionsAsync(null, Context.Token), (Func<TaskExecutionListEntry, Task>)OnEntry).ConfigureAwait(false);
                }

                counter.ListingDone();
            }).ConfigureAwait(false);
        }

        private async Task DescribeAsync(string arn, Task<IReadOnlyDictionary<string, string?>> taskNames, ProgressCounter counter)
        {
            try
            {
                var response = await Calls.CallAsync("DescribeTaskExecution", arn, "the execution (its start time decides whether it is in the window)", t => Context.Client.DescribeTaskExecutionAsync(new DescribeTaskExecutionRequest { TaskExecutionArn = arn }, t)).ConfigureAwait(false);
                if (response is null) return;
                if (!ExecutionWindow.StartsWithin(response.StartTime, Request.ExecutionsSince))
                {
                    Interlocked.Increment(ref _outsideWindow);
                    return;
                }

                var execution = DataSyncTaskExecution.From(response, Region, AccountOf(arn), taskName: null);
                execution.Tags = await Tagging.TagsAsync(arn).ConfigureAwait(false);
                var names = await taskNames.ConfigureAwait(false);
                if (names.TryGetValue(execution.TaskArn, out var name)) execution.TaskName = name;
                await HandOnAsync(execution, execution.AccountId, (e, account) => e.AccountName = account).ConfigureAwait(false);
            }
            finally
            {
                counter.Completed();
            }
        }
    }
}
