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

    /// <summary>The Get-SSDataSync* objects a report is made of, in the order they arrived.</summary>
    public sealed class ReportObjects
    {
        public List<DataSyncTask> Tasks { get; } = new List<DataSyncTask>();
        public List<DataSyncLocation> Locations { get; } = new List<DataSyncLocation>();
        public List<DataSyncAgent> Agents { get; } = new List<DataSyncAgent>();
        public List<DataSyncTaskExecution> Executions { get; } = new List<DataSyncTaskExecution>();

        /// <summary>Adds a task, location, agent or execution; false for anything else (left out).</summary>
        public bool TryAdd(object? item)
        {
            switch (item)
            {
                case DataSyncTask task: Tasks.Add(task); return true;
                case DataSyncLocation location: Locations.Add(location); return true;
                case DataSyncAgent agent: Agents.Add(agent); return true;
                case DataSyncTaskExecution execution: Executions.Add(execution); return true;
                default: return false;
            }
        }

        /// <summary>True when a task, location or agent piped in carries tags read from AWS (it was scanned with -IncludeTags).</summary>
        public bool TagsCollected =>
            Tasks.Any(t => TagSet.WereCollected(t.Tags)) || Locations.Any(l => TagSet.WereCollected(l.Tags)) || Agents.Any(a => TagSet.WereCollected(a.Tags));

        /// <summary>The accounts of the objects, in the order they arrived.</summary>
        public IReadOnlyList<string> AccountIds() =>
            Tasks.Select(t => t.AccountId).Concat(Locations.Select(l => l.AccountId)).Concat(Agents.Select(a => a.AgentArn.Length > 0 ? a.AccountId : string.Empty))
                .Concat(Executions.Select(e => e.AccountId)).Where(a => !string.IsNullOrEmpty(a)).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>The name the objects of an account carry (from the scan that made them), or null.</summary>
        public string? NameCarriedBy(string accountId) =>
            Tasks.Where(t => t.AccountId == accountId).Select(t => t.AccountName)
                .Concat(Locations.Where(l => l.AccountId == accountId).Select(l => l.AccountName))
                .Concat(Agents.Where(a => a.AccountId == accountId).Select(a => a.AccountName))
                .Concat(Executions.Where(e => e.AccountId == accountId).Select(e => e.AccountName))
                .FirstOrDefault(n => !string.IsNullOrEmpty(n));

        /// <summary>The Regions of the objects, in the order they arrived.</summary>
        public IReadOnlyList<string> Regions() =>
            Tasks.Select(t => t.Region).Concat(Locations.Select(l => l.Region)).Concat(Agents.Select(a => a.Region)).Concat(Executions.Select(e => e.Region))
                .Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.Ordinal).ToList();
    }
}
