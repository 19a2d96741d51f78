using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Report
{
    /// <summary>
    /// The Summary's figures, kept as running aggregates while rows stream to their sheets: counts per status, type,
    /// Region, account and day, and what the findings need. What it holds grows with the tasks, locations, agents,
    /// accounts, Regions and days, never with the executions. Not thread-safe: the builder serialises calls.
    /// </summary>
    internal sealed class ReportTotals
    {
        // Per account: tasks, active tasks, locations, agents, executions, failed executions, bytes.
        private readonly Dictionary<string, long[]> _accounts = new Dictionary<string, long[]>(StringComparer.Ordinal);

        // Per Region: tasks, locations, agents, executions, failed executions, bytes.
        private readonly Dictionary<string, long[]> _regions = new Dictionary<string, long[]>(StringComparer.Ordinal);

        // Per UTC day of the start time: the four execution groups, then bytes.
        private readonly Dictionary<DateTime, long[]> _days = new Dictionary<DateTime, long[]>();

        private readonly Dictionary<string, string?> _taskNames = new Dictionary<string, string?>(StringComparer.Ordinal);
        private readonly Dictionary<string, LatestExecution> _latest = new Dictionary<string, LatestExecution>(StringComparer.Ordinal);
        private readonly List<TaskFinding> _tasks = new List<TaskFinding>();
        private readonly HashSet<string> _usedLocations = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<LocationFinding> _locations = new List<LocationFinding>();
        private readonly List<AgentFinding> _offline = new List<AgentFinding>();

        public static readonly string[] ExecutionGroups = { ExecutionStatuses.Success, ExecutionStatuses.Error, SummaryWriter.InProgress, SummaryWriter.Other };

        public long Tasks { get; private set; }
        public long TasksWithSchedule { get; private set; }
        public Dictionary<string, long> TaskStatuses { get; } = new Dictionary<string, long>(StringComparer.Ordinal);
        public long Locations { get; private set; }
        public Dictionary<string, long> LocationTypes { get; } = new Dictionary<string, long>(StringComparer.Ordinal);
        public long Agents { get; private set; }
        public Dictionary<string, long> AgentStatuses { get; } = new Dictionary<string, long>(StringComparer.Ordinal);
        public long Executions { get; private set; }
        public long[] ExecutionGroupCounts { get; } = new long[4];
        public long BytesTransferred { get; private set; }

        /// <summary>The first and last UTC day an execution started (null before any).</summary>
        public DateTime? FirstDay { get; private set; }
        public DateTime? LastDay { get; private set; }

        public void Add(DataSyncTask t)
        {
            Tasks++;
            var status = t.Status ?? SummaryWriter.NoStatus;
            Increment(TaskStatuses, status);
            if (t.HasSchedule) TasksWithSchedule++;
            var account = Account(t.AccountId);
            account[0]++;
            if (t.Status == Inventory.TaskStatuses.Available) account[1]++;
            Region(t.Region)[0]++;
            _taskNames[t.TaskArn] = t.Name;
            _tasks.Add(new TaskFinding(t.AccountId, t.Region, t.TaskArn, t.Name, t.Status));
            if (t.SourceLocationArn != null) _usedLocations.Add(t.SourceLocationArn);
            if (t.DestinationLocationArn != null) _usedLocations.Add(t.DestinationLocationArn);
        }

        public void Add(DataSyncLocation l)
        {
            Locations++;
            Increment(LocationTypes, l.LocationType ?? LocationType.Unknown);
            Account(l.AccountId)[2]++;
            Region(l.Region)[1]++;
            _locations.Add(new LocationFinding(l.AccountId, l.Region, l.LocationArn, l.LocationType, l.LocationUri));
        }

        public void Add(DataSyncAgent a)
        {
            Agents++;
            Increment(AgentStatuses, a.Status ?? SummaryWriter.NoStatus);
            Account(a.AccountId)[3]++;
            Region(a.Region)[2]++;
            if (a.Status == Inventory.AgentStatuses.Offline) _offline.Add(new AgentFinding(a.AccountId, a.Region, a.AgentArn, a.Name, a.LastConnectionTime));
        }

        public void Add(DataSyncTaskExecution e)
        {
            Executions++;
            int group = Array.IndexOf(ExecutionGroups, SummaryWriter.ExecutionGroup(e.Status));
            ExecutionGroupCounts[group]++;
            long bytes = e.BytesTransferred ?? 0;
            BytesTransferred += bytes;
            bool failed = e.Status == ExecutionStatuses.Error;
            var account = Account(e.AccountId);
            account[4]++;
            if (failed) account[5]++;
            account[6] += bytes;
            var region = Region(e.Region);
            region[3]++;
            if (failed) region[4]++;
            region[5] += bytes;

            if (e.StartTime.HasValue)
            {
                var day = DateTime.SpecifyKind(e.StartTime.Value.Date, DateTimeKind.Utc);
                if (!_days.TryGetValue(day, out var counts)) _days[day] = counts = new long[5];
                counts[group]++;
                counts[4] += bytes;
                if (FirstDay is null || day < FirstDay) FirstDay = day;
                if (LastDay is null || day > LastDay) LastDay = day;
            }

            var key = e.TaskArn ?? string.Empty;
            if (!_latest.TryGetValue(key, out var current) || IsLater(e, current)) _latest[key] = new LatestExecution(e);
        }

        /// <summary>The counts of an account: tasks, active tasks, locations, agents, executions, failed executions, bytes (zeros when none).</summary>
        public long[] OfAccount(string accountId) => _accounts.TryGetValue(accountId ?? string.Empty, out var counts) ? counts : new long[7];

        /// <summary>The counts of a Region: tasks, locations, agents, executions, failed executions, bytes (zeros when none).</summary>
        public long[] OfRegion(string region) => _regions.TryGetValue(region ?? string.Empty, out var counts) ? counts : new long[6];

        public IEnumerable<string> RegionsSeen => _regions.Keys;

        /// <summary>The counts of a UTC day: the four execution groups, then bytes (zeros when none).</summary>
        public long[] OfDay(DateTime day) => _days.TryGetValue(day, out var counts) ? counts : new long[5];

        /// <summary>Tasks whose latest execution in the window failed, by Region then task ARN.</summary>
        public IReadOnlyList<LatestExecution> LatestFailed() =>
            _latest.Values.Where(e => e.Status == ExecutionStatuses.Error)
                .OrderBy(e => e.Region, StringComparer.Ordinal).ThenBy(e => e.TaskArn, StringComparer.Ordinal).ToList();

        /// <summary>Tasks with no execution in the window, in sheet order (account, Region, ARN).</summary>
        public IReadOnlyList<TaskFinding> Idle() => Sorted(_tasks.Where(t => !_latest.ContainsKey(t.Arn)));

        /// <summary>OFFLINE agents, in sheet order.</summary>
        public IReadOnlyList<AgentFinding> Offline() => Sorted(_offline);

        /// <summary>Locations no task uses as source or destination, in sheet order.</summary>
        public IReadOnlyList<LocationFinding> Unused() => Sorted(_locations.Where(l => !_usedLocations.Contains(l.Arn)));

        /// <summary>The task's name as the tasks give it, else the name the execution carries.</summary>
        public string? TaskName(LatestExecution e) => _taskNames.TryGetValue(e.TaskArn, out var name) && name != null ? name : e.TaskName;

        private static List<T> Sorted<T>(IEnumerable<T> items) where T : Finding =>
            items.OrderBy(f => f.AccountId, StringComparer.Ordinal).ThenBy(f => f.Region, StringComparer.Ordinal).ThenBy(f => f.Arn, StringComparer.Ordinal).ToList();

        private static bool IsLater(DataSyncTaskExecution candidate, LatestExecution current)
        {
            var a = candidate.StartTime ?? DateTime.MinValue;
            var b = current.StartTime ?? DateTime.MinValue;
            return a != b ? a > b : string.CompareOrdinal(candidate.TaskExecutionArn, current.TaskExecutionArn) > 0;
        }

        private static void Increment(Dictionary<string, long> counts, string key)
        {
            counts.TryGetValue(key, out var n);
            counts[key] = n + 1;
        }

        private long[] Account(string? accountId)
        {
            accountId ??= string.Empty;
            if (!_accounts.TryGetValue(accountId, out var counts)) _accounts[accountId] = counts = new long[7];
            return counts;
        }

        private long[] Region(string? region)
        {
            region ??= string.Empty;
            if (!_regions.TryGetValue(region, out var counts)) _regions[region] = counts = new long[6];
            return counts;
        }

        /// <summary>What a finding row needs, and where it sorts.</summary>
        internal abstract class Finding
        {
            protected Finding(string? accountId, string? region, string? arn)
            {
                AccountId = accountId ?? string.Empty;
                Region = region ?? string.Empty;
                Arn = arn ?? string.Empty;
            }

            public string AccountId { get; }
            public string Region { get; }
            public string Arn { get; }
        }

        internal sealed class TaskFinding : Finding
        {
            public TaskFinding(string? accountId, string? region, string? arn, string? name, string? status)
                : base(accountId, region, arn)
            {
                Name = name;
                Status = status;
            }

            public string? Name { get; }
            public string? Status { get; }
        }

        internal sealed class LocationFinding : Finding
        {
            public LocationFinding(string? accountId, string? region, string? arn, string? type, string? uri)
                : base(accountId, region, arn)
            {
                LocationType = type;
                LocationUri = uri;
            }

            public string? LocationType { get; }
            public string? LocationUri { get; }
        }

        internal sealed class AgentFinding : Finding
        {
            public AgentFinding(string? accountId, string? region, string? arn, string? name, DateTime? lastConnection)
                : base(accountId, region, arn)
            {
                Name = name;
                LastConnectionTime = lastConnection;
            }

            public string? Name { get; }
            public DateTime? LastConnectionTime { get; }
        }

        /// <summary>The latest execution of a task: only what the finding shows (its error detail already shortened).</summary>
        internal sealed class LatestExecution
        {
            public LatestExecution(DataSyncTaskExecution e)
            {
                TaskExecutionArn = e.TaskExecutionArn ?? string.Empty;
                TaskArn = e.TaskArn ?? string.Empty;
                TaskName = e.TaskName;
                Region = e.Region ?? string.Empty;
                Status = e.Status;
                StartTime = e.StartTime;
                ErrorCode = e.ErrorCode;
                ErrorDetail = SummaryWriter.Shorten(e.ErrorDetail, SummaryWriter.FindingDetailLength);
            }

            public string TaskExecutionArn { get; }
            public string TaskArn { get; }
            public string? TaskName { get; }
            public string Region { get; }
            public string? Status { get; }
            public DateTime? StartTime { get; }
            public string? ErrorCode { get; }
            public string? ErrorDetail { get; }
        }
    }
}
