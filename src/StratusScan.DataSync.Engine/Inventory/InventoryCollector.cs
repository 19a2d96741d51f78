using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Aws.Model;
using Partitions = StratusScan.DataSync.Regions.Partitions;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// Collects DataSync resources across accounts and Regions: every account and Region at once, and within a
    /// Region the four kinds at once, each Describe call started as soon as its list page arrives. The number of
    /// calls in flight is bounded by the session (<see cref="AwsConnectionOptions.MaxConcurrentCalls"/>), across
    /// the accounts too; the SDK retries throttling. A failed call, or an account whose role cannot be assumed,
    /// becomes a <see cref="ScanIssue"/> and the scan goes on; only missing credentials, cancellation, or every
    /// Region (organisation-wide: every account) failing end it.
    /// </summary>
    public sealed class InventoryCollector
    {
        private readonly AwsSession? _session;
        private readonly Func<string, IDataSyncClient> _clientFor;

        public InventoryCollector(AwsSession session)
            : this((session ?? throw new ArgumentNullException(nameof(session))).GetDataSyncClient)
        {
            _session = session;
        }

        public InventoryCollector(Func<string, IDataSyncClient> clientForRegion)
        {
            _clientFor = clientForRegion ?? throw new ArgumentNullException(nameof(clientForRegion));
        }

        public async Task<ScanResult> ScanAsync(ScanRequest request, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var regions = request.Regions.Distinct(StringComparer.Ordinal).ToArray();
            AccountScan[] accounts;
            if (request.Accounts is null)
            {
                accounts = new[] { new AccountScan(this, request, null, 0, 1, regions, cancellationToken) };
            }
            else
            {
                if (_session is null) throw new InvalidOperationException("An organisation-wide scan assumes a role in each account: create the collector with an AwsSession.");
                var roles = request.Accounts.GroupBy(a => a.RoleArn, StringComparer.Ordinal).Select(g => g.First()).ToArray();
                accounts = roles.Select((role, index) => new AccountScan(this, request, role, index, roles.Length, regions, cancellationToken)).ToArray();
            }

            await Task.WhenAll(accounts.Select(a => a.RunAsync())).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();

            var issues = accounts.SelectMany(a => a.Issues).ToList();
            var scans = accounts.SelectMany(a => a.Regions).ToArray();
            if (request.Accounts is null)
            {
                if (scans.Length > 0 && scans.All(s => s.Failed))
                {
                    throw new ScanFailedException(
                        "No Region could be scanned: " + string.Join("; ", issues.GroupBy(i => i.Region).Select(g => g.First().ToString())),
                        issues);
                }
            }
            else if (accounts.Length > 0 && accounts.All(a => a.Failed))
            {
                throw new ScanFailedException(
                    "No account could be scanned: " + string.Join("; ", issues.GroupBy(i => i.AccountId).Select(g => g.First().ToString())),
                    issues, allAccounts: true);
            }

            var result = new ScanResult
            {
                Regions = regions,
                Accounts = request.Accounts is null ? Array.Empty<string>() : accounts.Select(a => a.AccountId).ToList(),
                FailedAccounts = accounts.Where(a => a.Failed && a.Role != null).Select(a => a.AccountId).ToList(),
                Tasks = scans.SelectMany(s => s.Tasks.OrderBy(t => t.TaskArn, StringComparer.Ordinal)).ToList(),
                Locations = scans.SelectMany(s => s.Locations.OrderBy(l => l.LocationArn, StringComparer.Ordinal)).ToList(),
                Agents = scans.SelectMany(s => s.Agents.OrderBy(a => a.AgentArn, StringComparer.Ordinal)).ToList(),
                Executions = scans.SelectMany(s => s.Executions.OrderBy(e => e.TaskExecutionArn, StringComparer.Ordinal)).ToList(),
                Issues = issues,
                FailedRegions = regions.Where(r => scans.Any(s => s.Region == r) && scans.Where(s => s.Region == r).All(s => s.Failed)).ToList(),
                ExecutionsOutsideWindow = scans.Sum(s => s.ExecutionsOutsideWindow),
            };
            NameAccounts(result, request.AccountNames);
            return result;
        }

        /// <summary>The account of a DataSync ARN (every DataSync ARN names it).</summary>
        internal static string AccountOf(string? arn) => AwsArn.TryParse(arn)?.AccountId ?? string.Empty;

        /// <summary>Every object's AccountName: the mapped name of its account, else the account id.</summary>
        private static void NameAccounts(ScanResult result, IReadOnlyDictionary<string, string>? names)
        {
            string NameOf(string id) => names != null && names.TryGetValue(id, out var name) && !string.IsNullOrEmpty(name) ? name : id;
            foreach (var t in result.Tasks) t.AccountName = NameOf(t.AccountId);
            foreach (var l in result.Locations) l.AccountName = NameOf(l.AccountId);
            foreach (var a in result.Agents) a.AccountName = NameOf(a.AccountId);
            foreach (var e in result.Executions) e.AccountName = NameOf(e.AccountId);
        }

        /// <summary>
        /// One account: its role assumed first (organisation-wide), then its Regions scanned in parallel. An account
        /// whose role cannot be assumed is one issue, and the other accounts go on.
        /// </summary>
        private sealed class AccountScan
        {
            private readonly InventoryCollector _collector;
            private readonly ScanRequest _request;
            private readonly int _index;
            private readonly int _count;
            private readonly IReadOnlyList<string> _regionNames;
            private readonly CancellationToken _userToken;
            private readonly List<ScanIssue> _openIssues = new List<ScanIssue>();

            public AccountScan(InventoryCollector collector, ScanRequest request, AccountRole? role, int index, int count, IReadOnlyList<string> regions, CancellationToken userToken)
            {
                _collector = collector;
                _request = request;
                Role = role;
                _index = index;
                _count = count;
                _regionNames = regions;
                _userToken = userToken;
            }

            /// <summary>The role assumed; null for the credentials' own account.</summary>
            public AccountRole? Role { get; }

            /// <summary>The account id (empty for the credentials' own account, which a scan does not look up).</summary>
            public string AccountId => Role?.AccountId ?? string.Empty;

            public IReadOnlyList<RegionScan> Regions { get; private set; } = Array.Empty<RegionScan>();

            public IEnumerable<ScanIssue> Issues => _openIssues.Concat(Regions.SelectMany(r => r.Issues));

            /// <summary>The role could not be assumed, or no call of any Region succeeded.</summary>
            public bool Failed => _openIssues.Count > 0 || (Regions.Count > 0 && Regions.All(r => r.Failed));

            public async Task RunAsync()
            {
                if (Role is null)
                {
                    await ScanRegionsAsync(_collector._clientFor).ConfigureAwait(false);
                    return;
                }

                var session = await OpenAsync(Role).ConfigureAwait(false);
                if (session is null) return;
                using (session)
                {
                    await ScanRegionsAsync(session.GetDataSyncClient).ConfigureAwait(false);
                }
            }

            private Task ScanRegionsAsync(Func<string, IDataSyncClient> clientFor)
            {
                Regions = _regionNames.Select((region, i) => new RegionScan(clientFor(region), _request, AccountId, _index, _count, region, i, _regionNames.Count, _userToken)).ToArray();
                return Task.WhenAll(Regions.Select(r => r.RunAsync()));
            }

            /// <summary>STS AssumeRole in a scanned Region of the role's partition (else the partition's first Region).</summary>
            private async Task<AwsSession?> OpenAsync(AccountRole role)
            {
                var stsRegion = _regionNames.FirstOrDefault(r => Partitions.OfRegion(r) == role.Partition) ?? Partitions.DefaultRegion(role.Partition);
                var settings = _request.AssumeRole;
                var missing = "everything in account " + role.AccountId;
                try
                {
                    return await _collector._session!.AssumeRoleSessionAsync(stsRegion, role.RoleArn, settings.RoleSessionName, settings.ExternalId, settings.Duration, _userToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_userToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (DataSyncServiceException e)
                {
                    var kind = e is DataSyncAccessDeniedException ? ScanIssueKind.AccessDenied
                        : e is DataSyncThrottlingException ? ScanIssueKind.Throttled
                        : ScanIssueKind.ServiceError;
                    var why = kind == ScanIssueKind.AccessDenied
                        ? "The role " + role.RoleArn + " could not be assumed: the caller may lack sts:AssumeRole on it, the role may not exist or may not trust the caller, or the ExternalId is missing or wrong. "
                        : "The role " + role.RoleArn + " could not be assumed. ";
                    Report(new ScanIssue(kind, stsRegion, "AssumeRole", role.RoleArn, e.ErrorCode, why + "AWS said: " + e.Message, missing, role.AccountId, "sts"));
                }
                catch (AwsNetworkException e)
                {
                    Report(new ScanIssue(ScanIssueKind.Network, stsRegion, "AssumeRole", role.RoleArn, null, e.Message, missing, role.AccountId, "sts"));
                }
                catch (AwsClientException e)
                {
                    Report(new ScanIssue(ScanIssueKind.ServiceError, stsRegion, "AssumeRole", role.RoleArn, "ClientError", e.Message, missing, role.AccountId, "sts"));
                }

                return null;
            }

            private void Report(ScanIssue issue)
            {
                _openIssues.Add(issue);
                _request.OnIssue?.Invoke(issue);
            }
        }

        private sealed class RegionScan
        {
            private readonly IDataSyncClient _client;
            private readonly ScanRequest _request;
            private readonly string _accountId;
            private readonly int _accountIndex;
            private readonly int _accountCount;
            private readonly int _index;
            private readonly int _count;
            private readonly CancellationToken _userToken;
            private readonly CancellationTokenSource _regionAbort;
            private readonly ConcurrentQueue<ScanIssue> _issues = new ConcurrentQueue<ScanIssue>();
            private int _succeededCalls;
            private int _regionDisabled;

            public RegionScan(IDataSyncClient client, ScanRequest request, string accountId, int accountIndex, int accountCount, string region, int index, int count, CancellationToken userToken)
            {
                _client = client;
                _request = request;
                _accountId = accountId;
                _accountIndex = accountIndex;
                _accountCount = accountCount;
                Region = region;
                _index = index;
                _count = count;
                _userToken = userToken;
                _regionAbort = CancellationTokenSource.CreateLinkedTokenSource(userToken);
            }

            public string Region { get; }
            public ConcurrentBag<DataSyncTask> Tasks { get; } = new ConcurrentBag<DataSyncTask>();
            public ConcurrentBag<DataSyncLocation> Locations { get; } = new ConcurrentBag<DataSyncLocation>();
            public ConcurrentBag<DataSyncAgent> Agents { get; } = new ConcurrentBag<DataSyncAgent>();
            public ConcurrentBag<DataSyncTaskExecution> Executions { get; } = new ConcurrentBag<DataSyncTaskExecution>();
            public IEnumerable<ScanIssue> Issues => _issues;
            public int ExecutionsOutsideWindow;

            /// <summary>No call of this Region succeeded.</summary>
            public bool Failed => Volatile.Read(ref _succeededCalls) == 0 && !_issues.IsEmpty;

            private CancellationToken Token => _regionAbort.Token;

            public async Task RunAsync()
            {
                var kinds = _request.Kinds;
                var work = new List<Task>();
                Task<IReadOnlyDictionary<string, string?>>? taskNames = null;
                if ((kinds & ResourceKinds.Tasks) != 0)
                {
                    var tasksDone = CollectTasksAsync();
                    work.Add(tasksDone);
                    taskNames = NamesOfCollectedTasksAsync(tasksDone);
                }

                if ((kinds & ResourceKinds.Locations) != 0) work.Add(CollectLocationsAsync());
                if ((kinds & ResourceKinds.Agents) != 0) work.Add(CollectAgentsAsync());
                if ((kinds & ResourceKinds.Executions) != 0) work.Add(CollectExecutionsAsync(taskNames ?? ListTaskNamesAsync()));

                try
                {
                    await Task.WhenAll(work).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!_userToken.IsCancellationRequested)
                {
                    // The Region was abandoned (not enabled); its issue is recorded.
                }
                finally
                {
                    _regionAbort.Dispose();
                }
            }

            // ---- tasks -------------------------------------------------------------------------------------

            private async Task CollectTasksAsync()
            {
                var describes = new List<Task>();
                var counter = new Counter(this, "Tasks");
                void OnEntry(TaskListEntry entry)
                {
                    counter.Listed(1);
                    describes.Add(DescribeTaskAsync(entry, counter));
                }

                if (_request.TaskArns != null)
                {
                    foreach (var arn in _request.TaskArns.Where(InThisRegion)) OnEntry(new TaskListEntry { TaskArn = arn });
                }
                else
                {
                    await ListAsync("ListTasks", "tasks", _client.ListAllTasksAsync(Token), OnEntry).ConfigureAwait(false);
                }

                counter.ListingDone();
                await Task.WhenAll(describes).ConfigureAwait(false);
            }

            private async Task DescribeTaskAsync(TaskListEntry entry, Counter counter)
            {
                var arn = entry.TaskArn ?? string.Empty;
                var response = await CallAsync("DescribeTask", arn, "the task's configuration", t => _client.DescribeTaskAsync(new DescribeTaskRequest { TaskArn = arn }, t)).ConfigureAwait(false);
                DataSyncTask? task = null;
                if (response != null)
                {
                    task = DataSyncTask.From(response, Region, AccountOf(arn));
                }
                else if (_request.TaskArns is null)
                {
                    // Keep the row ListTasks gave us: the describe failure is a reported issue, not a lost task.
                    task = new DataSyncTask { TaskArn = arn, Region = Region, AccountId = AccountOf(arn), Name = entry.Name, Status = entry.Status, TaskMode = entry.TaskMode };
                }

                if (task != null)
                {
                    task.Tags = await TagsAsync(arn).ConfigureAwait(false);
                    Tasks.Add(task);
                }

                counter.Completed();
            }

            private async Task<IReadOnlyDictionary<string, string?>> NamesOfCollectedTasksAsync(Task tasksDone)
            {
                await tasksDone.ConfigureAwait(false);
                var names = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var task in Tasks) names[task.TaskArn] = task.Name;
                return names;
            }

            private async Task<IReadOnlyDictionary<string, string?>> ListTaskNamesAsync()
            {
                var names = new Dictionary<string, string?>(StringComparer.Ordinal);
                await ListAsync("ListTasks", "task names on executions", _client.ListAllTasksAsync(Token), e =>
                {
                    if (e.TaskArn != null) names[e.TaskArn] = e.Name;
                }).ConfigureAwait(false);
                return names;
            }

            // ---- locations ---------------------------------------------------------------------------------

            private async Task CollectLocationsAsync()
            {
                var counter = new Counter(this, "Locations");
                var describes = new List<Task>();
                var wanted = _request.LocationArns is null ? null : new HashSet<string>(_request.LocationArns.Where(InThisRegion), StringComparer.Ordinal);
                if (wanted != null && wanted.Count == 0)
                {
                    counter.ListingDone();
                    return;
                }

                await ListAsync("ListLocations", "locations", _client.ListAllLocationsAsync(Token), entry =>
                {
                    if (entry.LocationArn is null || (wanted != null && !wanted.Contains(entry.LocationArn))) return;
                    counter.Listed(1);
                    describes.Add(DescribeLocationAsync(entry, counter));
                }).ConfigureAwait(false);
                counter.ListingDone();
                await Task.WhenAll(describes).ConfigureAwait(false);
            }

            private async Task DescribeLocationAsync(LocationListEntry entry, Counter counter)
            {
                var arn = entry.LocationArn!;
                var type = LocationUri.Parse(entry.LocationUri).Type;
                var operation = DescribeOperation(type);
                object? response = null;
                if (operation != null)
                {
                    response = await CallAsync(operation, arn, "the location's type-specific settings", t => DescribeLocationAsync(type, arn, t)).ConfigureAwait(false);
                }

                // One Describe call per location, chosen by the URI's scheme; an unknown scheme is listed, never probed.
                var location = response != null
                    ? DataSyncLocation.From(response, Region, AccountOf(arn))
                    : DataSyncLocation.FromListing(arn, entry.LocationUri, Region, AccountOf(arn));
                location.Tags = await TagsAsync(arn).ConfigureAwait(false);
                Locations.Add(location);
                counter.Completed();
            }

            internal static string? DescribeOperation(string locationType) => LocationKinds.OfName(locationType)?.DescribeOperation;

            private Task<object> DescribeLocationAsync(string type, string arn, CancellationToken t) =>
                (LocationKinds.OfName(type) ?? throw new ArgumentOutOfRangeException(nameof(type), type, "No Describe operation for this location type.")).Describe(_client, arn, t);

            // ---- agents ------------------------------------------------------------------------------------

            private async Task CollectAgentsAsync()
            {
                var counter = new Counter(this, "Agents");
                var describes = new List<Task>();
                if (_request.AgentArns != null)
                {
                    foreach (var arn in _request.AgentArns.Where(InThisRegion))
                    {
                        counter.Listed(1);
                        describes.Add(DescribeAgentAsync(new AgentListEntry { AgentArn = arn }, counter, keepListing: false));
                    }
                }
                else
                {
                    await ListAsync("ListAgents", "agents", _client.ListAllAgentsAsync(Token), entry =>
                    {
                        counter.Listed(1);
                        describes.Add(DescribeAgentAsync(entry, counter, keepListing: true));
                    }).ConfigureAwait(false);
                }

                counter.ListingDone();
                await Task.WhenAll(describes).ConfigureAwait(false);
            }

            private async Task DescribeAgentAsync(AgentListEntry entry, Counter counter, bool keepListing)
            {
                var arn = entry.AgentArn ?? string.Empty;
                var response = await CallAsync("DescribeAgent", arn, "the agent's endpoint and connection details", t => _client.DescribeAgentAsync(new DescribeAgentRequest { AgentArn = arn }, t)).ConfigureAwait(false);
                DataSyncAgent? agent = response != null
                    ? DataSyncAgent.From(response, Region, AccountOf(arn))
                    : keepListing ? new DataSyncAgent { AgentArn = arn, Region = Region, AccountId = AccountOf(arn), Name = entry.Name, Status = entry.Status, PlatformVersion = entry.Platform?.Version, Platform = entry.Platform } : null;
                if (agent != null)
                {
                    agent.Tags = await TagsAsync(arn).ConfigureAwait(false);
                    Agents.Add(agent);
                }

                counter.Completed();
            }

            // ---- executions --------------------------------------------------------------------------------

            private async Task CollectExecutionsAsync(Task<IReadOnlyDictionary<string, string?>> taskNames)
            {
                var counter = new Counter(this, "Executions");
                var describes = new List<Task<DataSyncTaskExecution?>>();
                void OnEntry(TaskExecutionListEntry entry)
                {
                    if (entry.TaskExecutionArn is null) return;
                    counter.Listed(1);
                    describes.Add(DescribeExecutionAsync(entry.TaskExecutionArn, counter));
                }

                if (_request.TaskArns != null)
                {
                    foreach (var taskArn in _request.TaskArns.Where(InThisRegion))
                    {
                        await ListAsync("ListTaskExecutions", "executions of " + taskArn, _client.ListAllTaskExecutionsAsync(taskArn, Token), OnEntry, taskArn).ConfigureAwait(false);
                    }
                }
                else
                {
                    await ListAsync("ListTaskExecutions", "executions", _client.ListAllTaskExecutionsAsync(null, Token), OnEntry).ConfigureAwait(false);
                }

                counter.ListingDone();
                var described = await Task.WhenAll(describes).ConfigureAwait(false);
                var names = await taskNames.ConfigureAwait(false);
                foreach (var execution in described)
                {
                    if (execution is null) continue;
                    if (names.TryGetValue(execution.TaskArn, out var name)) execution.TaskName = name;
                    Executions.Add(execution);
                }
            }

            private async Task<DataSyncTaskExecution?> DescribeExecutionAsync(string arn, Counter counter)
            {
                try
                {
                    var response = await CallAsync("DescribeTaskExecution", arn, "the execution (its start time decides whether it is in the window)", t => _client.DescribeTaskExecutionAsync(new DescribeTaskExecutionRequest { TaskExecutionArn = arn }, t)).ConfigureAwait(false);
                    if (response is null) return null;
                    var since = _request.ExecutionsSince;
                    if (since.HasValue && response.StartTime.HasValue && response.StartTime.Value < since.Value)
                    {
                        Interlocked.Increment(ref ExecutionsOutsideWindow);
                        return null;
                    }

                    var execution = DataSyncTaskExecution.From(response, Region, AccountOf(arn), taskName: null);
                    execution.Tags = await TagsAsync(arn).ConfigureAwait(false);
                    return execution;
                }
                finally
                {
                    counter.Completed();
                }
            }

            // ---- shared ------------------------------------------------------------------------------------

            private async Task<TagSet?> TagsAsync(string arn)
            {
                if (!_request.IncludeTags || arn.Length == 0) return null;
                var tags = new List<TagListEntry>();
                var ok = await ListAsync("ListTagsForResource", "the tags of " + arn, _client.ListAllTagsForResourceAsync(arn, Token), tags.Add, arn).ConfigureAwait(false);
                return ok ? TagSet.From(tags) : null;
            }

            /// <summary>Whether an ARN given belongs here: this Region, and organisation-wide this account.</summary>
            private bool InThisRegion(string arn)
            {
                var parsed = AwsArn.TryParse(arn);
                return string.Equals(parsed?.Region, Region, StringComparison.Ordinal)
                    && (_accountId.Length == 0 || string.Equals(parsed!.AccountId, _accountId, StringComparison.Ordinal));
            }

            /// <summary>Pages a list to the end; on failure keeps what arrived and records the issue.</summary>
            private async Task<bool> ListAsync<T>(string operation, string what, IAsyncEnumerable<T> pages, Action<T> onItem, string? target = null)
            {
                // A listing re-attempted after throttling starts again at the first page (the order is stable):
                // the items already handed on are skipped, so none is handed on twice.
                var delivered = 0;
                var result = await CallAsync<object>(operation, target, what + " (listing incomplete)", async t =>
                {
                    var index = 0;
                    await foreach (var item in pages.ConfigureAwait(false))
                    {
                        if (index++ < delivered) continue;
                        onItem(item);
                        delivered++;
                    }

                    return true;
                }).ConfigureAwait(false);
                return result != null;
            }

            /// <summary>
            /// Rounds of the SDK's retries a call gets when it still ends throttled, with a 5xx or with an unreadable body: the SDK retries a
            /// few times within one round; under heavy throttling a round can run out, and a row must never be lost
            /// to throttling (SPEC §7), so the scan waits and tries again.
            /// </summary>
            internal const int TransientRounds = 4;

            /// <summary>Throttling, a 5xx, or a 2xx whose body could not be read (malformed or cut short): worth another round.</summary>
            private static bool IsTransient(DataSyncServiceException e) =>
                e is DataSyncThrottlingException || e.StatusCode >= 500 || (e.StatusCode >= 200 && e.StatusCode < 300);

            private static TimeSpan RoundDelay(int round)
            {
                int jitter;
                lock (Jitter) jitter = Jitter.Next(250);
                return TimeSpan.FromMilliseconds((250 << Math.Min(round, 4)) + jitter);
            }

            private static readonly Random Jitter = new Random();

            /// <summary>One API call (or a whole list): success counted, failure turned into an issue (null).</summary>
            private async Task<T?> CallAsync<T>(string operation, string? target, string missing, Func<CancellationToken, Task<T>> call)
                where T : class
            {
                for (var round = 1; ; round++)
                {
                    try
                    {
                        return await CallOnceAsync(operation, target, missing, call, lastRound: round >= TransientRounds).ConfigureAwait(false);
                    }
                    catch (DataSyncServiceException e) when (round < TransientRounds && IsTransient(e))
                    {
                        try
                        {
                            await Task.Delay(RoundDelay(round), Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (!_userToken.IsCancellationRequested)
                        {
                            return null; // the Region was abandoned
                        }
                    }
                }
            }

            private async Task<T?> CallOnceAsync<T>(string operation, string? target, string missing, Func<CancellationToken, Task<T>> call, bool lastRound)
                where T : class
            {
                try
                {
                    var result = await call(Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _succeededCalls);
                    return result;
                }
                catch (DataSyncServiceException e) when (!lastRound && IsTransient(e))
                {
                    throw; // another round (CallAsync)
                }
                catch (OperationCanceledException) when (_userToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException) when (Token.IsCancellationRequested)
                {
                    return null; // the Region was abandoned
                }
                catch (DataSyncUnrecognizedClientException e)
                {
                    // An opt-in Region the account has not enabled answers every call this way: stop the Region once.
                    if (Interlocked.Exchange(ref _regionDisabled, 1) == 0)
                    {
                        var account = _accountId.Length == 0 ? "this account" : "account " + _accountId;
                        Report(new ScanIssue(ScanIssueKind.RegionNotEnabled, Region, operation, target, e.ErrorCode,
                            "The Region " + Region + " did not accept the credentials (" + e.ErrorCode + "): it is probably not enabled for " + account + ". " + e.Message,
                            "everything in " + Region + (_accountId.Length == 0 ? string.Empty : " of account " + _accountId), _accountId));
                        try { _regionAbort.Cancel(); } catch (ObjectDisposedException) { }
                    }

                    return null;
                }
                catch (DataSyncServiceException e)
                {
                    var kind = e is DataSyncAccessDeniedException ? ScanIssueKind.AccessDenied
                        : e is DataSyncThrottlingException ? ScanIssueKind.Throttled
                        : ScanIssueKind.ServiceError;
                    Report(new ScanIssue(kind, Region, operation, target, e.ErrorCode, e.Message, missing, _accountId));
                    return null;
                }
                catch (AwsNetworkException e)
                {
                    Report(new ScanIssue(ScanIssueKind.Network, Region, operation, target, null, e.Message, missing, _accountId));
                    return null;
                }
                catch (DataSyncPaginationException e)
                {
                    Report(new ScanIssue(ScanIssueKind.ServiceError, Region, operation, target, "PaginationError", e.Message, missing, _accountId));
                    return null;
                }
                catch (AwsClientException e)
                {
                    Report(new ScanIssue(ScanIssueKind.ServiceError, Region, operation, target, "ClientError", e.Message, missing, _accountId));
                    return null;
                }
            }

            private void Report(ScanIssue issue)
            {
                _issues.Enqueue(issue);
                _request.OnIssue?.Invoke(issue);
            }

            private string AccountOf(string arn) => InventoryCollector.AccountOf(arn);

            private sealed class Counter
            {
                private readonly RegionScan _scan;
                private readonly string _kind;
                private int _listed;
                private int _completed;
                private int _listing = 1;

                public Counter(RegionScan scan, string kind)
                {
                    _scan = scan;
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

                private void Report() =>
                    _scan._request.Progress?.Report(new ScanProgress(_scan._accountId, _scan._accountIndex, _scan._accountCount, _scan.Region, _scan._index, _scan._count, _kind,
                        Volatile.Read(ref _completed), Volatile.Read(ref _listed), Volatile.Read(ref _listing) == 1));
            }
        }
    }
}
