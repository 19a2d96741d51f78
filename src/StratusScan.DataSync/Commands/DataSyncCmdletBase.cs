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
    /// What every DataSync scanning cmdlet shares besides the AWS parameters (<see cref="AwsCmdletBase"/>): the
    /// organisation-wide parameters, the config file, and the scan with its progress, verbose and error streams.
    /// </summary>
    public abstract partial class DataSyncCmdletBase : AwsCmdletBase
    {
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

        /// <summary>
        /// Resolves the scan's Regions, accounts and ARNs (<see cref="ScanPlan"/>) from the parameters, the config
        /// file and the session; a misuse is a terminating error that says what to give. Writes the plan's warnings.
        /// </summary>
        internal ScanPlan ResolvePlan(AwsSession session, StratusScanConfig config, IReadOnlyList<AwsArn> arns)
        {
            var input = new ScanPlanInput
            {
                Regions = Region,
                Arns = arns,
                ConfiguredRegions = config.DefaultRegions,
                SessionDefaultRegion = DefaultRegionOf(session),
                AccountIds = AccountId,
                RoleName = RoleName,
                RoleArns = RoleArn,
                ExternalId = ExternalId,
                RoleSessionName = RoleSessionName,
                DurationSeconds = MyInvocation.BoundParameters.ContainsKey("DurationSeconds") ? DurationSeconds : (int?)null,
            };
            ScanPlan plan;
            try
            {
                plan = ScanPlan.Resolve(input);
            }
            catch (ScanPlanException e)
            {
                ThrowPlanError(e);
                throw;
            }

            foreach (var warning in plan.Warnings) WriteWarning(warning);
            return plan;
        }

        /// <summary>Validates ARNs of one resource type; a malformed one is a terminating error.</summary>
        internal IReadOnlyList<AwsArn> ParseArns(IEnumerable<string>? arns, string resourceType, string parameterName)
        {
            try
            {
                return ScanPlan.ParseArns(arns, resourceType, parameterName);
            }
            catch (ScanPlanException e)
            {
                ThrowPlanError(e);
                throw;
            }
        }

        /// <summary>A plan that cannot run, as the terminating error naming the parameter (or value) at fault.</summary>
        internal void ThrowPlanError(ScanPlanException e)
        {
            // PSArgumentException keeps the message as given (ArgumentOutOfRangeException would add "(Parameter 'x')" and the value).
            Exception exception = e.Parameter != null ? new PSArgumentException(e.Message, e.Parameter)
                : e.InnerException != null ? new PSArgumentException(e.Message, e.InnerException)
                : new PSArgumentException(e.Message);
            ThrowTerminatingError(new ErrorRecord(exception, e.ErrorId, ErrorCategory.InvalidArgument, e.Target));
        }

        /// <summary>
        /// Runs a scan with progress (a parent activity per Region, a child per kind), each issue as a
        /// non-terminating error (a Region not enabled as a warning), and a terminating error when every Region failed.
        /// </summary>
        internal ScanResult Scan(AwsSession session, PipelinePump pump, ScanRequest request, string activity) =>
            Scan(session, pump, request, activity, (collector, token) => collector.ScanAsync(request, token));

        /// <summary>
        /// The same scan, each object handed to <paramref name="sink"/> (on a worker thread) as it is complete. The
        /// scan's token is cancelled by Ctrl+C and also when a write on the pipeline thread throws (the downstream
        /// stopped), so no new API call starts; that exception goes on unchanged.
        /// </summary>
        /// <remarks>
        /// <paramref name="onScanFailed"/>, when given, runs on the pipeline thread when no Region (or no account)
        /// could be scanned, before the terminating error (Export-SSDataSyncInventory writes the shard's file there).
        /// </remarks>
        internal ScanOutcome Scan(AwsSession session, PipelinePump pump, ScanRequest request, string activity, IScanSink sink, Action<ScanFailedException>? onScanFailed = null) =>
            Scan(session, pump, request, activity, (collector, token) => collector.ScanAsync(request, sink, token), onScanFailed);

        private T Scan<T>(AwsSession session, PipelinePump pump, ScanRequest request, string activity, Func<InventoryCollector, CancellationToken, Task<T>> scan,
            Action<ScanFailedException>? onScanFailed = null)
        {
            var progress = new ScanProgressWriter(this, activity, pump.Post, request.Accounts?.Count ?? 0);
            request.Progress = progress;
            request.OnAccountDone = (_, scanned) => progress.AccountDone(scanned);
            request.AccountsInFlight = Math.Max(2, ThrottleLimit / 4);
            request.MaxPendingDescribes = ScanRequest.PendingDescribesFor(ThrottleLimit);
            request.OnIssue = issue => pump.Post(() => WriteIssue(issue));
            try
            {
                var collector = new InventoryCollector(session);
                var result = pump.RunStoppable(this, CancellationToken, token => scan(collector, token));
                progress.Complete();
                return result;
            }
            catch (ScanAuthenticationException e)
            {
                progress.Complete();
                ThrowAuthenticationError(session, e.ErrorCode, e.Region, e.Service, e);
                throw;
            }
            catch (ScanFailedException e)
            {
                progress.Complete();
                onScanFailed?.Invoke(e);
                CheckCredentialsWorkElsewhere(session, pump, e);
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

        /// <summary>The closing summary on the information stream, as the original's "Collection complete".</summary>
        internal void WriteSummary(string text) => WriteInformation(text, new[] { "StratusScan.DataSync", "Summary" });
    }
}
