using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace StratusScan.DataSync.Aws.Internal
{
    /// <summary>
    /// The SDK client configuration for DataSync. ServiceId "DataSync" is what makes the SDK honour
    /// AWS_ENDPOINT_URL_DATASYNC and the shared config's <c>[services] datasync = endpoint_url</c>;
    /// "datasync" is the SigV4 signing name and the endpoint prefix.
    /// </summary>
    internal sealed class DataSyncClientConfig : ClientConfig
    {
        internal const string ServiceIdValue = DataSyncApi.ServiceId;
        internal const string SigningName = DataSyncApi.SigningName;

        private readonly string _signingName;
        private readonly string _apiVersion;

        public DataSyncClientConfig()
            : this(ServiceIdValue, SigningName, DataSyncApi.ApiVersion, new DataSyncEndpointProvider())
        {
        }

        private DataSyncClientConfig(string serviceId, string signingName, string apiVersion, DataSyncEndpointProvider endpoints)
            : base(new DefaultConfigurationProvider(DefaultConfigurations()))
        {
            _signingName = signingName;
            _apiVersion = apiVersion;
            ServiceId = serviceId;
            AuthenticationServiceName = signingName;
            EndpointProvider = endpoints;
        }

        /// <summary>The same settings for AWS Organizations: ServiceId "Organizations" (AWS_ENDPOINT_URL_ORGANIZATIONS),
        /// signing name and endpoint prefix "organizations".</summary>
        public static DataSyncClientConfig ForOrganizations() =>
            new DataSyncClientConfig(Organizations.OrganizationsApi.ServiceId, Organizations.OrganizationsApi.SigningName,
                Organizations.OrganizationsApi.ApiVersion,
                new DataSyncEndpointProvider(Organizations.OrganizationsApi.EndpointPrefix, "Organizations"));

        public override string RegionEndpointServiceName => _signingName;

        public override string ServiceVersion => _apiVersion;

        public override string UserAgent => "StratusScan.DataSync";

        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(
            Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters parameters)
        {
            var requestContext = new RequestContext(false)
            {
                ClientConfig = this,
                OriginalRequest = parameters.Request,
                Request = new DefaultRequest(parameters.Request, ServiceId) { AlternateEndpoint = parameters.AlternateEndpoint },
            };
            return new DataSyncEndpointResolver().GetEndpoint(new ExecutionContext(requestContext, null));
        }

        // The SDK's defaults modes (docs: "Smart configuration defaults"): standard retries everywhere;
        // the connect timeouts of the standard/in-region/cross-region modes.
        private static IEnumerable<IDefaultConfiguration> DefaultConfigurations()
        {
            yield return Mode(DefaultConfigurationMode.Standard, TimeSpan.FromMilliseconds(3100));
            yield return Mode(DefaultConfigurationMode.InRegion, TimeSpan.FromMilliseconds(1100));
            yield return Mode(DefaultConfigurationMode.CrossRegion, TimeSpan.FromMilliseconds(3100));
            yield return Mode(DefaultConfigurationMode.Mobile, TimeSpan.FromMilliseconds(30000));
            yield return Mode(DefaultConfigurationMode.Auto, TimeSpan.FromMilliseconds(1100));
        }

        private static DefaultConfiguration Mode(DefaultConfigurationMode name, TimeSpan connectTimeout) =>
            new DefaultConfiguration
            {
                Name = name,
                RetryMode = RequestRetryMode.Standard,
                ConnectTimeout = connectTimeout,
                TlsNegotiationTimeout = connectTimeout,
            };
    }
}
