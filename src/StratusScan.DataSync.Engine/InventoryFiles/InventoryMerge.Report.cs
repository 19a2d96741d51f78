using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.InventoryFiles
{
    /// <summary>The merged report's description (<see cref="ReportData"/>), from the headers and the winners alone.</summary>
    public sealed partial class InventoryMerge
    {
        /// <summary>
        /// What the merged workbook covers, named as a scan of the same accounts would be (<see cref="ReportScope.ForScan"/>):
        /// accounts in order of first appearance (file order, then header order), each scanned unless every file that
        /// supplies it could not scan it; the issues of the pairs each file supplies; the Regions' union; the oldest scan
        /// start of the files that supply rows as the scan time (the workbook's data is at least that recent); the common
        /// window, else the first file's with every window among the notes.
        /// </summary>
        public ReportData Describe(ReportNaming naming)
        {
            if (naming is null) throw new ArgumentNullException(nameof(naming));
            var contributing = Contributing();
            var supplying = new HashSet<(int, string)>(_winner.Select(p => (p.Value, p.Key.Account)));
            var accounts = Accounts(supplying);
            var organization = accounts.Count > 1;
            var single = accounts.Count == 1 ? accounts[0].Id : string.Empty;
            var listed = organization || (accounts.Count == 1 && !ScannedAsItself(single, contributing));
            var data = new ReportData
            {
                AccountId = single,
                AccountName = organization ? naming.ForOrganization()
                    : naming.NameGiven ?? naming.Accounts.MappedNameOf(single) ?? (accounts.Count == 1 && accounts[0].Name.Length > 0 ? accounts[0].Name : naming.ForAccount(single)),
                Accounts = listed ? accounts.Select(a => new ReportAccount(a.Id, naming.Accounts.MappedNameOf(a.Id) ?? a.Name, a.Scanned)).ToList() : new List<ReportAccount>(),
                Partition = Partition,
                Regions = _sources.SelectMany(s => s.Header.Regions).Distinct(StringComparer.Ordinal).ToList(),
                CallerArn = CallerArnOf(contributing),
                ScanTimeUtc = contributing.Select(i => _sources[i].Header.ScanStartUtc).DefaultIfEmpty(_sources[0].Header.ScanStartUtc).Min(),
                Window = WindowOf(contributing),
                Supplied = contributing.Aggregate(ResourceKinds.None, (k, i) => k | _sources[i].Header.Kinds),
                TagsCollected = contributing.Any(i => (_sources[i].Header.TaggedKinds & (ResourceKinds.Tasks | ResourceKinds.Locations | ResourceKinds.Agents)) != 0),
                Issues = Issues(supplying, listed),
                Notes = _notes.ToList(),
            };
            return data;
        }

        /// <summary>Every account of the headers in order of first appearance, its name from the first header naming it, scanned unless every file supplying it says NotScanned.</summary>
        private List<(string Id, string Name, bool Scanned)> Accounts(HashSet<(int, string)> supplying)
        {
            var order = new List<string>();
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var scanned = new Dictionary<string, bool>(StringComparer.Ordinal);
            for (int i = 0; i < _sources.Count; i++)
            {
                foreach (var account in _sources[i].Header.Accounts)
                {
                    if (!names.ContainsKey(account.AccountId))
                    {
                        order.Add(account.AccountId);
                        names[account.AccountId] = account.AccountName ?? string.Empty;
                        scanned[account.AccountId] = false;
                    }
                    else if (names[account.AccountId].Length == 0 && !string.IsNullOrEmpty(account.AccountName))
                    {
                        names[account.AccountId] = account.AccountName!;
                    }

                    if (supplying.Contains((i, account.AccountId)) && account.Status != InventoryAccountStatus.NotScanned) scanned[account.AccountId] = true;
                }
            }

            return order.Select(id => (id, names[id], scanned[id])).ToList();
        }

        /// <summary>
        /// A header of one account does not say whether its scan used the credentials' own account or assumed a role. A
        /// scan of the caller's own account shows no By Account table; so the account is not listed when every file
        /// that supplies it was scanned by a caller of that same account (or piped objects, with no caller).
        /// </summary>
        private bool ScannedAsItself(string accountId, IReadOnlyList<int> contributing) =>
            contributing.All(i => _sources[i].Header.CallerArn.Length == 0 || string.Equals(AccountOfArn(_sources[i].Header.CallerArn), accountId, StringComparison.Ordinal));

        private static string AccountOfArn(string arn)
        {
            var parts = arn.Split(':');
            return parts.Length > 4 ? parts[4] : string.Empty;
        }

        /// <summary>The one caller when every file that supplies rows agrees, else each of them.</summary>
        private string CallerArnOf(IReadOnlyList<int> contributing)
        {
            var callers = contributing.Select(i => _sources[i].Header.CallerArn).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            return callers.Count <= 1 ? callers.FirstOrDefault() ?? string.Empty : "several: " + string.Join("; ", callers);
        }

        /// <summary>The common window (from its earliest start to the latest scan start), else the first file's; the notes show each.</summary>
        private ExecutionWindow? WindowOf(IReadOnlyList<int> contributing)
        {
            if (contributing.Count == 0) return null;
            var first = _sources[contributing[0]].Header.Window;
            var same = contributing.Where(i => _sources[i].Header.Window.SameAs(first)).ToList();
            var since = same.Min(i => _sources[i].Header.Window.SinceUtc);
            var now = same.Max(i => _sources[i].Header.ScanStartUtc);
            var description = first.Description.Length > 0 ? first.Description : first.Days.HasValue ? first.Days + " days" : "since " + Stamp(first.SinceUtc) + " UTC";
            if (same.Count < contributing.Count) description += " (the first file's; other files used other windows: see Notes)";
            return ExecutionWindow.Recorded(since, now < since ? since : now, description);
        }

        /// <summary>
        /// The issues of each file for the pairs it supplies; an issue with no Region (the account as a whole) is kept
        /// when the file supplies any pair of its account. An issue of a scan of the caller's own account names no
        /// account: when the report lists accounts it gets the file's one account.
        /// </summary>
        private IReadOnlyList<ScanIssue> Issues(HashSet<(int, string)> supplying, bool listed)
        {
            var issues = new List<ScanIssue>();
            for (int i = 0; i < _sources.Count; i++)
            {
                var header = _sources[i].Header;
                var only = header.Accounts.Count == 1 ? header.Accounts[0].AccountId : string.Empty;
                foreach (var issue in header.Issues)
                {
                    var account = issue.AccountId.Length > 0 ? issue.AccountId : only;
                    var kept = string.IsNullOrEmpty(issue.Region) ? supplying.Contains((i, account)) : Wins(i, account, issue.Region);
                    if (!kept) continue;
                    issues.Add(listed && issue.AccountId.Length == 0 && account.Length > 0
                        ? new ScanIssue(issue.Kind, issue.Region, issue.Operation, issue.Target, issue.ErrorCode, issue.Message, issue.MissingData, account, issue.Service)
                        : issue);
                }
            }

            return issues;
        }
    }
}
