using System;

namespace StratusScan.DataSync.Aws
{
    /// <summary>
    /// How an <see cref="AwsSession"/> finds credentials and reaches AWS. Every member is optional: with
    /// none set, the AWS SDK's default chain applies (environment variables, AWS_PROFILE and the shared
    /// config/credentials files including SSO and credential_process, web identity, ECS and EC2 IMDS).
    /// Precedence: <see cref="Credentials"/>, then <see cref="AccessKey"/>/<see cref="SecretKey"/>,
    /// then <see cref="ProfileName"/>, then the default chain.
    /// </summary>
    public sealed class AwsConnectionOptions
    {
        /// <summary>A profile of the shared config/credentials files (AWS Tools' -ProfileName).</summary>
        public string? ProfileName { get; set; }

        /// <summary>The credentials file holding <see cref="ProfileName"/> (AWS Tools' -ProfileLocation);
        /// default: ~/.aws/credentials and ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE).</summary>
        public string? ProfileLocation { get; set; }

        /// <summary>An access key id; needs <see cref="SecretKey"/>.</summary>
        public string? AccessKey { get; set; }

        /// <summary>The secret access key for <see cref="AccessKey"/>.</summary>
        public string? SecretKey { get; set; }

        /// <summary>A session token for temporary credentials.</summary>
        public string? SessionToken { get; set; }

        /// <summary>
        /// A credentials object made by any AWS SDK for .NET version (for example AWS Tools for
        /// PowerShell's <c>BasicAWSCredentials</c> or <c>SessionAWSCredentials</c> from AWSSDK.Core 3.7):
        /// anything with a public <c>GetCredentials()</c> method whose result has <c>AccessKey</c>,
        /// <c>SecretKey</c> and <c>Token</c> properties. It is asked again before each signing, so an
        /// object that refreshes itself keeps working.
        /// </summary>
        public object? Credentials { get; set; }

        /// <summary>An endpoint URL for DataSync (and for STS unless <see cref="StsEndpointUrl"/> is set),
        /// for example a local emulator or a VPC endpoint. Without it, AWS_ENDPOINT_URL_DATASYNC /
        /// AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL and the config file's endpoint_url apply, as in every
        /// AWS SDK; else the partition's regional endpoint.</summary>
        public string? EndpointUrl { get; set; }

        /// <summary>An endpoint URL for STS only.</summary>
        public string? StsEndpointUrl { get; set; }

        /// <summary>The SDK's retry mode: "standard" or "adaptive" (adds a client-side rate limiter per Region
        /// that slows down after throttling). Null: AWS_RETRY_MODE, as in every AWS SDK, else the default.</summary>
        public string? RetryMode { get; set; }

        /// <summary>Retries after the first attempt for throttling, 5xx and transient network errors.</summary>
        public int MaxErrorRetry { get; set; } = 4;

        /// <summary>The longest back-off between two attempts (the SDK default is 20 s). Lower it for
        /// tests against an emulator.</summary>
        public TimeSpan? MaxBackoff { get; set; }

        /// <summary>Timeout of one HTTP attempt (the SDK default applies when null).</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>Use FIPS endpoints (datasync-fips.REGION...). Not with an endpoint URL.</summary>
        public bool UseFipsEndpoint { get; set; }

        /// <summary>Use dual-stack (IPv6) endpoints (datasync.REGION.api.aws). Not with an endpoint URL.</summary>
        public bool UseDualStackEndpoint { get; set; }

        /// <summary>Whether retries draw from the SDK's retry quota (a token bucket shared per endpoint
        /// that stops retrying when many calls fail). Default true, as in every AWS SDK.</summary>
        public bool UseRetryQuota { get; set; } = true;

        /// <summary>The most DataSync calls in flight at once across every client of the session (every
        /// Region); 0 = no limit. A call waits for a free slot before it is sent, and holds it through the
        /// SDK's retries. This is what -ThrottleLimit sets.</summary>
        public int MaxConcurrentCalls { get; set; }

        /// <summary>Called after every API call (after its retries) with its outcome; never carries
        /// secrets. Called on the thread that completed the call: keep it quick and thread-safe.</summary>
        public Action<ApiCallRecord>? OnApiCall { get; set; }

        internal AwsConnectionOptions Clone() => (AwsConnectionOptions)MemberwiseClone();
    }
}
