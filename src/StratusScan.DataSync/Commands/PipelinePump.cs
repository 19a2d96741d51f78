using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// Runs asynchronous engine work on the thread pool while every Write* call happens on the pipeline thread:
    /// worker threads post actions, the pipeline thread runs them in order until the work ends. When an action
    /// throws (the downstream stopped: Select-Object -First, a terminating error, Ctrl+C) or the caller's token is
    /// cancelled, the work's token is cancelled, so no new call starts, the work is awaited briefly and the
    /// original exception goes on.
    /// </summary>
    internal sealed class PipelinePump
    {
        /// <summary>How long a stopped pipeline waits for the work to wind down (its calls cancelled) before it goes on.</summary>
        internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

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
                // The work has completed or was stopped; nothing can be written any more.
            }
        }

        /// <summary>Runs <paramref name="work"/> and, on the calling (pipeline) thread, every action it posts. Reusable.</summary>
        public T Run<T>(Func<Task<T>> work) => Run(_ => work(), CancellationToken.None);

        /// <summary>
        /// Runs <paramref name="work"/> with a token linked to <paramref name="token"/> and, on the calling (pipeline)
        /// thread, every action it posts. The token given to the work is also cancelled when an action throws.
        /// </summary>
        public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken token)
        {
            var actions = new BlockingCollection<Action>();
            var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            Volatile.Write(ref _actions, actions);
            var task = Task.Run(async () =>
            {
                try
                {
                    return await work(stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    actions.CompleteAdding();
                }
            });

            try
            {
                foreach (var action in actions.GetConsumingEnumerable(token))
                {
                    action();
                }
            }
            catch (Exception)
            {
                Abandon(task, actions, stop);
                throw;
            }

            Interlocked.CompareExchange(ref _actions, null, actions);
            actions.Dispose();
            stop.Dispose();
            return task.GetAwaiter().GetResult();
        }

        /// <summary>
        /// The pipeline thread stopped reading: nothing more is queued, the work is cancelled (no new API call starts)
        /// and awaited for <see cref="StopGrace"/> at most; its end (a cancellation, or any failure) is observed
        /// either way, so no exception goes unobserved.
        /// </summary>
        private void Abandon<T>(Task<T> task, BlockingCollection<Action> actions, CancellationTokenSource stop)
        {
            Interlocked.CompareExchange(ref _actions, null, actions);
            try { actions.CompleteAdding(); } catch (ObjectDisposedException) { }
            stop.Cancel();
            task.ContinueWith(t =>
            {
                _ = t.Exception;
                stop.Dispose();
                actions.Dispose();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            try
            {
                task.Wait(StopGrace);
            }
            catch (AggregateException)
            {
                // Observed above; the pipeline's own exception is the one that goes on.
            }
        }
    }

    /// <summary>Runs the pump and translates a stop (Ctrl+C) into PowerShell's own signal.</summary>
    internal static class PipelinePumpExtensions
    {
        public static T RunStoppable<T>(this PipelinePump pump, Cmdlet cmdlet, CancellationToken token, Func<Task<T>> work) =>
            pump.RunStoppable(cmdlet, token, _ => work());

        /// <summary>
        /// The same, the work given a token that is cancelled by Ctrl+C and also when the downstream stops (an
        /// exception out of a Write* call on the pipeline thread), so a stopped pipeline stops the scan.
        /// </summary>
        public static T RunStoppable<T>(this PipelinePump pump, Cmdlet cmdlet, CancellationToken token, Func<CancellationToken, Task<T>> work)
        {
            try
            {
                return pump.Run(work, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested || cmdlet.Stopping)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
