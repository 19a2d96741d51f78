using System;
using System.Management.Automation;
using System.Threading;
using StratusScan.DataSync.Aws;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// The AWS parameters every cmdlet that calls AWS shares (AWS Tools for PowerShell's names), credential and
    /// Region resolution, and cancellation: the DataSync cmdlets (<see cref="DataSyncCmdletBase"/>) and
    /// Get-SSOrganizationAccount.
    /// </summary>
    public abstract class AwsCmdletBase : PSCmdlet, IDisposable
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

        /// <summary>Send DataSync, STS and Organizations calls to this endpoint, e.g. the bundled emulator.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        /// <summary>The most API calls in flight at once, across Regions.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>Cancelled by Ctrl+C (StopProcessing); passed all the way down.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Releases what a command holds beyond its run (PowerShell disposes a command after the pipeline, stopped or not).</summary>
        protected virtual void DisposeResources()
        {
        }

        public void Dispose()
        {
            DisposeResources();
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
        internal string? DefaultRegionOf(AwsSession session)
        {
            if (session.ProfileRegion != null) return session.ProfileRegion;
            var stored = SessionState.PSVariable.GetValue("StoredAWSRegion");
            var text = (stored is PSObject wrapped ? wrapped.BaseObject : stored)?.ToString();
            return string.IsNullOrWhiteSpace(text) ? session.DefaultRegion : text!.Trim();
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
    }
}
