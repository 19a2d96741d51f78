using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.InventoryFiles
{
    /// <summary>
    /// One report from several inventory files, planned from their headers alone (the objects not yet read): for each
    /// account and Region a header covers (its accounts × its Regions), the file with the newest scan start wins (a tie:
    /// the later file in the order given). <see cref="Stream"/> then reads each file's objects in turn and hands the
    /// report builder only those of the pairs that file wins; nothing per object is kept.
    /// </summary>
    public sealed partial class InventoryMerge
    {
        private readonly IReadOnlyList<IInventorySource> _sources;
        private readonly Dictionary<(string Account, string Region), int> _winner = new Dictionary<(string, string), int>();
        private readonly List<string> _warnings = new List<string>();
        private readonly List<string> _notes = new List<string>();
        private List<int> _contributing = new List<int>();

        private InventoryMerge(IReadOnlyList<IInventorySource> sources)
        {
            _sources = sources;
        }

        /// <summary>The files, in the order given.</summary>
        public IReadOnlyList<IInventorySource> Sources => _sources;

        /// <summary>What the user should be told before the objects stream: scans superseded, windows that differ, files that add nothing.</summary>
        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>The same facts as the Summary's Notes rows show them.</summary>
        public IReadOnlyList<string> Notes => _notes;

        /// <summary>The partition every file was scanned in.</summary>
        public string Partition { get; private set; } = global::StratusScan.DataSync.Regions.Partitions.Aws;

        /// <summary>
        /// Plans the merge of <paramref name="sources"/> (headers already read). Throws <see cref="InventoryMergeException"/>
        /// when there is no file or the files were scanned in different partitions.
        /// </summary>
        public static InventoryMerge Plan(IReadOnlyList<IInventorySource> sources)
        {
            if (sources is null) throw new ArgumentNullException(nameof(sources));
            if (sources.Count == 0) throw new InventoryMergeException("No inventory file was given, so there is nothing to merge.", "NoInventoryFile", string.Empty);
            var merge = new InventoryMerge(sources);
            merge.CheckPartitions();
            merge.ChooseWinners();
            merge.CompareWindows();
            return merge;
        }

        /// <summary>True when source <paramref name="index"/> supplies the rows of <paramref name="accountId"/> in <paramref name="region"/>; a pair no header covers is kept from any file.</summary>
        public bool Wins(int index, string accountId, string region) =>
            !_winner.TryGetValue((accountId, region), out var winner) || winner == index;

        /// <summary>Sources that win at least one pair, or cover none (the others add nothing to the workbook), in the order given.</summary>
        public IReadOnlyList<int> Contributing() => _contributing;

        /// <summary>
        /// Reads each source's objects in turn and adds those of the pairs it wins to <paramref name="builder"/>.
        /// <paramref name="starting"/> is called before each source (for progress). An unreadable file's
        /// <see cref="InventoryFileException"/> goes on unchanged: a merge must not silently lack a shard.
        /// </summary>
        public MergeCounts Stream(ReportBuilder builder, Action<int, IInventorySource>? starting, CancellationToken cancellationToken)
        {
            if (builder is null) throw new ArgumentNullException(nameof(builder));
            var counts = new MergeCounts();
            for (int i = 0; i < _sources.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var source = _sources[i];
                starting?.Invoke(i, source);
                var only = source.Header.Accounts.Count == 1 ? source.Header.Accounts[0].AccountId : string.Empty;
                foreach (var item in source.ReadObjects(cancellationToken))
                {
                    var (account, region) = PairOf(item);
                    if (account.Length == 0) account = only;
                    if (Wins(i, account, region) && builder.Add(item)) counts.Added++;
                    else counts.Skipped++;
                }
            }

            return counts;
        }

        /// <summary>The account and Region an object belongs to.</summary>
        internal static (string Account, string Region) PairOf(object item) => item switch
        {
            DataSyncTask t => (t.AccountId ?? string.Empty, t.Region ?? string.Empty),
            DataSyncLocation l => (l.AccountId ?? string.Empty, l.Region ?? string.Empty),
            DataSyncAgent a => (a.AccountId ?? string.Empty, a.Region ?? string.Empty),
            DataSyncTaskExecution e => (e.AccountId ?? string.Empty, e.Region ?? string.Empty),
            _ => (string.Empty, string.Empty),
        };

        /// <summary>The pairs a header covers: its accounts × its Regions, in order.</summary>
        /// <summary>
        /// Whether source <paramref name="held"/> keeps <paramref name="account"/>'s pairs against the later source
        /// <paramref name="challenger"/>: a file that scanned the account beats one that could not (a failed re-run never
        /// hides data already collected); otherwise the newer scan wins, and on a tie the later file.
        /// </summary>
        private bool Outranks(int held, int challenger, string account)
        {
            bool heldScanned = Scanned(held, account), challengerScanned = Scanned(challenger, account);
            if (heldScanned != challengerScanned) return heldScanned;
            return _sources[held].Header.ScanStartUtc > _sources[challenger].Header.ScanStartUtc;
        }

        private bool Scanned(int index, string account) =>
            _sources[index].Header.Accounts.Any(a => a.AccountId == account && a.Status != InventoryAccountStatus.NotScanned);

        private List<(string Account, string Region)> Pairs(int index)
        {
            var header = _sources[index].Header;
            return header.Accounts.SelectMany(a => header.Regions.Select(r => (a.AccountId, r))).Distinct().ToList();
        }

        private void CheckPartitions()
        {
            var first = _sources[0];
            Partition = first.Header.Partition;
            foreach (var other in _sources.Skip(1))
            {
                if (!string.Equals(other.Header.Partition, Partition, StringComparison.Ordinal))
                {
                    throw new InventoryMergeException(
                        "'" + other.Path + "' was scanned in the " + other.Header.Partition + " partition and '" + first.Path + "' in " + Partition
                        + "; a workbook covers one partition, so merge the files of each partition separately.",
                        "InventoryPartitionMismatch", other.Path);
                }
            }
        }

        private void ChooseWinners()
        {
            // Superseded pairs, grouped per (loser, winner, account) so that a replaced organisation-wide file is one line per account.
            for (int i = 0; i < _sources.Count; i++)
            {
                foreach (var pair in Pairs(i))
                {
                    if (_winner.TryGetValue(pair, out var held) && Outranks(held, i, pair.Account)) continue;
                    _winner[pair] = i;
                }
            }

            var superseded = new List<(int Loser, int Winner, string Account, string Region)>();
            for (int i = 0; i < _sources.Count; i++)
            {
                foreach (var pair in Pairs(i))
                {
                    var winner = _winner[pair];
                    if (winner != i) superseded.Add((i, winner, pair.Account, pair.Region));
                }
            }

            foreach (var group in superseded.GroupBy(s => (s.Loser, s.Winner, s.Account)))
            {
                var loser = _sources[group.Key.Loser];
                var winner = _sources[group.Key.Winner];
                var where = "Account " + group.Key.Account + " " + string.Join(", ", group.Select(g => g.Region)) + ": ";
                var text = winner.Header.ScanStartUtc >= loser.Header.ScanStartUtc
                    ? where + "the scan of '" + winner.Path + "' at " + Stamp(winner.Header.ScanStartUtc) + " UTC replaces that of '" + loser.Path + "' at " + Stamp(loser.Header.ScanStartUtc) + " UTC."
                    : where + "the newer scan of '" + loser.Path + "' at " + Stamp(loser.Header.ScanStartUtc) + " UTC could not scan the account, so the data of '"
                        + winner.Path + "' at " + Stamp(winner.Header.ScanStartUtc) + " UTC is kept.";
                _warnings.Add(text);
                _notes.Add(text);
            }

            var winners = new HashSet<int>(_winner.Values);
            _contributing = Enumerable.Range(0, _sources.Count).Where(i => winners.Contains(i) || Pairs(i).Count == 0).ToList();
            for (int i = 0; i < _sources.Count; i++)
            {
                if (!_contributing.Contains(i))
                {
                    var text = "'" + _sources[i].Path + "' adds nothing: every account and Region it covers is in a newer file.";
                    _warnings.Add(text);
                    _notes.Add(text);
                }
            }
        }

        private void CompareWindows()
        {
            var windows = WindowGroups();
            if (windows.Count < 2) return;
            _warnings.Add("The files used different execution windows, so their executions cover different periods: "
                + string.Join("; ", windows.Select(w => w.Window.Description + " (" + w.Files.Count + " file(s))")) + ". The Summary shows each.");
            foreach (var (window, files) in windows)
            {
                _notes.Add("Execution window " + WindowText(window) + ": " + string.Join(", ", files.Select(f => "'" + f + "'")));
            }
        }

        /// <summary>The windows of the contributing files, each with the files that used it, in order of first use.</summary>
        private List<(InventoryWindow Window, List<string> Files)> WindowGroups()
        {
            var groups = new List<(InventoryWindow Window, List<string> Files)>();
            foreach (var i in Contributing())
            {
                var source = _sources[i];
                var group = groups.FirstOrDefault(g => g.Window.SameAs(source.Header.Window));
                if (group.Window is null)
                {
                    group = (source.Header.Window, new List<string>());
                    groups.Add(group);
                }

                group.Files.Add(source.Path);
            }

            return groups;
        }

        private static string WindowText(InventoryWindow window) =>
            window.Description.Length > 0 ? window.Description + " (from " + Stamp(window.SinceUtc) + " UTC)" : "from " + Stamp(window.SinceUtc) + " UTC";

        internal static string Stamp(DateTime value) => value.ToString("yyyy'-'MM'-'dd HH':'mm':'ss", CultureInfo.InvariantCulture);
    }

    /// <summary>What <see cref="InventoryMerge.Stream"/> did: objects added to the workbook, and objects of pairs another file wins.</summary>
    public sealed class MergeCounts
    {
        public long Added { get; set; }
        public long Skipped { get; set; }
    }

    /// <summary>Files that cannot be merged: the error id for the cmdlet, and the file at fault.</summary>
    public sealed class InventoryMergeException : Exception
    {
        public InventoryMergeException(string message, string errorId, string target)
            : base(message)
        {
            ErrorId = errorId;
            Target = target;
        }

        public string ErrorId { get; }
        public string Target { get; }
    }
}
