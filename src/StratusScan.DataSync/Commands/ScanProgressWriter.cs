using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// Turns scan progress into Write-Progress records. One account: a parent activity per Region and a child per
    /// resource kind. Organisation-wide: a parent per account and a child per Region of it. Runs on the pipeline
    /// thread; writes a record only when what it shows changes.
    /// </summary>
    internal sealed class ScanProgressWriter
    {
        private static readonly string[] Kinds = { "Tasks", "Locations", "Agents", "Executions" };
        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private readonly Dictionary<string, string> _shown = new Dictionary<string, string>();
        private readonly Dictionary<string, ScanProgress> _latest = new Dictionary<string, ScanProgress>();

        // Activity id → its parent's id (0 for a parent): everything opened, closed again by Complete.
        private readonly Dictionary<int, int> _open = new Dictionary<int, int>();

        public ScanProgressWriter(Cmdlet cmdlet, string activity)
        {
            _cmdlet = cmdlet;
            _activity = activity;
        }

        public void Write(ScanProgress p)
        {
            var key = p.AccountId + "/" + p.Region + "/" + p.Kind;
            _latest[key] = p;
            var status = p.Listing
                ? string.Format(CultureInfo.InvariantCulture, "listing… {0} found", p.Total)
                : string.Format(CultureInfo.InvariantCulture, "{0} of {1} described", p.Completed, p.Total);
            var text = status + "|" + p.PercentComplete.ToString(CultureInfo.InvariantCulture);
            if (_shown.TryGetValue(key, out var previous) && previous == text && !(p.Listing && p.Total % 50 == 0)) return;
            _shown[key] = text;

            if (p.AccountId.Length == 0)
            {
                var regionId = 100 + p.RegionIndex;
                Show(regionId, 0, _activity + ": " + p.Region, string.Format(CultureInfo.InvariantCulture, "Region {0} of {1}", p.RegionIndex + 1, p.RegionCount),
                    Percent(q => q.Region == p.Region));
                Show(10000 + (p.RegionIndex * 10) + System.Array.IndexOf(Kinds, p.Kind), regionId, p.Kind + " in " + p.Region, status, p.PercentComplete);
                return;
            }

            var accountId = 100 + p.AccountIndex;
            Show(accountId, 0, _activity + ": account " + p.AccountId, string.Format(CultureInfo.InvariantCulture, "Account {0} of {1}", p.AccountIndex + 1, p.AccountCount),
                Percent(q => q.AccountId == p.AccountId));
            Show(100000 + (p.AccountIndex * 100) + p.RegionIndex, accountId, p.Region + " in account " + p.AccountId, p.Kind + ": " + status,
                Percent(q => q.AccountId == p.AccountId && q.Region == p.Region));
        }

        public void Complete()
        {
            // Children first, then their parents.
            foreach (var activity in _open.OrderBy(a => a.Value == 0 ? 1 : 0).ToList())
            {
                _cmdlet.WriteProgress(new ProgressRecord(activity.Key, _activity, "Done") { ParentActivityId = activity.Value == 0 ? -1 : activity.Value, RecordType = ProgressRecordType.Completed });
            }

            _open.Clear();
        }

        private void Show(int id, int parentId, string activity, string status, int percent)
        {
            _open[id] = parentId;
            _cmdlet.WriteProgress(new ProgressRecord(id, activity, status) { ParentActivityId = parentId == 0 ? -1 : parentId, PercentComplete = percent });
        }

        /// <summary>The average completion of the kinds reported so far for what <paramref name="match"/> selects.</summary>
        private int Percent(System.Func<ScanProgress, bool> match)
        {
            int sum = 0, count = 0;
            foreach (var p in _latest.Values)
            {
                if (!match(p)) continue;
                sum += p.PercentComplete;
                count++;
            }

            return count == 0 ? 0 : sum / count;
        }
    }
}
