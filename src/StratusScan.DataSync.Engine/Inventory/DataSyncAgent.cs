using System;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>A DataSync agent: DescribeAgent's output, flat for the Agents sheet, with Region and account.</summary>
    public sealed class DataSyncAgent
    {
        public string AccountId { get; set; } = string.Empty;

        /// <summary>The account's name from the StratusScan config's account_mappings, else the account id.</summary>
        public string AccountName { get; set; } = string.Empty;

        public string Region { get; set; } = string.Empty;
        public string AgentArn { get; set; } = string.Empty;

        /// <summary>The agent's name from DescribeAgent (not from a tag).</summary>
        public string? Name { get; set; }

        /// <summary>ONLINE or OFFLINE.</summary>
        public string? Status { get; set; }

        /// <summary>PUBLIC, PRIVATE_LINK or FIPS.</summary>
        public string? EndpointType { get; set; }

        /// <summary>The last heartbeat, UTC.</summary>
        public DateTime? LastConnectionTime { get; set; }
        public DateTime? CreationTime { get; set; }
        public string? PlatformVersion { get; set; }
        public string? VpcEndpointId { get; set; }
        public string? PrivateLinkEndpoint { get; set; }

        /// <summary>The first (DataSync allows one) private-link subnet ARN.</summary>
        public string? PrivateLinkSubnetArn => SubnetArns.Count > 0 ? SubnetArns[0] : null;
        public ValueList<string> SubnetArns { get; set; } = ValueList<string>.Empty;
        public ValueList<string> SecurityGroupArns { get; set; } = ValueList<string>.Empty;

        public PrivateLinkConfig? PrivateLinkConfig { get; set; }
        public Platform? Platform { get; set; }

        /// <summary>The tags (with -IncludeTags); an empty set when they were not asked for, null when they could not be read (a scan issue says why).</summary>
        public TagSet? Tags { get; set; } = TagSet.NotCollected;

        public override string ToString() => AgentArn;

        public static DataSyncAgent From(DescribeAgentResponse r, string region, string accountId) => new DataSyncAgent
        {
            AccountId = accountId,
            Region = region,
            AgentArn = r.AgentArn ?? string.Empty,
            Name = r.Name,
            Status = r.Status,
            EndpointType = r.EndpointType,
            LastConnectionTime = r.LastConnectionTime,
            CreationTime = r.CreationTime,
            PlatformVersion = r.Platform?.Version,
            VpcEndpointId = r.PrivateLinkConfig?.VpcEndpointId,
            PrivateLinkEndpoint = r.PrivateLinkConfig?.PrivateLinkEndpoint,
            SubnetArns = ValueList<string>.From(r.PrivateLinkConfig?.SubnetArns),
            SecurityGroupArns = ValueList<string>.From(r.PrivateLinkConfig?.SecurityGroupArns),
            PrivateLinkConfig = r.PrivateLinkConfig,
            Platform = r.Platform,
        };
    }
}
