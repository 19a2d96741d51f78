using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Regions;

namespace StratusScan.DataSync.Report
{
    /// <summary>
    /// How a report names its account or organisation: the name given (-AccountName), else the config's mapping
    /// (or organisation name), else the account id (or "multi-account").
    /// </summary>
    public sealed class ReportNaming
    {
        public ReportNaming(string? nameGiven, AccountNames accounts, string? organizationName)
        {
            NameGiven = nameGiven;
            Accounts = accounts ?? AccountNames.None;
            OrganizationName = organizationName;
        }

        public string? NameGiven { get; }
        public AccountNames Accounts { get; }
        public string? OrganizationName { get; }

        /// <summary>The name of a one-account report (and its file).</summary>
        public string ForAccount(string accountId) =>
            NameGiven ?? Accounts.MappedNameOf(accountId) ?? (string.IsNullOrEmpty(accountId) ? "unknown-account" : accountId);

        /// <summary>The name of an organisation-wide report: given, else the config's organization_name or agency_name, else multi-account.</summary>
        public string ForOrganization() => NameGiven ?? OrganizationName ?? "multi-account";
    }

    /// <summary>What a report covers, known before anything is written (its name decides the file's).</summary>
    public sealed class ReportScope
    {
        private ReportScope(string accountId, string accountName, string partition, IReadOnlyList<string> regions, IReadOnlyList<ReportAccount> accounts)
        {
            AccountId = accountId;
            AccountName = accountName;
            Partition = partition;
            Regions = regions;
            Accounts = accounts;
        }

        /// <summary>The one account; empty for an organisation (or objects of no account).</summary>
        public string AccountId { get; }

        /// <summary>The account's name, or the organisation's.</summary>
        public string AccountName { get; }
        public string Partition { get; }
        public IReadOnlyList<string> Regions { get; }

        /// <summary>The accounts of an organisation-wide report; empty for one account.</summary>
        public IReadOnlyList<ReportAccount> Accounts { get; }

        /// <summary>More than one account: the report is named for the organisation.</summary>
        public bool IsOrganization => Accounts.Count > 1;

        /// <summary>The scope of a scan: the caller's account, the one account of a role, or an organisation.</summary>
        public static ReportScope ForScan(ScanPlan plan, string callerAccountId, ReportNaming naming)
        {
            var roles = plan.Accounts;
            var organization = roles != null && roles.Count > 1;
            var accountId = roles is null ? callerAccountId : organization ? string.Empty : roles[0].AccountId;
            var accountName = organization ? naming.ForOrganization() : naming.ForAccount(accountId);
            var planned = roles?.Select(r => new ReportAccount(r.AccountId, naming.Accounts.NameOf(r.AccountId), scanned: true)).ToList() ?? new List<ReportAccount>();
            return new ReportScope(accountId, accountName, plan.Partition, plan.Regions, planned);
        }

        /// <summary>The scope of objects piped in: their account (or accounts), Regions and partition.</summary>
        public static ReportScope ForObjects(ReportObjects objects, ReportNaming naming)
        {
            var accountIds = objects.AccountIds();
            var accountId = accountIds.Count == 1 ? accountIds[0] : string.Empty;
            var accountName = accountIds.Count > 1 ? naming.ForOrganization() : naming.ForAccount(accountId);
            var accounts = accountIds.Count > 1
                ? accountIds.Select(id => new ReportAccount(id, naming.Accounts.MappedNameOf(id) ?? objects.NameCarriedBy(id) ?? id, scanned: true)).ToList()
                : new List<ReportAccount>();
            var regions = objects.Regions();
            var partition = regions.Select(Partitions.OfRegion).FirstOrDefault() ?? Partitions.Aws;
            return new ReportScope(accountId, accountName, partition, regions, accounts);
        }
    }

