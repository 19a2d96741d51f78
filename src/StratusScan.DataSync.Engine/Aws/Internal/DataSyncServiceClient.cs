using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace StratusScan.DataSync.Aws.Internal
{
    /// <summary>
    /// An awsJson client on AWSSDK.Core's pipeline (DataSync's, and with its own configuration and marshaller
    /// Organizations'): credentials, SigV4, retries (standard/adaptive), timeouts, endpoint resolution and
    /// error parsing all come from the SDK; pacing and call slots from the handlers here. Thread-safe.
    /// </summary>
    internal sealed class DataSyncServiceClient : AmazonServiceClient
    {
        private readonly int? _maxBackoffMs;
        private readonly JsonRpcMarshaller _marshaller;
        private IServiceMetadata? _metadata;

        /// <param name="callSlots">The session's limit of calls in flight (null: none); each HTTP attempt takes a slot.</param>
        public DataSyncServiceClient(AWSCredentials credentials, DataSyncClientConfig config, int? maxBackoffMs, SemaphoreSlim? callSlots = null)
            : this(credentials, config, JsonRpcMarshaller.Instance, maxBackoffMs, callSlots)
        {
        }

        /// <param name="config">The service's configuration (its ServiceId, signing name and endpoint provider).</param>
        /// <param name="marshaller">The service's marshaller (its target prefix and API version).</param>
        public DataSyncServiceClient(AWSCredentials credentials, ClientConfig config, JsonRpcMarshaller marshaller, int? maxBackoffMs,
            SemaphoreSlim? callSlots)
            : base(credentials, config)
        {
            _marshaller = marshaller;
            _maxBackoffMs = maxBackoffMs;
            ApplyMaxBackoff(RuntimePipeline, _maxBackoffMs);
            RuntimePipeline.AddHandlerAfter<RetryHandler>(new ThrottleObserverHandler(Pacer));
            // Added last, so it runs first inside the retry handler: RetryHandler → CallSlot → ThrottleObserver → …
            RuntimePipeline.AddHandlerAfter<RetryHandler>(new CallSlotHandler(Pacer, callSlots));
        }

        /// <summary>Paces this client's calls after throttling (one client serves one account and Region).</summary>
        public RegionPacer Pacer { get; } = new RegionPacer();

        protected override IServiceMetadata ServiceMetadata => _metadata ??= new JsonServiceMetadata(Config.ServiceId);

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new DataSyncEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new DataSyncAuthSchemeHandler());
            pipeline.AddHandlerAfter<RetryHandler>(new AttemptCounterHandler());
        }

        internal static void ApplyMaxBackoff(RuntimePipeline pipeline, int? maxBackoffMs)
        {
            if (maxBackoffMs == null) return;
            foreach (IPipelineHandler handler in pipeline.Handlers)
            {
                if (handler is RetryHandler retry && retry.RetryPolicy is StandardRetryPolicy standard)
                {
                    standard.MaxBackoffInMilliseconds = maxBackoffMs.Value;
                }
            }
        }

        public Task<DataSyncSdkResponse<T>> CallAsync<T>(DataSyncSdkRequest request, JsonRpcUnmarshaller<T> unmarshaller,
            CancellationToken cancellationToken) where T : class, new()
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = _marshaller,
                ResponseUnmarshaller = unmarshaller,
            };
            return InvokeAsync<DataSyncSdkResponse<T>>(request, options, cancellationToken);
        }

        private sealed class JsonServiceMetadata : IServiceMetadata
        {
            public JsonServiceMetadata(string serviceId) { ServiceId = serviceId; }

            public string ServiceId { get; }

            public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
        }
    }
}
