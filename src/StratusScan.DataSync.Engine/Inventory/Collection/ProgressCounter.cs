using System.Threading;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>How far one kind of one Region has come: items listed and described, reported to the request's Progress on each change.</summary>
    internal sealed class ProgressCounter
    {
        private readonly RegionScanContext _context;
        private readonly string _kind;
        private int _listed;
        private int _completed;
        private int _listing = 1;

        public ProgressCounter(RegionScanContext context, string kind)
        {
            _context = context;
            _kind = kind;
            Report();
        }

        public void Listed(int count)
        {
            Interlocked.Add(ref _listed, count);
        }

        public void ListingDone()
        {
            Volatile.Write(ref _listing, 0);
            Report();
        }

        public void Completed()
        {
            Interlocked.Increment(ref _completed);
            Report();
        }

        private void Report()
        {
            var account = _context.Account;
            _context.Request.Progress?.Report(new ScanProgress(account.AccountId, account.AccountIndex, account.AccountCount, _context.Region, _context.RegionIndex, _context.RegionCount, _kind,
                Volatile.Read(ref _completed), Volatile.Read(ref _listed), Volatile.Read(ref _listing) == 1));
        }
    }
}
