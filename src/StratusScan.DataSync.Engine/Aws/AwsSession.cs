using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using StratusScan.DataSync.Aws.Internal;

namespace StratusScan.DataSync.Aws
{
    /// <summary>
    /// One set of AWS credentials and connection settings: resolves the credentials once, and hands out
    /// one DataSync client (and one STS client) per region, cached. Thread-safe. Dispose it when done.
    /// </summary>
    public sealed class AwsSession : IDisposable
    {
        private readonly AwsConnectionOptions _options;

        // Shared by every DataSync client of the session and of the sessions it opens for other accounts, so the
        // limit holds across Regions and accounts (null: no limit). The session that made it disposes it.
        private readonly SemaphoreSlim? _callSlots;
        private readonly bool _ownsCallSlots;
        private readonly AWSCredentials _credentials;
        private readonly ConcurrentDictionary<string, Lazy<DataSyncClient>> _dataSync =
            new ConcurrentDictionary<string, Lazy<DataSyncClient>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<StsServiceClient>> _sts =
            new ConcurrentDictionary<string, Lazy<StsServiceClient>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<Organizations.OrganizationsClient>> _organizations =
            new ConcurrentDictionary<string, Lazy<Organizations.OrganizationsClient>>(StringComparer.Ordinal);
        private readonly RequestRetryMode _retryMode;
        private int _disposed;

        private AwsSession(AwsConnectionOptions options, AWSCredentials credentials, string source, string? profileRegion, AwsSession? parent = null)
        {
            _options = options;
            _credentials = credentials;
            _ownsCallSlots = parent is null;
            _callSlots = parent != null ? parent._callSlots
                : options.MaxConcurrentCalls > 0 ? new SemaphoreSlim(options.MaxConcurrentCalls, options.MaxConcurrentCalls) : null;
            CredentialSource = source;
            DefaultRegion = FirstNonEmpty(
                Environment.GetEnvironmentVariable("AWS_REGION"),
                Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"),
                profileRegion);
            if (!string.IsNullOrEmpty(options.ProfileName) && !string.IsNullOrEmpty(profileRegion))
            {
                DefaultRegion = profileRegion; // an explicit profile's region wins over the environment's
                ProfileRegion = profileRegion;
            }
            _retryMode = ParseRetryMode(options.RetryMode ?? Environment.GetEnvironmentVariable("AWS_RETRY_MODE"));
        }

        /// <summary>
        /// Resolves credentials from <paramref name="options"/> (see <see cref="AwsConnectionOptions"/> for the
        /// order) and validates the settings. Throws <see cref="AwsCredentialsNotFoundException"/> when no
        /// credentials are found, <see cref="ArgumentException"/> for invalid settings.
        /// </summary>
        public static AwsSession Create(AwsConnectionOptions? options = null)
        {
            AwsConnectionOptions copy = (options ?? new AwsConnectionOptions()).Clone();
            Validate(copy);
            // The SDK caches what it read from AWS_* variables and the config file (endpoint URLs,
            // AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, retry settings) for the life of the process; a PowerShell
            // session outlives many commands, and users change $env:AWS_* between them.
            CredentialResolver.UseCurrentSharedFiles();
            Amazon.Runtime.Internal.FallbackInternalConfigurationFactory.Reset();
            CredentialResolver.Resolved resolved = CredentialResolver.Resolve(copy);
            return new AwsSession(copy, resolved.Credentials, resolved.Source, resolved.ProfileRegion);
        }

        /// <summary>Where the credentials came from, e.g. "profile 'prod'" or "access key AKIA…1234"
        /// (never a secret).</summary>
        public string CredentialSource { get; }

        /// <summary>
        /// The access key id the calls are signed with (never the secret), for an error that must name it; null
        /// when the credentials cannot be read (for example a profile whose source fails).
        /// </summary>
        public string? TryGetAccessKeyId()
        {
            try
            {
                return _credentials.GetCredentials()?.AccessKey;
            }
            catch (Exception)
            {
                return null; // only used to name the key in an error already being reported
            }
        }

        /// <summary>The region from AWS_REGION, AWS_DEFAULT_REGION or the profile's <c>region</c>
        /// (an explicit profile first), or null.</summary>
        public string? DefaultRegion { get; }

        /// <summary>The region of the explicitly named profile (<see cref="AwsConnectionOptions.ProfileName"/>), or null.</summary>
        public string? ProfileRegion { get; }

