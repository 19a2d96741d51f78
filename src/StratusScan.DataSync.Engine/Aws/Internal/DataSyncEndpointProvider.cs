using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace StratusScan.DataSync.Aws.Internal
{
    /// <summary>
    /// DataSync's endpoint rules, which Organizations' follow too with its own prefix (the client's region is
    /// then the one Region that serves Organizations in the partition). The service's endpoint rule set
    /// reduced to what it says: a custom
    /// endpoint wins (and excludes FIPS and dual-stack); otherwise the region's partition, from the
    /// SDK's partition data, gives the DNS suffix: datasync.REGION.amazonaws.com,
    /// datasync-fips.REGION.amazonaws.com, datasync.REGION.api.aws (dual-stack), .amazonaws.com.cn in
    /// China, and the GovCloud, ISO and EU sovereign partitions alike.
    /// </summary>
    internal sealed class DataSyncEndpointProvider : IEndpointProvider
    {
        private readonly string _prefix;
        private readonly string _service;

        public DataSyncEndpointProvider() : this(DataSyncApi.EndpointPrefix, "DataSync") { }

        /// <param name="prefix">The first label of the service's host names (datasync, organizations).</param>
        /// <param name="service">The service's name in messages.</param>
        public DataSyncEndpointProvider(string prefix, string service)
        {
            _prefix = prefix;
            _service = service;
        }

        public Endpoint ResolveEndpoint(EndpointParameters parameters)
        {
            if (parameters == null) throw new ArgumentNullException(nameof(parameters));
            string? region = parameters["Region"] as string;
            bool fips = parameters["UseFIPS"] is bool f && f;
            bool dualStack = parameters["UseDualStack"] is bool d && d;
            string? custom = parameters["Endpoint"] as string;

            if (!string.IsNullOrEmpty(custom))
            {
                if (fips) throw new AmazonClientException("Invalid configuration: FIPS and a custom endpoint cannot be combined.");
                if (dualStack) throw new AmazonClientException("Invalid configuration: dual-stack and a custom endpoint cannot be combined.");
                return new Endpoint(custom!);
            }
            if (string.IsNullOrEmpty(region))
            {
                throw new AmazonClientException("A region is needed to resolve the " + _service + " endpoint.");
            }

            Partition? partition = Fn.Partition(region!);
            if (partition == null)
            {
                throw new AmazonClientException("Cannot resolve the " + _service + " endpoint for region '" + region + "'.");
            }
            if (fips && !partition.supportsFIPS)
            {
                throw new AmazonClientException("FIPS is enabled but partition '" + partition.name + "' does not support FIPS.");
            }
            if (dualStack && !partition.supportsDualStack)
            {
                throw new AmazonClientException("Dual-stack is enabled but partition '" + partition.name + "' does not support it.");
            }
            string host = fips ? _prefix + "-fips" : _prefix;
            string suffix = dualStack ? partition.dualStackDnsSuffix : partition.dnsSuffix;
            return new Endpoint("https://" + host + "." + region + "." + suffix);
        }
    }
}
