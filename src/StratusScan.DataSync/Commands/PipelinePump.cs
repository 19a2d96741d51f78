using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// Runs asynchronous engine work on the thread pool while every Write* call happens on the pipeline thread:
    /// worker threads post actions, the pipeline thread runs them in order until the work ends.
    /// </summary>
    internal sealed class PipelinePump
    {
        private BlockingCollection<Action>? _actions;

        /// <summary>Queues an action for the pipeline thread (from any thread). Ignored when no work is running.</summary>
        public void Post(Action action)
        {
            try
            {
                Volatile.Read(ref _actions)?.Add(action);
            }
            catch (InvalidOperationException)
            {
                // The work has completed; nothing can be written any more.
            }
        }

        /// <summary>Runs <paramref name="work"/> and, on the calling (pipeline) thread, every action it posts. Reusable.</summary>
        public T Run<T>(Func<Task<T>> work)
        {
            var actions = new BlockingCollection<Action>();
            Volatile.Write(ref _actions, actions);
            var task = Task.Run(async () =>
            {
                try
                {
                    return await work().ConfigureAwait(false);
                }
                finally
                {
                    actions.CompleteAdding();
                }
            });

            foreach (var action in actions.GetConsumingEnumerable())
            {
                action();
            }

            Interlocked.CompareExchange(ref _actions, null, actions);
            actions.Dispose();
            return task.GetAwaiter().GetResult();
        }
    }

    /// <summary>Runs the pump and translates a stop (Ctrl+C) into PowerShell's own signal.</summary>
    internal static class PipelinePumpExtensions
    {
        public static T RunStoppable<T>(this PipelinePump pump, Cmdlet cmdlet, CancellationToken token, Func<Task<T>> work)
        {
            try
            {
                return pump.Run(work);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested || cmdlet.Stopping)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