    /// <summary>
    /// What the Get-SSDataSync* objects piped into a report carry beyond their rows: the kinds supplied, and their
    /// accounts, account names and Regions (in order of kind — tasks, locations, agents, executions — then arrival).
    /// Small aggregates only; the rows go to the <see cref="ReportBuilder"/>.
    /// </summary>
    public sealed class ReportObjects
    {
        private readonly OrderedSet[] _accounts = { new OrderedSet(), new OrderedSet(), new OrderedSet(), new OrderedSet() };
        private readonly OrderedSet[] _regions = { new OrderedSet(), new OrderedSet(), new OrderedSet(), new OrderedSet() };
        private readonly Dictionary<string, string>[] _names =
        {
            new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal),
            new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal),
        };

        private readonly long[] _counts = new long[4];

        /// <summary>Objects taken, per kind.</summary>
        public long Tasks => _counts[0];
        public long Locations => _counts[1];
        public long Agents => _counts[2];

        /// <summary>Executions taken, inside the window or not.</summary>
        public long Executions => _counts[3];

        public long Count => _counts[0] + _counts[1] + _counts[2] + _counts[3];

        /// <summary>The kinds of which at least one object arrived (executions outside the window count: they were supplied).</summary>
        public ResourceKinds Supplied =>
            (Tasks > 0 ? ResourceKinds.Tasks : ResourceKinds.None) | (Locations > 0 ? ResourceKinds.Locations : ResourceKinds.None)
            | (Agents > 0 ? ResourceKinds.Agents : ResourceKinds.None) | (Executions > 0 ? ResourceKinds.Executions : ResourceKinds.None);

        /// <summary>Notes a task, location, agent or execution; false for anything else (left out).</summary>
        public bool TryAdd(object? item)
        {
            switch (item)
            {
                case DataSyncTask task:
                    Note(0, task.AccountId, task.AccountName, task.Region);
                    TagsCollected |= TagSet.WereCollected(task.Tags);
                    return true;
                case DataSyncLocation location:
                    Note(1, location.AccountId, location.AccountName, location.Region);
                    TagsCollected |= TagSet.WereCollected(location.Tags);
                    return true;
                case DataSyncAgent agent:
                    TagsCollected |= TagSet.WereCollected(agent.Tags);
                    Note(2, agent.AgentArn.Length > 0 ? agent.AccountId : string.Empty, agent.AccountName, agent.Region, agent.AccountId); return true;
                case DataSyncTaskExecution execution: Note(3, execution.AccountId, execution.AccountName, execution.Region); return true;
                default: return false;
            }
        }

        /// <summary>True when a task, location or agent piped in carries tags read from AWS (it was scanned with -IncludeTags).</summary>
        public bool TagsCollected { get; private set; }

        /// <summary>The accounts of the objects: tasks' first, then locations', agents', executions', each in arrival order.</summary>
        public IReadOnlyList<string> AccountIds() => _accounts.SelectMany(a => a.Items).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>The name the objects of an account carry (from the scan that made them), or null.</summary>
        public string? NameCarriedBy(string accountId)
        {
            foreach (var names in _names)
            {
                if (names.TryGetValue(accountId, out var name)) return name;
            }

            return null;
        }

        /// <summary>The Regions of the objects, in the same order as the accounts.</summary>
        public IReadOnlyList<string> Regions() => _regions.SelectMany(r => r.Items).Distinct(StringComparer.Ordinal).ToList();

        private void Note(int kind, string? accountId, string? accountName, string? region, string? namedAccount = null)
        {
            _counts[kind]++;
            if (!string.IsNullOrEmpty(accountId)) _accounts[kind].Add(accountId!);
            if (!string.IsNullOrEmpty(region)) _regions[kind].Add(region!);
            namedAccount ??= accountId;
            if (!string.IsNullOrEmpty(accountName) && namedAccount != null && !_names[kind].ContainsKey(namedAccount)) _names[kind][namedAccount] = accountName!;
        }

        private sealed class OrderedSet
        {
            private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

            public List<string> Items { get; } = new List<string>();

            public void Add(string item)
            {
                if (_seen.Add(item)) Items.Add(item);
            }
        }
    }
}
