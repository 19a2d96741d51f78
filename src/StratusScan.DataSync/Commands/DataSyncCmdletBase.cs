using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Configuration;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Regions;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// The AWS parameters every DataSync cmdlet shares (AWS Tools for PowerShell's names), credential and Region
    /// resolution, cancellation, and the scan with its progress, verbose and error streams.
    /// </summary>
    public abstract class DataSyncCmdletBase : PSCmdlet, IDisposable
    {
        /// <summary>The default -ThrottleLimit: concurrent API calls (chosen by measurement, see docs/benchmarks.md).</summary>
        public const int DefaultThrottleLimit = 16;

        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        /// <summary>Region names, or <c>all</c> for every DataSync Region of the partition.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        /// <summary>A profile of the shared credentials or config file.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        /// <summary>The shared credentials file to read profiles from.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProfileLocation { get; set; }

        /// <summary>
        /// A PSCredential whose user name is the access key id and password the secret access key (an Azure
        /// Automation credential asset), or an AWS SDK credentials object (also one made by AWS Tools for PowerShell).
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public object? Credential { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccessKey { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SecretKey { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SessionToken { get; set; }

        /// <summary>Send DataSync (and STS) calls to this endpoint, e.g. the bundled emulator.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        /// <summary>The most API calls in flight at once, across Regions.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>Organisation-wide: scan these accounts by assuming -RoleName in each.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AccountId { get; set; }

        /// <summary>The role (optionally with its path) to assume in each account of -AccountId, or of the ARNs given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RoleName { get; set; }

        /// <summary>Organisation-wide: scan the account of each of these IAM roles by assuming it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RoleArn { get; set; }

        /// <summary>The external id the roles' trust policies require.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ExternalId { get; set; }

        /// <summary>The role session name CloudTrail records in each account (default StratusScan.DataSync).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RoleSessionName { get; set; }

        /// <summary>How long each set of temporary credentials lasts, in seconds (they are renewed before they expire).</summary>
        [Parameter]
        [ValidateRange(900, 43200)]
        public int DurationSeconds { get; set; }

        /// <summary>A StratusScan config.json (default: ./config.json when it exists): account names, default Regions, organisation name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ConfigPath { get; set; }

        /// <summary>Cancelled by Ctrl+C (StopProcessing); passed all the way down.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        protected override void StopProcessing() => _cancellation.Cancel();

        public void Dispose()
        {
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Resolves credentials (terminating error when there are none) and opens a session.</summary>
        internal AwsSession OpenSession(PipelinePump pump)
        {
            var verbose = IsVerbose();
            var options = new AwsConnectionOptions
            {
                ProfileName = ProfileName,
                ProfileLocation = ProfileLocation is null ? null : GetUnresolvedProviderPathFromPSPath(ProfileLocation),
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                SessionToken = SessionToken,
                EndpointUrl = EndpointUrl,
                MaxConcurrentCalls = ThrottleLimit,
                // A throttled Region is paced by the client (RegionPacer), so the SDK's retries need neither long
                // back-offs nor its retry quota, which under a steady rate limit runs dry and drops rows.
                MaxBackoff = TimeSpan.FromSeconds(2),
                UseRetryQuota = false,
                OnApiCall = verbose ? record => pump.Post(() => WriteVerbose(record.ToString())) : (Action<ApiCallRecord>?)null,
            };
            ApplyCredentialParameter(options);
            ApplyStoredCredentials(options);

            try
            {
                var session = AwsSession.Create(options);
                if (verbose) WriteVerbose("Credentials: " + session.CredentialSource + "; StratusScan.DataSync engine " + EngineInfo.Version + " on AWSSDK.Core " + EngineInfo.AwsSdkCoreVersion + ".");
                return session;
            }
            catch (AwsCredentialsNotFoundException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "AwsCredentialsNotFound", ErrorCategory.AuthenticationError, ProfileName));
                throw; // not reached
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "InvalidAwsSettings", ErrorCategory.InvalidArgument, null));
                throw;
            }
        }

        private void ApplyCredentialParameter(AwsConnectionOptions options)
        {
            var credential = Credential is PSObject wrapped ? wrapped.BaseObject : Credential;
            if (credential is PSCredential ps)
            {
                // An Azure Automation credential asset: the user name is the access key id, the password the secret key.
                options.AccessKey = ps.UserName;
                options.SecretKey = ps.GetNetworkCredential().Password;
            }
            else if (credential != null)
            {
                options.Credentials = credential;
            }
        }

        /// <summary>
        /// AWS Tools for PowerShell's shell defaults, read as AWS Tools reads them. $StoredAWSCredentials (set by
        /// Set-AWSCredential: an object whose Credentials is an AWS SDK credentials object, or that object itself)
        /// is used when the command names no credentials (-Credential, -AccessKey/-SecretKey, -ProfileName,
        /// -ProfileLocation), ahead of the environment and the default profile.
        /// </summary>
        private void ApplyStoredCredentials(AwsConnectionOptions options)
        {
            if (options.Credentials != null || !string.IsNullOrEmpty(options.AccessKey) || !string.IsNullOrEmpty(options.SecretKey)
                || !string.IsNullOrEmpty(ProfileName) || !string.IsNullOrEmpty(ProfileLocation)) return;
            var stored = SessionState.PSVariable.GetValue("StoredAWSCredentials");
            if (stored is null) return;
            var wrapped = PSObject.AsPSObject(stored);
            if (wrapped.Methods["GetCredentials"] is null && wrapped.Properties["Credentials"]?.Value is object inner) wrapped = PSObject.AsPSObject(inner);
            options.Credentials = wrapped.BaseObject;
        }

        /// <summary>
        /// The Region when the command gives none: an explicit -ProfileName's own region, else AWS Tools'
        /// $StoredAWSRegion (set by Set-DefaultAWSRegion), else AWS_REGION, AWS_DEFAULT_REGION, the profile's region.
        /// </summary>
        private string? DefaultRegionOf(AwsSession session)
        {
            if (session.ProfileRegion != null) return session.ProfileRegion;
            var stored = SessionState.PSVariable.GetValue("StoredAWSRegion");
            var text = (stored is PSObject wrapped ? wrapped.BaseObject : stored)?.ToString();
            return string.IsNullOrWhiteSpace(text) ? session.DefaultRegion : text!.Trim();
        }

        /// <summary>
        /// The Regions to scan, in the order given: -Region (names or <c>all</c>), else the Regions of the ARNs
        /// given, else the config file's default_regions, else the default Region (<see cref="DefaultRegionOf"/>). An unknown Region is a terminating error listing the valid ones.
        /// </summary>
        internal IReadOnlyList<string> ResolveRegions(AwsSession session, IEnumerable<string>? regionsOfArns = null, IReadOnlyList<string>? configuredRegions = null)
        {
            var defaultRegion = DefaultRegionOf(session);
            var defaultPartition = defaultRegion is null ? Partitions.Aws : Partitions.OfRegion(defaultRegion);
            var result = new List<string>();
            if (Region != null && Region.Length > 0)
            {
                foreach (var name in Region)
                {
                    if (string.Equals(name, "all", StringComparison.OrdinalIgnoreCase))
                    {
                        result.AddRange(DataSyncRegions.InPartition(defaultPartition).Select(r => r.Name));
                        continue;
                    }

                    var region = DataSyncRegions.Find(name.Trim());
                    if (region is null)
                    {
                        ThrowInvalidRegion(name, defaultPartition);
                    }

                    result.Add(region!.Name);
                }
            }
            else if (regionsOfArns != null && regionsOfArns.Any())
            {
                result.AddRange(regionsOfArns);
            }
            else if (configuredRegions != null && configuredRegions.Count > 0)
            {
                // default_regions of the StratusScan config file
                foreach (var name in configuredRegions)
                {
                    var region = DataSyncRegions.Find(name);
                    if (region is null) ThrowInvalidRegion(name, defaultPartition);
                    result.Add(region!.Name);
                }
            }
            else if (defaultRegion != null)
            {
                if (DataSyncRegions.Find(defaultRegion) is null) ThrowInvalidRegion(defaultRegion, defaultPartition);
                result.Add(DataSyncRegions.Find(defaultRegion)!.Name);
            }
            else
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("No AWS Region was given or configured. Pass -Region (for example -Region us-east-1, or -Region all), run Set-DefaultAWSRegion, set AWS_REGION, or set a region in your AWS profile."),
                    "AwsRegionNotSpecified", ErrorCategory.InvalidArgument, null));
            }

            return result.Distinct(StringComparer.Ordinal).ToList();
        }

        private void ThrowInvalidRegion(string name, string partition)
        {
            var valid = string.Join(", ", DataSyncRegions.InPartition(partition).Select(r => r.Name));
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException(string.Format(CultureInfo.InvariantCulture,
                    "'{0}' is not an AWS Region where DataSync is offered. Valid Regions ({1}): {2}; or 'all'. Get-SSDataSyncRegion lists them.",
                    name, partition, valid)),
                "InvalidRegion", ErrorCategory.InvalidArgument, name));
        }

        /// <summary>Validates ARNs of one resource type; a malformed one is a terminating error.</summary>
        internal IReadOnlyList<AwsArn> ParseArns(IEnumerable<string>? arns, string resourceType, string parameterName)
        {
            var parsed = new List<AwsArn>();
            if (arns is null) return parsed;
            foreach (var text in arns)
            {
                try
                {
                    parsed.Add(AwsArn.ParseDataSync(text?.Trim() ?? string.Empty, resourceType));
                }
                catch (FormatException e)
                {
                    ThrowTerminatingError(new ErrorRecord(new PSArgumentException(e.Message + " (parameter -" + parameterName + ")", e), "InvalidArn", ErrorCategory.InvalidArgument, text));
                }
            }

            return parsed;
        }

        /// <summary>
        /// The accounts of an organisation-wide scan from -RoleArn, or -AccountId with -RoleName (else, with
        /// -RoleName, the accounts of the ARNs given); null for a scan of the credentials' own account. Misused
        /// parameters are terminating errors that say what to give.
        /// </summary>
        internal IReadOnlyList<AccountRole>? ResolveAccounts(IReadOnlyList<string> regions, IEnumerable<AwsArn>? arns = null)
        {
            var bound = MyInvocation.BoundParameters;
            var assumeOptions = new[] { "ExternalId", "RoleSessionName", "DurationSeconds" }.Where(bound.ContainsKey).ToList();
            if (RoleArn is null && RoleName is null && AccountId is null)
            {
                if (assumeOptions.Count > 0)
                {
                    ThrowAccountArgument("-" + string.Join(", -", assumeOptions) + " apply to the roles an organisation-wide scan assumes: give -RoleArn, or -AccountId with -RoleName.", "AssumeRoleParameterWithoutRole", assumeOptions[0]);
                }

                return null;
            }

            if (RoleArn != null && (AccountId != null || RoleName != null))
            {
                ThrowAccountArgument("Give either -RoleArn (a role ARN per account), or -AccountId with -RoleName; not both.", "AmbiguousAccountParameters", "RoleArn");
            }

            var accounts = new List<AccountRole>();
            try
            {
                if (RoleArn != null)
                {
                    accounts.AddRange(RoleArn.Select(AccountRole.FromArn));
                }
                else if (RoleName is null)
                {
                    ThrowAccountArgument("-AccountId needs -RoleName: the role to assume in each account (for example -RoleName StratusScanReadOnly).", "RoleNameRequired", "AccountId");
                }
                else
                {
                    var partition = Partitions.OfRegion(regions[0]);
                    var ids = AccountId ?? arns?.Select(a => a.AccountId).Distinct(StringComparer.Ordinal).ToArray();
                    if (ids is null || ids.Length == 0)
                    {
                        ThrowAccountArgument("-RoleName needs the accounts to assume it in: give -AccountId (for example -AccountId 111122223333,444455556666), or ARNs of those accounts.", "AccountIdRequired", "RoleName");
                    }

                    accounts.AddRange(ids!.Select(id => AccountRole.For(id, RoleName, partition)));
                }
            }
            catch (FormatException e)
            {
                ThrowAccountArgument(e.Message, RoleArn != null ? "InvalidRoleArn" : e.Message.Contains("account id") ? "InvalidAccountId" : "InvalidRoleName", RoleArn != null ? "RoleArn" : "AccountId");
            }

            var partitions = accounts.Select(a => a.Partition).Concat(regions.Select(Partitions.OfRegion)).Distinct(StringComparer.Ordinal).ToList();
            if (partitions.Count > 1)
            {
                ThrowAccountArgument("The roles and Regions span several partitions (" + string.Join(", ", partitions) + "); credentials work in one partition, so scan each partition in its own run.", "PartitionMismatch", "RoleArn");
            }

            // An account given twice is scanned once.
            return accounts.GroupBy(a => a.RoleArn, StringComparer.Ordinal).Select(g => g.First()).ToList();
        }

        /// <summary>The STS AssumeRole settings from -ExternalId, -RoleSessionName and -DurationSeconds.</summary>
        internal AssumeRoleSettings AssumeRoleSettings()
        {
            var settings = new AssumeRoleSettings();
            try
            {
                if (RoleSessionName != null) settings.RoleSessionName = RoleSessionName;
                settings.ExternalId = ExternalId;
                if (MyInvocation.BoundParameters.ContainsKey("DurationSeconds")) settings.Duration = TimeSpan.FromSeconds(DurationSeconds);
            }
            catch (ArgumentException e)
            {
                // The message never repeats an external id: trust policies use it as a shared secret.
                ThrowAccountArgument(e.Message.Split('\n')[0].Trim(), "InvalidAssumeRoleParameter", e.ParamName ?? "RoleSessionName");
            }

            return settings;
        }

        private void ThrowAccountArgument(string message, string errorId, string parameter) =>
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message, parameter), errorId, ErrorCategory.InvalidArgument, parameter));

        /// <summary>
        /// Runs a scan with progress (a parent activity per Region, a child per kind), each issue as a
        /// non-terminating error (a Region not enabled as a warning), and a terminating error when every Region failed.
        /// </summary>
        internal ScanResult Scan(AwsSession session, PipelinePump pump, ScanRequest request, string activity)
        {
            var progress = new ScanProgressWriter(this, activity);
            request.Progress = new Progress(p => pump.Post(() => progress.Write(p)));
            request.OnIssue = issue => pump.Post(() => WriteIssue(issue));
            try
            {
                var collector = new InventoryCollector(session);
                var result = pump.RunStoppable(this, CancellationToken, () => collector.ScanAsync(request, CancellationToken));
                progress.Complete();
                return result;
            }
            catch (ScanFailedException e)
            {
                progress.Complete();
                var first = e.Issues.FirstOrDefault();
                var target = e.AllAccounts ? string.Join(",", request.Accounts!.Select(a => a.AccountId)) : string.Join(",", request.Regions);
                ThrowTerminatingError(new ErrorRecord(e, e.AllAccounts ? "AllAccountsFailed" : "AllRegionsFailed", first is null ? ErrorCategory.NotSpecified : CategoryOf(first.Kind), target));
                throw;
            }
            catch (AwsCredentialsNotFoundException e)
            {
                progress.Complete();
                ThrowTerminatingError(new ErrorRecord(e, "AwsCredentialsNotFound", ErrorCategory.AuthenticationError, ProfileName));
                throw;
            }
        }

        internal void WriteIssue(ScanIssue issue)
        {
            var where = issue.AccountId.Length == 0 ? issue.Region : "account " + issue.AccountId + ", " + issue.Region;
            if (issue.Kind == ScanIssueKind.RegionNotEnabled)
            {
                WriteWarning(issue.Message + " Skipping " + where + "; the other Regions are scanned.");
                return;
            }

            string message, errorId, action;
            if (issue.Service == "sts")
            {
                // The account's role could not be assumed: the whole account is missing.
                message = string.Format(CultureInfo.InvariantCulture,
                    "Account {0} is not scanned: {1}{2} failed ({3}). {4} Missing: {5}. The other accounts are scanned.",
                    issue.AccountId, issue.IamAction, issue.Target is null ? string.Empty : " on " + issue.Target, issue.ErrorCode ?? issue.Kind.ToString(), issue.Message, issue.MissingData);
                errorId = issue.Kind == ScanIssueKind.AccessDenied ? "AssumeRoleDenied" : "AssumeRoleFailed";
                action = "Check that the role exists in account " + issue.AccountId + ", that its trust policy trusts the caller (and names the -ExternalId you give), and that the caller may perform sts:AssumeRole on it.";
            }
            else if (issue.Kind == ScanIssueKind.AccessDenied)
            {
                message = string.Format(CultureInfo.InvariantCulture,
                    "Access denied in {0}: the caller may not perform {1}{2}. Missing: {3}. Grant {1} (the policy in about_StratusScan.DataSync lists every action the scan needs); the scan goes on. AWS said: {4}",
                    where, issue.IamAction, issue.Target is null ? string.Empty : " on " + issue.Target, issue.MissingData, issue.Message);
                errorId = ErrorIdOf(issue.Kind);
                action = "Grant " + issue.IamAction + " to the " + (issue.AccountId.Length == 0 ? "caller." : "role assumed in account " + issue.AccountId + ".");
            }
            else
            {
                message = string.Format(CultureInfo.InvariantCulture,
                    "{0} failed in {1}{2}: {3}. Missing: {4}. The scan goes on.",
                    issue.IamAction, where, issue.Target is null ? string.Empty : " for " + issue.Target, issue.Message, issue.MissingData);
                errorId = ErrorIdOf(issue.Kind);
                action = "Run again; if it persists, check the Region's service health.";
            }

            var exception = new InvalidOperationException(message);
            WriteError(new ErrorRecord(exception, errorId, CategoryOf(issue.Kind), (object?)issue.Target ?? issue.Region)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
            });
        }

        internal static string ErrorIdOf(ScanIssueKind kind)
        {
            switch (kind)
            {
                case ScanIssueKind.AccessDenied: return "DataSyncAccessDenied";
                case ScanIssueKind.RegionNotEnabled: return "DataSyncRegionNotEnabled";
                case ScanIssueKind.Throttled: return "DataSyncThrottled";
                case ScanIssueKind.Network: return "DataSyncEndpointUnreachable";
                default: return "DataSyncServiceError";
            }
        }

        internal static ErrorCategory CategoryOf(ScanIssueKind kind)
        {
            switch (kind)
            {
                case ScanIssueKind.AccessDenied: return ErrorCategory.PermissionDenied;
                case ScanIssueKind.RegionNotEnabled: return ErrorCategory.NotEnabled;
                case ScanIssueKind.Throttled: return ErrorCategory.LimitsExceeded;
                case ScanIssueKind.Network: return ErrorCategory.ConnectionError;
                default: return ErrorCategory.InvalidResult;
            }
        }

        /// <summary>The execution window from -Since or -Days; a window in the future is a terminating error.</summary>
        internal ExecutionWindow ResolveWindow(DateTime? since, int days)
        {
            var now = DateTime.UtcNow;
            ExecutionWindow window;
            try
            {
                window = since.HasValue ? ExecutionWindow.Since(since.Value, now) : ExecutionWindow.LastDays(days, now);
            }
            catch (ArgumentOutOfRangeException e)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentOutOfRangeException(since.HasValue ? "Since" : "Days", since.HasValue ? (object)since.Value : days,
                    e.Message.Split('\n')[0].Trim() + " Give -Days (1 or more) or a -Since in the past."), since.HasValue ? "SinceInFuture" : "InvalidDays", ErrorCategory.InvalidArgument, since.HasValue ? (object)since.Value : days));
                throw;
            }

            if (window.ExceedsHistory)
            {
                WriteWarning("DataSync keeps a task's execution history for " + ExecutionWindow.HistoryDays + " days; executions older than that are no longer available, so the window (" + window.Description + ") returns at most " + ExecutionWindow.HistoryDays + " days of them.");
            }

            return window;
        }

        /// <summary>
        /// The StratusScan config: <paramref name="configPath"/>, else ./config.json when it exists, else empty.
        /// A missing -ConfigPath file or a malformed config is a terminating error naming the file and the problem.
        /// </summary>
        internal StratusScanConfig LoadConfig(string? configPath)
        {
            string? path = null;
            if (configPath != null)
            {
                path = GetUnresolvedProviderPathFromPSPath(configPath);
                if (!File.Exists(path))
                {
                    ThrowTerminatingError(new ErrorRecord(new FileNotFoundException("The StratusScan config file '" + path + "' does not exist.", path), "ConfigFileNotFound", ErrorCategory.ObjectNotFound, path));
                }
            }
            else
            {
                var local = GetUnresolvedProviderPathFromPSPath("config.json");
                if (File.Exists(local)) path = local;
            }

            if (path is null) return StratusScanConfig.Empty;
            try
            {
                var config = StratusScanConfig.Load(path);
                WriteVerbose("Config: " + path + " (" + config.AccountMappings.Count + " account mapping(s), default Regions: " + (config.DefaultRegions.Count == 0 ? "none" : string.Join(", ", config.DefaultRegions)) + ").");
                return config;
            }
            catch (ConfigFileException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "InvalidConfigFile", ErrorCategory.InvalidData, path));
                throw;
            }
        }

        /// <summary>Whether -Verbose (or $VerbosePreference) asks for verbose output; read on the pipeline thread.</summary>
        internal bool IsVerbose()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out var value))
            {
                return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
            }

            var preference = SessionState.PSVariable.GetValue("VerbosePreference");
            return preference is ActionPreference p && p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
        }

        /// <summary>The closing summary on the information stream, as the original's "Collection complete".</summary>
        internal void WriteSummary(string text) => WriteInformation(text, new[] { "StratusScan.DataSync", "Summary" });

        private sealed class Progress : IProgress<ScanProgress>
        {
            private readonly Action<ScanProgress> _report;

            public Progress(Action<ScanProgress> report) => _report = report;

            public void Report(ScanProgress value) => _report(value);
        }
    }
}
