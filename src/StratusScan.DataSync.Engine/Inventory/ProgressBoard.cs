using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>One progress bar to show: its id, its parent's (0 for a top-level bar), texts and percentage.</summary>
    public sealed class ProgressLine
    {
        public ProgressLine(int id, int parentId, string activity, string status, int percent)
        {
            Id = id;
            ParentId = parentId;
            Activity = activity;
            Status = status;
            Percent = percent;
        }

        public int Id { get; }

        /// <summary>The parent bar's id; 0 for a top-level bar.</summary>
        public int ParentId { get; }
        public string Activity { get; }
        public string Status { get; }
        public int Percent { get; }
    }

    /// <summary>
    /// What a scan's progress display shows, at a cost that does not grow with the scan: a report costs constant
    /// work on the reporting thread, and the state is bounded by the Regions (one account) or constant
    /// (organisation-wide), never by the accounts or resources scanned. One account: a bar per Region with a child
    /// per resource kind. Organisation-wide: one bar for the accounts (how many are done of how many) and one
    /// child for the latest work. Thread-safe; <see cref="Lines"/> is for one reader at a time.
    /// </summary>
    public sealed class ProgressBoard : IProgress<ScanProgress>
    {
        private const int AccountsId = 100;
        private const int CurrentWorkId = 101;
        private static readonly string[] Kinds = { "Tasks", "Locations", "Agents", "Executions" };

        private readonly string _activity;
        private readonly int _accountCount;

        // One account: the latest report of each (Region, kind), by RegionIndex * Kinds.Length + kind.
        private readonly ConcurrentDictionary<int, ScanProgress> _regions = new ConcurrentDictionary<int, ScanProgress>();

        // Organisation-wide: the latest report of any account, and the accounts done.
        private ScanProgress? _latest;
        private int _accountsDone;
        private int _accountsFailed;
        private long _visits;

        /// <param name="activity">What the scan is for, e.g. "Export DataSync report".</param>
        /// <param name="accountCount">The accounts of an organisation-wide scan; 0 for the credentials' own account.</param>
        public ProgressBoard(string activity, int accountCount)
        {
            _activity = activity ?? throw new ArgumentNullException(nameof(activity));
            _accountCount = accountCount;
        }

        /// <summary>Reports and entries visited so far: what a test counts to show the work per account is constant.</summary>
        public long Visits => Interlocked.Read(ref _visits);

        /// <summary>From any thread: how far one kind of one Region has come.</summary>
        public void Report(ScanProgress value)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            Interlocked.Increment(ref _visits);
            if (_accountCount == 0)
            {
                var kind = Array.IndexOf(Kinds, value.Kind);
                if (kind >= 0) _regions[(value.RegionIndex * Kinds.Length) + kind] = value;
                return;
            }

            Volatile.Write(ref _latest, value);
        }

        /// <summary>From any thread: one account of an organisation-wide scan has ended.</summary>
        public void AccountDone(bool scanned)
        {
            Interlocked.Increment(ref _visits);
            Interlocked.Increment(ref _accountsDone);
            if (!scanned) Interlocked.Increment(ref _accountsFailed);
        }

        /// <summary>The bars to show now, parents before their children.</summary>
        public IReadOnlyList<ProgressLine> Lines()
        {
            var lines = new List<ProgressLine>();
            if (_accountCount > 0)
            {
                var done = Volatile.Read(ref _accountsDone);
                var failed = Volatile.Read(ref _accountsFailed);
                var status = string.Format(CultureInfo.InvariantCulture, "{0:N0} of {1:N0} accounts done", done, _accountCount)
                    + (failed == 0 ? string.Empty : string.Format(CultureInfo.InvariantCulture, " ({0:N0} could not be scanned)", failed));
                lines.Add(new ProgressLine(AccountsId, 0, _activity + ": " + _accountCount.ToString("N0", CultureInfo.InvariantCulture) + " accounts", status, (int)(100L * Math.Min(done, _accountCount) / _accountCount)));
                var latest = Volatile.Read(ref _latest);
                if (latest != null && done < _accountCount)
                {
                    lines.Add(new ProgressLine(CurrentWorkId, AccountsId, "Account " + latest.AccountId + ", " + latest.Region, latest.Kind + ": " + Status(latest), latest.PercentComplete));
                }

                Interlocked.Add(ref _visits, lines.Count);
                return lines;
            }

            var regions = new SortedDictionary<int, ScanProgress>();
            foreach (var entry in _regions)
            {
                if (!regions.ContainsKey(entry.Value.RegionIndex)) regions[entry.Value.RegionIndex] = entry.Value;
            }

            foreach (var region in regions.Values)
            {
                var regionId = 100 + region.RegionIndex;
                lines.Add(new ProgressLine(regionId, 0, _activity + ": " + region.Region,
                    string.Format(CultureInfo.InvariantCulture, "Region {0} of {1}", region.RegionIndex + 1, region.RegionCount), RegionPercent(region.RegionIndex)));
                for (int kind = 0; kind < Kinds.Length; kind++)
                {
                    var key = (region.RegionIndex * Kinds.Length) + kind;
                    if (_regions.TryGetValue(key, out var p)) lines.Add(new ProgressLine(10000 + key, regionId, p.Kind + " in " + p.Region, Status(p), p.PercentComplete));
                }
            }

            Interlocked.Add(ref _visits, _regions.Count + lines.Count);
            return lines;
        }

        private static string Status(ScanProgress p) => p.Listing
            ? string.Format(CultureInfo.InvariantCulture, "listing… {0} found", p.Total)
            : string.Format(CultureInfo.InvariantCulture, "{0} of {1} described", p.Completed, p.Total);

        /// <summary>The average completion of the kinds reported so far in one Region.</summary>
        private int RegionPercent(int regionIndex)
        {
            int sum = 0, count = 0;
            for (int kind = 0; kind < Kinds.Length; kind++)
            {
                if (!_regions.TryGetValue((regionIndex * Kinds.Length) + kind, out var p)) continue;
                sum += p.PercentComplete;
                count++;
            }

            return count == 0 ? 0 : sum / count;
        }
    }
}
