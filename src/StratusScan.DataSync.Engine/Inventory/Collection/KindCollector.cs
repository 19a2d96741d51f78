using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// Collects one kind of resource in one Region: lists it (or takes the ARNs given), describes each item as soon as
    /// it is listed (a bounded number at once, <see cref="PendingDescribes"/>), reads its tags, and hands each object
    /// to the scan's sink as soon as it is complete. Only counts are kept, never the objects.
    /// </summary>
    internal abstract class KindCollector<T>
        where T : class
    {
        private long _handedOn;

        protected KindCollector(RegionScanContext context, CallPolicy calls, Listing listing, Tagging tagging)
        {
            Context = context;
            Calls = calls;
            Listing = listing;
            Tagging = tagging;
        }

        /// <summary>Objects handed to the sink.</summary>
        public long Count => Interlocked.Read(ref _handedOn);

        protected RegionScanContext Context { get; }
        protected CallPolicy Calls { get; }
        protected Listing Listing { get; }
        protected Tagging Tagging { get; }
        protected ScanRequest Request => Context.Request;
        protected string Region => Context.Region;

        protected static string AccountOf(string arn) => RegionScanContext.AccountOf(arn);

        /// <summary>Names the object's account and hands it to the sink; the collector waits for the sink (backpressure).</summary>
        protected async Task HandOnAsync(T item, string accountId, Action<T, string> setAccountName)
        {
            setAccountName(item, Context.Account.Output.Names.NameOf(accountId));
            await Context.Account.Output.Sink.WriteAsync(item, Context.UserToken).ConfigureAwait(false);
            Interlocked.Increment(ref _handedOn);
        }

        /// <summary>
        /// Runs <paramref name="produce"/> (the listing, which starts describes through the gate it is given), then
        /// waits for every describe started, even when the listing failed or was cancelled; the first failure wins.
        /// </summary>
        protected async Task ProduceAsync(Func<PendingDescribes, Task> produce)
        {
            var pending = new PendingDescribes(Request.MaxPendingDescribes, Context.Token);
            ExceptionDispatchInfo? failure = null;
            try
            {
                await produce(pending).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            await pending.DrainAsync().ConfigureAwait(false);
            pending.ThrowIfFaulted();
            failure?.Throw();
        }
    }
}
