using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// Turns scan progress into Write-Progress records: one parent activity per Region, a child per resource
    /// kind. Runs on the pipeline thread; writes a record only when what it shows changes.
    /// </summary>
    internal sealed class ScanProgressWriter
    {
        private static readonly string[] Kinds = { "Tasks", "Locations", "Agents", "Executions" };
        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private readonly IReadOnlyList<string> _regions;
        private readonly Dictionary<string, string> _shown = new Dictionary<string, string>();
        private readonly Dictionary<string, ScanProgress> _latest = new Dictionary<string, ScanProgress>();
        private readonly HashSet<int> _openRegions = new HashSet<int>();

        public ScanProgressWriter(Cmdlet cmdlet, string activity, IReadOnlyList<string> regions)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _regions = regions;
        }

        public void Write(ScanProgress p)
        {
            var key = p.Region + "/" + p.Kind;
            _latest[key] = p;
            var status = p.Listing
                ? string.Format(CultureInfo.InvariantCulture, "listing… {0} found", p.Total)
                : string.Format(CultureInfo.InvariantCulture, "{0} of {1} described", p.Completed, p.Total);
            var text = status + "|" + p.PercentComplete.ToString(CultureInfo.InvariantCulture);
            if (_shown.TryGetValue(key, out var previous) && previous == text && !(p.Listing && p.Total % 50 == 0)) return;
            _shown[key] = text;

            var regionId = RegionActivityId(p.RegionIndex);
            _openRegions.Add(p.RegionIndex);
            _cmdlet.WriteProgress(new ProgressRecord(regionId, _activity + ": " + p.Region,
                string.Format(CultureInfo.InvariantCulture, "Region {0} of {1}", p.RegionIndex + 1, p.RegionCount))
            {
                PercentComplete = RegionPercent(p.Region),
            });
            _cmdlet.WriteProgress(new ProgressRecord(KindActivityId(p.RegionIndex, p.Kind), p.Kind + " in " + p.Region, status)
            {
                ParentActivityId = regionId,
                PercentComplete = p.PercentComplete,
            });
        }

        public void Complete()
        {
            foreach (var index in _openRegions)
            {
                foreach (var kind in Kinds)
                {
                    _cmdlet.WriteProgress(new ProgressRecord(KindActivityId(index, kind), kind, "Done") { ParentActivityId = RegionActivityId(index), RecordType = ProgressRecordType.Completed });
                }

                _cmdlet.WriteProgress(new ProgressRecord(RegionActivityId(index), _activity, "Done") { RecordType = ProgressRecordType.Completed });
            }

            _openRegions.Clear();
        }

        private int RegionPercent(string region)
        {
            int sum = 0, count = 0;
            foreach (var kind in Kinds)
            {
                if (_latest.TryGetValue(region + "/" + kind, out var p))
                {
                    sum += p.PercentComplete;
                    count++;
                }
            }

            return count == 0 ? 0 : sum / count;
        }

        private static int RegionActivityId(int index) => 100 + index;

        private static int KindActivityId(int index, string kind) => 10000 + (index * 10) + System.Array.IndexOf(Kinds, kind);
    }
}