        /// <summary>The DataSync client for <paramref name="region"/> (cached; one per region).</summary>
        public IDataSyncClient GetDataSyncClient(string region)
        {
            CheckRegion(region);
            ThrowIfDisposed();
            return _dataSync.GetOrAdd(region, r => new Lazy<DataSyncClient>(() => CreateDataSyncClient(r))).Value;
        }

        /// <summary>
        /// The Organizations client (cached): its Region is the one that serves Organizations in the partition of
        /// <paramref name="partitionRegion"/>, else of <see cref="DefaultRegion"/> (us-east-1, us-gov-west-1 or
        /// cn-northwest-1), and it has the same credentials, retries, pacing and endpoint settings (the endpoint
        /// URL option, AWS_ENDPOINT_URL_ORGANIZATIONS) as the DataSync clients.
        /// </summary>
        public Organizations.IOrganizationsClient GetOrganizationsClient(string? partitionRegion = null)
        {
            ThrowIfDisposed();
            string region = Organizations.OrganizationsApi.ServiceRegion(string.IsNullOrWhiteSpace(partitionRegion) ? DefaultRegion : partitionRegion);
            return _organizations.GetOrAdd(region, r => new Lazy<Organizations.OrganizationsClient>(() => CreateOrganizationsClient(r))).Value;
        }

        /// <summary>
        /// The endpoint the DataSync client for <paramref name="region"/> calls, resolved by the SDK as for a
        /// real call: the endpoint URL option, AWS_ENDPOINT_URL_DATASYNC / AWS_ENDPOINT_URL / the config
        /// file's endpoint_url, else the partition's (FIPS, dual-stack) regional endpoint. No API call.
        /// </summary>
        public Uri GetDataSyncEndpoint(string region)
        {
            CheckRegion(region);
            var config = new DataSyncClientConfig();
            Configure(config, region, _options.EndpointUrl);
            var probe = new DataSyncSdkRequest<Model.ListTasksRequest>("ListTasks", new Model.ListTasksRequest(),
                Model.DataSyncJsonContext.Default.ListTasksRequest);
            try
            {
                return new Uri(config.DetermineServiceOperationEndpoint(new Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters(probe)).URL);
            }
            catch (AmazonClientException ex)
            {
                throw new ArgumentException(ex.Message, nameof(region), ex);
            }
        }

        /// <summary>STS GetCallerIdentity in <paramref name="region"/>: which account and principal the
        /// credentials belong to (and a cheap check that they work).</summary>
        public async Task<CallerIdentity> GetCallerIdentityAsync(string region, CancellationToken cancellationToken = default)
        {
            GetCallerIdentityResponse response = await CallStsAsync("GetCallerIdentity", region, new GetCallerIdentityRequest(),
                (client, request, ct) => client.GetCallerIdentityAsync(request, ct), cancellationToken).ConfigureAwait(false);
            return new CallerIdentity(response.Account ?? string.Empty, response.Arn ?? string.Empty, response.UserId ?? string.Empty);
        }

