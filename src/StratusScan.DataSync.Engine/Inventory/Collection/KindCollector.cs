using System.Collections.Concurrent;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// Collects one kind of resource in one Region: lists it (or takes the ARNs given), describes each item as soon as
    /// it is listed, reads its tags, and keeps the result in <see cref="Items"/>.
    /// </summary>
    internal abstract class KindCollector<T>
    {
        protected KindCollector(RegionScanContext context, CallPolicy calls, Listing listing, Tagging tagging)
        {
            Context = context;
            Calls = calls;
            Listing = listing;
            Tagging = tagging;
        }

        /// <summary>What was collected (in no order: the collector orders the result).</summary>
        public ConcurrentBag<T> Items { get; } = new ConcurrentBag<T>();

        protected RegionScanContext Context { get; }
        protected CallPolicy Calls { get; }
        protected Listing Listing { get; }
        protected Tagging Tagging { get; }
        protected ScanRequest Request => Context.Request;
        protected string Region => Context.Region;

        protected static string AccountOf(string arn) => RegionScanContext.AccountOf(arn);
    }
}
