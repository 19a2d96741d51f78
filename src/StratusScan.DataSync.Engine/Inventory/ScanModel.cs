using System;
using System.Collections.Generic;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>The kinds of DataSync resource a scan collects.</summary>
    [Flags]
    public enum ResourceKinds
    {
        None = 0,
        Tasks = 1,
        Locations = 2,
        Agents = 4,
        Executions = 8,
        All = Tasks | Locations | Agents | Executions,
    }

    /// <summary>
    /// What to scan. Accounts and Regions are scanned in parallel; every API call shares the session's limit.
    /// </summary>
    public sealed class ScanRequest
    {
        public IReadOnlyList<string> Regions { get; set; } = Array.Empty<string>();

        /// <summary>
        /// The accounts of an organisation-wide scan, each opened by assuming its role with the session's
        /// credentials (the collector needs an <see cref="Aws.AwsSession"/>); null: the credentials' own account.
        /// </summary>
        public IReadOnlyList<AccountRole>? Accounts { get; set; }

        /// <summary>How the roles of <see cref="Accounts"/> are assumed.</summary>
        public AssumeRoleSettings AssumeRole { get; set; } = new AssumeRoleSettings();

        /// <summary>Account id → name (the config's account_mappings) for the objects' AccountName; else the id.</summary>
        public IReadOnlyDictionary<string, string>? AccountNames { get; set; }

        public ResourceKinds Kinds { get; set; } = ResourceKinds.All;

        /// <summary>Executions whose StartTime is at or after this UTC instant (null: every execution DataSync keeps).</summary>
        public DateTime? ExecutionsSince { get; set; }

        /// <summary>Only these tasks (and, for executions, only their executions); null: every task.</summary>
        public IReadOnlyCollection<string>? TaskArns { get; set; }
        public IReadOnlyCollection<string>? LocationArns { get; set; }
        public IReadOnlyCollection<string>? AgentArns { get; set; }

        /// <summary>Also call ListTagsForResource for every resource collected (one more call each): true sets <see cref="TaggedKinds"/> to every kind.</summary>
        public bool IncludeTags
        {
            get => TaggedKinds != ResourceKinds.None;
            set => TaggedKinds = value ? ResourceKinds.All : ResourceKinds.None;
        }

        /// <summary>The kinds whose tags are read (ListTagsForResource, one more call each); the others carry an empty tag set.</summary>
        public ResourceKinds TaggedKinds { get; set; }

        /// <summary>
        /// The most describes one kind of one Region has started and not yet handed on (waiting for a call slot, a
        /// response, or the sink); its listing pauses at this bound, so memory does not grow with the number listed.
        /// </summary>
        public int MaxPendingDescribes { get; set; } = DefaultMaxPendingDescribes;

        /// <summary>A list page of 100 and then some: with the default 16 calls in flight, plenty to keep every call slot busy.</summary>
        public const int DefaultMaxPendingDescribes = 128;

        /// <summary>The bound for a session of <paramref name="maxConcurrentCalls"/> calls in flight: a few times that, at least the default.</summary>
        public static int PendingDescribesFor(int maxConcurrentCalls) => Math.Max(DefaultMaxPendingDescribes, 4 * maxConcurrentCalls);

        /// <summary>Progress, reported from worker threads.</summary>
        public IProgress<ScanProgress>? Progress { get; set; }

        /// <summary>Each problem as it happens, from worker threads (it is also in the result).</summary>
        public Action<ScanIssue>? OnIssue { get; set; }

        /// <summary>
        /// Organisation-wide: each account as its scan ends (its id, and false when it could not be scanned), from
        /// worker threads.
        /// </summary>
        public Action<string, bool>? OnAccountDone { get; set; }

        /// <summary>
        /// Organisation-wide: how many accounts are scanned at once (0: <see cref="DefaultAccountsInFlight"/>). Enough
        /// accounts keep the calls in flight busy while some wait for AssumeRole; no more keeps memory flat, since an
        /// account's clients and credentials live only while it is scanned.
        /// </summary>
        public int AccountsInFlight { get; set; }

        public const int DefaultAccountsInFlight = 8;
    }

    /// <summary>How far one Region's collection of one kind has come (in one account of an organisation-wide scan).</summary>
    public sealed class ScanProgress
    {
        public ScanProgress(string region, int regionIndex, int regionCount, string kind, int completed, int total, bool listing)
            : this(string.Empty, 0, 1, region, regionIndex, regionCount, kind, completed, total, listing)
        {
        }

        public ScanProgress(string accountId, int accountIndex, int accountCount, string region, int regionIndex, int regionCount, string kind, int completed, int total, bool listing)
        {
            AccountId = accountId;
            AccountIndex = accountIndex;
            AccountCount = accountCount;
            Region = region;
            RegionIndex = regionIndex;
            RegionCount = regionCount;
            Kind = kind;
            Completed = completed;
            Total = total;
            Listing = listing;
        }

        /// <summary>The account of an organisation-wide scan; empty when the scan covers the credentials' own account.</summary>
        public string AccountId { get; }
        public int AccountIndex { get; }
        public int AccountCount { get; }
        public string Region { get; }

        /// <summary>The Region's place among the Regions scanned (in each account).</summary>
        public int RegionIndex { get; }
        public int RegionCount { get; }

        /// <summary>Tasks, Locations, Agents or Executions.</summary>
        public string Kind { get; }
        public int Completed { get; }

        /// <summary>Items listed so far (the final count once <see cref="Listing"/> is false).</summary>
        public int Total { get; }

        /// <summary>True while the list calls are still paging.</summary>
        public bool Listing { get; }

        public int PercentComplete => Listing || Total == 0 ? (Listing ? 0 : 100) : (int)(100L * Completed / Total);
    }

    /// <summary>What kind of problem a scan met.</summary>
    public enum ScanIssueKind
    {
        /// <summary>The caller lacks an IAM permission.</summary>
        AccessDenied,

        /// <summary>The Region is not enabled for the account (opt-in Region) or rejects the credentials.</summary>
        RegionNotEnabled,

        /// <summary>Throttled beyond the SDK's retries.</summary>
        Throttled,

        /// <summary>Another error answered by the service.</summary>
        ServiceError,

        /// <summary>The endpoint could not be reached, or the response could not be read.</summary>
        Network,

        /// <summary>AWS rejected the credentials themselves (a wrong secret key, an unknown or revoked access key): the scan stops.</summary>
        Authentication,

        /// <summary>A resource named by an ARN given to the cmdlet does not exist; the others are returned.</summary>
        NotFound,
    }

    /// <summary>A call or Region that failed during a scan, and what data is therefore missing.</summary>
    public sealed class ScanIssue
    {
        public ScanIssue(ScanIssueKind kind, string region, string operation, string? target, string? errorCode, string message, string missingData,
            string? accountId = null, string service = "datasync")
        {
            AccountId = accountId ?? string.Empty;
            Service = service;
            Kind = kind;
            Region = region;
            Operation = operation;
            Target = target;
            ErrorCode = errorCode;
            Message = message;
            MissingData = missingData;
        }

        public ScanIssueKind Kind { get; }

        /// <summary>The account scanned when the issue arose; empty in a scan of the caller's own account.</summary>
        public string AccountId { get; }
        public string Region { get; }

        /// <summary>The service called: datasync, or sts for the AssumeRole that opens another account.</summary>
        public string Service { get; }

        /// <summary>The API operation, e.g. ListTasks.</summary>
        public string Operation { get; }

        /// <summary>The IAM action the call needs, e.g. datasync:ListTasks or sts:AssumeRole.</summary>
        public string IamAction => Service + ":" + Operation;

        /// <summary>The ARN the call was about, when it was about one.</summary>
        public string? Target { get; }
        public string? ErrorCode { get; }
        public string Message { get; }

        /// <summary>What the workbook or output lacks because of it, in words.</summary>
        public string MissingData { get; }

        public override string ToString() => (AccountId.Length == 0 ? string.Empty : "account " + AccountId + " ") + Region + " " + IamAction + (Target is null ? string.Empty : " " + Target) + ": " + (ErrorCode ?? Kind.ToString()) + " - " + MissingData;
    }

    /// <summary>How a scan ended, without its objects (a streaming scan handed them to its <see cref="IScanSink"/>).</summary>
    public class ScanOutcome
    {
        public IReadOnlyList<string> Regions { get; set; } = Array.Empty<string>();

        /// <summary>The accounts of an organisation-wide scan, in order (failed ones too); empty for a scan of the credentials' own account.</summary>
        public IReadOnlyList<string> Accounts { get; set; } = Array.Empty<string>();

        /// <summary>Accounts that could not be scanned: the role could not be assumed, or no call succeeded in any Region.</summary>
        public IReadOnlyList<string> FailedAccounts { get; set; } = Array.Empty<string>();
        public IReadOnlyList<ScanIssue> Issues { get; set; } = Array.Empty<ScanIssue>();

        /// <summary>Regions where no call succeeded (not enabled, denied, unreachable) in any account scanned.</summary>
        public IReadOnlyList<string> FailedRegions { get; set; } = Array.Empty<string>();

        /// <summary>Executions described but left out because they started before the window.</summary>
        public int ExecutionsOutsideWindow { get; set; }

        /// <summary>Objects handed on, per kind.</summary>
        public long TaskCount { get; set; }
        public long LocationCount { get; set; }
        public long AgentCount { get; set; }
        public long ExecutionCount { get; set; }
    }

    /// <summary>Everything one scan collected, in a deterministic order (accounts and Regions as requested, then by ARN).</summary>
    public sealed class ScanResult : ScanOutcome
    {
        public IReadOnlyList<DataSyncTask> Tasks { get; set; } = Array.Empty<DataSyncTask>();
        public IReadOnlyList<DataSyncLocation> Locations { get; set; } = Array.Empty<DataSyncLocation>();
        public IReadOnlyList<DataSyncAgent> Agents { get; set; } = Array.Empty<DataSyncAgent>();
        public IReadOnlyList<DataSyncTaskExecution> Executions { get; set; } = Array.Empty<DataSyncTaskExecution>();
    }

    /// <summary>Thrown when no Region (or, organisation-wide, no account) could be scanned at all; <see cref="Issues"/> says why for each.</summary>
    public sealed class ScanFailedException : Exception
    {
        public ScanFailedException(string message, IReadOnlyList<ScanIssue> issues, bool allAccounts = false) : base(message)
        {
            Issues = issues;
            AllAccounts = allAccounts;
        }

        /// <summary>True when an organisation-wide scan could open or scan none of its accounts.</summary>
        public bool AllAccounts { get; }

        public IReadOnlyList<ScanIssue> Issues { get; }
    }
}