        /// <summary>STS AssumeRole in <paramref name="region"/>: temporary credentials for another role
        /// (for example a scan role in another account).</summary>
        public async Task<AssumedRoleCredentials> AssumeRoleAsync(string region, string roleArn, string roleSessionName,
            string? externalId = null, TimeSpan? duration = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(roleArn)) throw new ArgumentException("A role ARN is required.", nameof(roleArn));
            if (string.IsNullOrEmpty(roleSessionName)) throw new ArgumentException("A role session name is required.", nameof(roleSessionName));
            var request = new AssumeRoleRequest
            {
                RoleArn = roleArn,
                RoleSessionName = roleSessionName,
                ExternalId = string.IsNullOrEmpty(externalId) ? null : externalId,
                DurationSeconds = duration.HasValue ? (int)duration.Value.TotalSeconds : (int?)null,
            };
            AssumeRoleResponse response = await CallStsAsync("AssumeRole", region, request,
                (client, r, ct) => client.AssumeRoleAsync(r, ct), cancellationToken).ConfigureAwait(false);
            Credentials c = response.Credentials;
            DateTime expiration = c.Expiration.HasValue ? DateTime.SpecifyKind(c.Expiration.Value.ToUniversalTime(), DateTimeKind.Utc) : DateTime.UtcNow.AddHours(1);
            return new AssumedRoleCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken, expiration,
                response.AssumedRoleUser?.Arn ?? string.Empty, response.AssumedRoleUser?.AssumedRoleId ?? string.Empty);
        }

        /// <summary>
        /// Assumes <paramref name="roleArn"/> with this session's credentials (STS in <paramref name="stsRegion"/>)
        /// and returns a session acting as that role, for example in another account of the organisation. The
        /// new session has the same settings and shares this session's limit of concurrent calls; its credentials
        /// are renewed through this session before they expire, so dispose it before this one. The first
        /// AssumeRole happens here, so a role that does not trust the caller fails now, with
        /// <see cref="DataSyncAccessDeniedException"/> (service sts).
        /// </summary>
        public async Task<AwsSession> AssumeRoleSessionAsync(string stsRegion, string roleArn, string roleSessionName, string? externalId = null,
            TimeSpan? duration = null, CancellationToken cancellationToken = default)
        {
            AssumedRoleCredentials first;
            if (_callSlots != null) await _callSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                first = await AssumeRoleAsync(stsRegion, roleArn, roleSessionName, externalId, duration, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _callSlots?.Release();
            }

            var credentials = new AssumeRoleCredentials(this, stsRegion, roleArn, roleSessionName, externalId, duration, first);
            return new AwsSession(_options.Clone(), credentials, "role " + roleArn + " assumed with " + CredentialSource, null, this);
        }

        /// <summary>Disposes every client made.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            foreach (Lazy<DataSyncClient> client in _dataSync.Values)
            {
                if (client.IsValueCreated) client.Value.Dispose();
            }
            foreach (Lazy<StsServiceClient> client in _sts.Values)
            {
                if (client.IsValueCreated) client.Value.Dispose();
            }
            foreach (Lazy<Organizations.OrganizationsClient> client in _organizations.Values)
            {
                if (client.IsValueCreated) client.Value.Dispose();
            }
            (_credentials as IDisposable)?.Dispose();
            if (_ownsCallSlots) _callSlots?.Dispose();
        }

        private DataSyncClient CreateDataSyncClient(string region)
        {
            var config = new DataSyncClientConfig();
            Configure(config, region, _options.EndpointUrl);
            var sdk = new DataSyncServiceClient(_credentials, config, MaxBackoffMs, _callSlots);
            return new DataSyncClient(sdk, region, _options.OnApiCall);
        }

        private Organizations.OrganizationsClient CreateOrganizationsClient(string region)
        {
            DataSyncClientConfig config = DataSyncClientConfig.ForOrganizations();
            Configure(config, region, _options.EndpointUrl);
            var sdk = new DataSyncServiceClient(_credentials, config, Organizations.OrganizationsClient.Marshaller, MaxBackoffMs, _callSlots);
            return new Organizations.OrganizationsClient(sdk, region, _options.OnApiCall);
        }

        private StsServiceClient CreateStsClient(string region)
        {
            var config = new AmazonSecurityTokenServiceConfig();
            Configure(config, region, FirstNonEmpty(_options.StsEndpointUrl, _options.EndpointUrl));
            return new StsServiceClient(_credentials, config, MaxBackoffMs);
        }

        private int? MaxBackoffMs => _options.MaxBackoff.HasValue ? (int)Math.Max(1, _options.MaxBackoff.Value.TotalMilliseconds) : (int?)null;

        private void Configure(ClientConfig config, string region, string? endpointUrl)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            if (!string.IsNullOrEmpty(endpointUrl))
            {
                config.ServiceURL = endpointUrl;
                config.AuthenticationRegion = region; // sign for the client's region, whatever the URL's host says
            }
            config.RetryMode = _retryMode;
            config.MaxErrorRetry = _options.MaxErrorRetry;
            config.ThrottleRetries = _options.UseRetryQuota;
            if (_options.Timeout.HasValue) config.Timeout = _options.Timeout;
            config.UseFIPSEndpoint = _options.UseFipsEndpoint;
            config.UseDualstackEndpoint = _options.UseDualStackEndpoint;
        }

        private async Task<TResponse> CallStsAsync<TRequest, TResponse>(string operation, string region, TRequest request,
            Func<StsServiceClient, TRequest, CancellationToken, Task<TResponse>> call, CancellationToken cancellationToken)
            where TRequest : AmazonWebServiceRequest
            where TResponse : AmazonWebServiceResponse
        {
            CheckRegion(region);
            ThrowIfDisposed();
            StsServiceClient client = _sts.GetOrAdd(region, r => new Lazy<StsServiceClient>(() => CreateStsClient(r))).Value;
            DateTime start = DateTime.UtcNow;
            var watch = Stopwatch.StartNew();
            try
            {
                TResponse response = await call(client, request, cancellationToken).ConfigureAwait(false);
                Report(request, operation, region, start, watch, null, (int)response.HttpStatusCode, response.ResponseMetadata?.RequestId);
                return response;
            }
            catch (Exception ex)
            {
                Exception translated = ErrorTranslator.Translate(ex, "sts", operation, region, cancellationToken);
                Report(request, operation, region, start, watch, translated, null, null);
                if (ReferenceEquals(translated, ex)) throw;
                throw translated;
            }
        }

        private void Report(AmazonWebServiceRequest request, string operation, string region, DateTime start, Stopwatch watch,
            Exception? error, int? status, string? requestId)
        {
            if (_options.OnApiCall == null) return;
            (int attempts, string? endpoint) = AttemptCounterHandler.Read(request);
            ApiCallRecords.Publish(_options.OnApiCall, "sts", operation, region, start, watch.Elapsed, attempts, error, status, requestId,
                endpoint, error is OperationCanceledException);
        }

        private static void Validate(AwsConnectionOptions options)
        {
            if (options.MaxErrorRetry < 0) throw new ArgumentException("MaxErrorRetry cannot be negative.");
            if (options.MaxConcurrentCalls < 0) throw new ArgumentException("MaxConcurrentCalls cannot be negative.");
            if (options.Timeout.HasValue && options.Timeout.Value <= TimeSpan.Zero) throw new ArgumentException("Timeout must be positive.");
            if (!string.IsNullOrEmpty(options.EndpointUrl) && (options.UseFipsEndpoint || options.UseDualStackEndpoint))
            {
                throw new ArgumentException("An endpoint URL cannot be combined with FIPS or dual-stack endpoints.");
            }
            CheckUrl(options.EndpointUrl, nameof(options.EndpointUrl));
            CheckUrl(options.StsEndpointUrl, nameof(options.StsEndpointUrl));
            ParseRetryMode(options.RetryMode ?? Environment.GetEnvironmentVariable("AWS_RETRY_MODE"));
        }

        private static void CheckUrl(string? url, string name)
        {
            if (string.IsNullOrEmpty(url)) return;
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException(name + " must be an absolute http or https URL: '" + url + "'.");
            }
        }

        private static RequestRetryMode ParseRetryMode(string? mode)
        {
            switch ((mode ?? "standard").Trim().ToLowerInvariant())
            {
                case "":
                case "standard":
                case "legacy": // retired in SDK v4; standard is its successor
                    return RequestRetryMode.Standard;
                case "adaptive":
                    return RequestRetryMode.Adaptive;
                default:
                    throw new ArgumentException("RetryMode must be 'standard' or 'adaptive', not '" + mode + "'.");
            }
        }

        private static void CheckRegion(string region)
        {
            if (string.IsNullOrWhiteSpace(region)) throw new ArgumentException("A region is required.", nameof(region));
        }

        private void ThrowIfDisposed()
        {
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(AwsSession));
        }

        private static string? FirstNonEmpty(params string?[] values)
        {
            foreach (string? v in values)
            {
                if (!string.IsNullOrEmpty(v)) return v;
            }
            return null;
        }

        /// <summary>
        /// Credentials from AssumeRole through the parent session, renewed before expiry. Renewal calls STS
        /// outside the call slots: it runs inside a DataSync call that already holds one.
        /// </summary>
        private sealed class AssumeRoleCredentials : RefreshingAWSCredentials
        {
            private readonly AwsSession _parent;
            private readonly string _region;
            private readonly string _roleArn;
            private readonly string _sessionName;
            private readonly string? _externalId;
            private readonly TimeSpan? _duration;
            private AssumedRoleCredentials? _first;

            public AssumeRoleCredentials(AwsSession parent, string region, string roleArn, string sessionName, string? externalId, TimeSpan? duration,
                AssumedRoleCredentials first)
            {
                _first = first;
                _parent = parent;
                _region = region;
                _roleArn = roleArn;
                _sessionName = sessionName;
                _externalId = externalId;
                _duration = duration;
                PreemptExpiryTime = TimeSpan.FromMinutes(5);
            }

            protected override CredentialsRefreshState GenerateNewCredentials() =>
                GenerateNewCredentialsAsync().ConfigureAwait(false).GetAwaiter().GetResult();

            protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
            {
                AssumedRoleCredentials c = Interlocked.Exchange(ref _first, null)
                    ?? await _parent.AssumeRoleAsync(_region, _roleArn, _sessionName, _externalId, _duration).ConfigureAwait(false);
                return new CredentialsRefreshState(new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), c.ExpirationUtc);
            }
        }
    }
}
