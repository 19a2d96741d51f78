using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>A Region's tasks: ListTasks (or the ARNs given), then DescribeTask for each, each handed on when described.</summary>
    internal sealed class TaskCollection : KindCollector<DataSyncTask>
    {
        // The names of the tasks handed on, for the Region's executions: bounded by the tasks, never by executions.
        private readonly ConcurrentDictionary<string, string?> _names = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);

        public TaskCollection(RegionScanContext context, CallPolicy calls, Listing listing, Tagging tagging)
            : base(context, calls, listing, tagging)
        {
        }

        public async Task CollectAsync()
        {
            var counter = new ProgressCounter(Context, "Tasks");
            await ProduceAsync(async pending =>
            {
                Task OnEntry(TaskListEntry entry)
                {
                    counter.Listed(1);
                    return pending.StartAsync(() => DescribeAsync(entry, counter));
                }

                if (Request.TaskArns != null)
                {
                    foreach (var arn in Request.TaskArns.Where(Context.InThisRegion)) await OnEntry(new TaskListEntry { TaskArn = arn }).ConfigureAwait(false);
                }
                else
                {
                    await Listing.ListAsync("ListTasks", "tasks", Context.Client.ListAllTasksAsync(Context.Token), (Func<TaskListEntry, Task>)OnEntry).ConfigureAwait(false);
                }

                counter.ListingDone();
            }).ConfigureAwait(false);
        }

        private async Task DescribeAsync(TaskListEntry entry, ProgressCounter counter)
        {
            var arn = entry.TaskArn ?? string.Empty;
            var response = await Calls.CallAsync("DescribeTask", arn, "the task's configuration", t => Context.Client.DescribeTaskAsync(new DescribeTaskRequest { TaskArn = arn }, t)).ConfigureAwait(false);
            DataSyncTask? task = null;
            if (response != null)
            {
                task = DataSyncTask.From(response, Region, AccountOf(arn));
            }
            else if (Request.TaskArns is null)
            {
                // Keep the row ListTasks gave us: the describe failure is a reported issue, not a lost task.
                task = new DataSyncTask { TaskArn = arn, Region = Region, AccountId = AccountOf(arn), Name = entry.Name, Status = entry.Status, TaskMode = entry.TaskMode };
            }

            if (task != null)
            {
                task.Tags = await Tagging.TagsAsync(arn).ConfigureAwait(false);
                _names[task.TaskArn] = task.Name;
                await HandOnAsync(task, task.AccountId, (t, name) => t.AccountName = name).ConfigureAwait(false);
            }

            counter.Completed();
        }

        /// <summary>The names of the tasks collected, once <paramref name="tasksDone"/> (this collection's <see cref="CollectAsync"/>) ends.</summary>
        public async Task<IReadOnlyDictionary<string, string?>> NamesOfCollectedAsync(Task tasksDone)
        {
            try
            {
                await tasksDone.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!Context.UserToken.IsCancellationRequested)
            {
                // The Region was abandoned: the names known so far.
            }

            return new Dictionary<string, string?>(_names, StringComparer.Ordinal);
        }

        /// <summary>The names of the Region's tasks from ListTasks alone, for executions collected without tasks.</summary>
        public async Task<IReadOnlyDictionary<string, string?>> ListNamesAsync()
        {
            var names = new Dictionary<string, string?>(StringComparer.Ordinal);
            await Listing.ListAsync("ListTasks", "task names on executions", Context.Client.ListAllTasksAsync(Context.Token), e =>
            {
                if (e.TaskArn != null) names[e.TaskArn] = e.Name;
            }).ConfigureAwait(false);
            return names;
        }
    }
}
