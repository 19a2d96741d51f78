using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace StratusScan.DataSync.Aws.Internal
{
    /// <summary>Picks SigV4 for every DataSync operation. Without an auth-scheme handler in the pipeline
    /// the SDK's signer has no scheme and fails with a NullReferenceException.</summary>
    internal sealed class DataSyncAuthSchemeHandler : BaseAuthResolverHandler
    {
        protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext)
            => AuthSchemeOption.DEFAULT_SIGV4;
    }

    /// <summary>
    /// Maps the client configuration to the endpoint rule parameters. It also pins the signing region
    /// to the client's region: when the endpoint comes from AWS_ENDPOINT_URL* or a custom URL (say
    /// http://127.0.0.1:5000), the SDK would otherwise derive the signing region from the URL's host
    /// and fall back to AWS_REGION or us-east-1, so a client for eu-central-1 would sign for another.
    /// </summary>
    internal sealed class DataSyncEndpointResolver : BaseEndpointResolver
    {
        protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
        {
            IClientConfig config = requestContext.ClientConfig;
            var parameters = new EndpointParameters();
            parameters["Region"] = requestContext.Request.AlternateEndpoint?.SystemName ?? config.RegionEndpoint?.SystemName;
            parameters["UseDualStack"] = config.UseDualstackEndpoint;
            parameters["UseFIPS"] = config.UseFIPSEndpoint;
            parameters["Endpoint"] = config.ServiceURL;
            return parameters;
        }

        protected override void ServiceSpecificHandler(IExecutionContext executionContext, EndpointParameters parameters)
        {
            PinSigningRegion(executionContext.RequestContext);
        }

        internal static void PinSigningRegion(IRequestContext requestContext)
        {
            IClientConfig config = requestContext.ClientConfig;
            if (string.IsNullOrEmpty(config.AuthenticationRegion) && config.RegionEndpoint != null)
            {
                requestContext.Request.AuthenticationRegion = config.RegionEndpoint.SystemName;
            }
        }
    }

    /// <summary>Pins the signing region for the SDK's STS client too (placed after its endpoint resolver).</summary>
    internal sealed class SigningRegionPinHandler : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            DataSyncEndpointResolver.PinSigningRegion(executionContext.RequestContext);
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            DataSyncEndpointResolver.PinSigningRegion(executionContext.RequestContext);
            return base.InvokeAsync<T>(executionContext);
        }
    }

    /// <summary>
    /// Sits inside the SDK's retry handler, so it runs once per HTTP attempt: counts attempts (into the
    /// request's state) and remembers the endpoint host and the last HTTP status, for
    /// <see cref="ApiCallRecord"/>.
    /// </summary>
    internal sealed class AttemptCounterHandler : PipelineHandler
    {
        internal const string AttemptsKey = "StratusScan.Attempts";
        internal const string EndpointKey = "StratusScan.Endpoint";

        public override void InvokeSync(IExecutionContext executionContext)
        {
            Count(executionContext);
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            Count(executionContext);
            return base.InvokeAsync<T>(executionContext);
        }

        private static void Count(IExecutionContext executionContext)
        {
            IRequestContext rc = executionContext.RequestContext;
            Dictionary<string, object> state = ((IAmazonWebServiceRequest)rc.OriginalRequest).RequestState;
            lock (state)
            {
                state[AttemptsKey] = (state.TryGetValue(AttemptsKey, out object? n) ? (int)n : 0) + 1;
                if (rc.Request?.Endpoint != null)
                {
                    state[EndpointKey] = rc.Request.Endpoint.GetLeftPart(System.UriPartial.Authority);
                }
            }
        }

        internal static (int Attempts, string? Endpoint) Read(AmazonWebServiceRequest request)
        {
            Dictionary<string, object> state = ((IAmazonWebServiceRequest)request).RequestState;
            lock (state)
            {
                int attempts = state.TryGetValue(AttemptsKey, out object? n) ? (int)n : 0;
                string? endpoint = state.TryGetValue(EndpointKey, out object? e) ? e as string : null;
                return (attempts, endpoint);
            }
        }
    }

    /// <summary>
    /// Sits inside the SDK's retry handler, so it runs once per HTTP attempt: waits for the attempt's turn of
    /// the client's <see cref="RegionPacer"/> (only once the Region has been throttled), then takes a slot of the
    /// session-wide limit of calls in flight, and gives it back when the attempt ends. A slowed-down Region
    /// never holds slots other Regions or accounts could use, and the SDK's back-off between attempts holds
    /// none. A turn granted before the rate was cut is taken again at the new rate.
    /// </summary>
    internal sealed class CallSlotHandler : PipelineHandler
    {
        private readonly RegionPacer _pacer;
        private readonly SemaphoreSlim? _slots;

        public CallSlotHandler(RegionPacer pacer, SemaphoreSlim? slots)
        {
            _pacer = pacer;
            _slots = slots;
        }

        public override void InvokeSync(IExecutionContext executionContext)
        {
            AcquireAsync(executionContext.RequestContext.CancellationToken).GetAwaiter().GetResult();
            try
            {
                base.InvokeSync(executionContext);
            }
            finally
            {
                _slots?.Release();
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            await AcquireAsync(executionContext.RequestContext.CancellationToken).ConfigureAwait(false);
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            finally
            {
                _slots?.Release();
            }
        }

        private async Task AcquireAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                int turn = await _pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
                if (_slots != null) await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (_pacer.Generation == turn) return;
                _slots?.Release();
            }
        }
    }

    /// <summary>
    /// Sits inside the SDK's retry handler, so it sees every HTTP attempt: tells the client's
    /// <see cref="RegionPacer"/> which attempts were accepted and which were throttled.
    /// </summary>
    internal sealed class ThrottleObserverHandler : PipelineHandler
    {
        private static readonly HashSet<string> ThrottlingCodes = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded",
            "RequestThrottled", "RequestThrottledException", "SlowDown", "ProvisionedThroughputExceededException",
        };

        private readonly RegionPacer _pacer;

        public ThrottleObserverHandler(RegionPacer pacer) => _pacer = pacer;

        public override void InvokeSync(IExecutionContext executionContext)
        {
            var sentAt = RegionPacer.Now;
            try
            {
                base.InvokeSync(executionContext);
                _pacer.OnAccepted();
            }
            catch (AmazonServiceException e) when (IsThrottling(e))
            {
                _pacer.OnThrottled(sentAt);
                throw;
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var sentAt = RegionPacer.Now;
            try
            {
                var result = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
                _pacer.OnAccepted();
                return result;
            }
            catch (AmazonServiceException e) when (IsThrottling(e))
            {
                _pacer.OnThrottled(sentAt);
                throw;
            }
        }

        private static bool IsThrottling(AmazonServiceException e) =>
            (int)e.StatusCode == 429 || (e.ErrorCode != null && ThrottlingCodes.Contains(e.ErrorCode));
    }
}
