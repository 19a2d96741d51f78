using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Internal;

namespace StratusScan.DataSync.Aws.Internal
{
    /// <summary>AWSSDK.SecurityToken's client with two additions: the attempt counter for
    /// <see cref="ApiCallRecord"/>, and the signing region pinned to the client's region when the
    /// endpoint comes from AWS_ENDPOINT_URL_STS (as for DataSync).</summary>
    internal sealed class StsServiceClient : AmazonSecurityTokenServiceClient
    {
        public StsServiceClient(AWSCredentials credentials, AmazonSecurityTokenServiceConfig config, int? maxBackoffMs)
            : base(credentials, config)
        {
            DataSyncServiceClient.ApplyMaxBackoff(RuntimePipeline, maxBackoffMs);
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            pipeline.AddHandlerAfter<AmazonSecurityTokenServiceEndpointResolver>(new SigningRegionPinHandler());
            pipeline.AddHandlerAfter<RetryHandler>(new AttemptCounterHandler());
        }
    }
}
