using System;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// A DataSync location of any type: the common columns, the type-specific columns of the Locations sheet
    /// (null where they do not apply), and the whole Describe output in <see cref="Detail"/>. The type comes
    /// from the LocationUri's scheme; bucket and file-system ARNs, subdirectory and host names the Describe
    /// outputs lack are derived from the URI, with ARNs built for the location's partition, Region and account.
    /// </summary>
    public sealed class DataSyncLocation
    {
        public string AccountId { get; set; } = string.Empty;

        /// <summary>The account's name from the StratusScan config's account_mappings, else the account id.</summary>
        public string AccountName { get; set; } = string.Empty;

        public string Region { get; set; } = string.Empty;
        public string LocationArn { get; set; } = string.Empty;
        public string? LocationUri { get; set; }

        /// <summary>The name of the location's kind (<see cref="LocationKinds"/>), or Unknown.</summary>
        public string LocationType { get; set; } = Inventory.LocationType.Unknown;

        /// <summary>UTC.</summary>
        public DateTime? CreationTime { get; set; }
        public string? Subdirectory { get; set; }
        public ValueList<string> AgentArns { get; set; } = ValueList<string>.Empty;

        // S3
        public string? S3BucketArn { get; set; }
        public string? S3StorageClass { get; set; }
        public string? BucketAccessRoleArn { get; set; }

        // EFS
        public string? EfsFileSystemArn { get; set; }
        public string? Ec2SubnetArn { get; set; }
        public string? AccessPointArn { get; set; }
        public string? FileSystemAccessRoleArn { get; set; }
        public string? InTransitEncryption { get; set; }

        // FSx
        public string? FsxFileSystemArn { get; set; }
        public string? StorageVirtualMachineArn { get; set; }

        /// <summary>FSx for OpenZFS and ONTAP: NFS or SMB.</summary>
        public string? FsxProtocol { get; set; }

        /// <summary>EFS (Ec2Config) and FSx security groups.</summary>
        public ValueList<string> SecurityGroupArns { get; set; } = ValueList<string>.Empty;

        // NFS, SMB, HDFS, object storage: the server
        public string? ServerHostname { get; set; }
        public int? ServerPort { get; set; }
        public string? ServerProtocol { get; set; }
        public string? MountOptionsVersion { get; set; }

        // SMB and FSx for Windows
        public string? User { get; set; }
        public string? Domain { get; set; }
        public ValueList<string> DnsIpAddresses { get; set; } = ValueList<string>.Empty;

        /// <summary>SMB (NTLM, KERBEROS), HDFS (SIMPLE, KERBEROS), Azure Blob (SAS, NONE).</summary>
        public string? AuthenticationType { get; set; }
        public string? KerberosPrincipal { get; set; }

        // HDFS
        public int? NameNodeCount { get; set; }
        public ValueList<HdfsNameNode> NameNodes { get; set; } = ValueList<HdfsNameNode>.Empty;
        public int? BlockSize { get; set; }
        public int? ReplicationFactor { get; set; }
        public string? KmsKeyProviderUri { get; set; }
        public string? SimpleUser { get; set; }
        public string? QopRpcProtection { get; set; }
        public string? QopDataTransferProtection { get; set; }

        // Object storage
        public string? BucketName { get; set; }
        public string? AccessKey { get; set; }

        // Azure Blob
        public string? AzureBlobContainerUrl { get; set; }
        public string? BlobType { get; set; }
        public string? AccessTier { get; set; }

        /// <summary>The secret in AWS Secrets Manager that holds the location's credentials (DataSync-managed, KMS or custom).</summary>
        public string? SecretArn { get; set; }

        /// <summary>The Describe output, whole (the <see cref="LocationKind.ResponseType"/> of the location's kind).</summary>
        public object? Detail { get; set; }

        /// <summary>The tags (with -IncludeTags); an empty set when they were not asked for, null when they could not be read (a scan issue says why).</summary>
        public TagSet? Tags { get; set; } = TagSet.NotCollected;

        public override string ToString() => LocationArn;

        /// <summary>A location known only from ListLocations (its Describe call failed): type and URI fields only.</summary>
        public static DataSyncLocation FromListing(string locationArn, string? locationUri, string region, string accountId)
        {
            var location = new DataSyncLocation { LocationArn = locationArn, LocationUri = locationUri, Region = region, AccountId = accountId };
            location.ApplyUri(Partition(locationArn));
            return location;
        }

        public static DataSyncLocation From(object response, string region, string accountId)
        {
            var kind = LocationKinds.OfResponse(response)
                ?? throw new ArgumentException("Not a DescribeLocation* response: " + response?.GetType().FullName, nameof(response));
            var l = new DataSyncLocation { Region = region, AccountId = accountId, Detail = response };
            kind.MapResponse(l, response!);
            l.ApplyUri(Partition(l.LocationArn));
            return l;
        }

        internal void Common(string? arn, string? uri, DateTime? creationTime, System.Collections.Generic.IEnumerable<string>? agentArns)
        {
            LocationArn = arn ?? string.Empty;
            LocationUri = uri;
            CreationTime = creationTime;
            AgentArns = ValueList<string>.From(agentArns);
        }

        internal void ApplyFsxProtocol(FsxProtocol? protocol)
        {
            if (protocol?.Nfs != null)
            {
                FsxProtocol = "NFS";
                MountOptionsVersion = protocol.Nfs.MountOptions?.Version;
            }
            else if (protocol?.Smb != null)
            {
                FsxProtocol = "SMB";
                User = protocol.Smb.User;
                Domain = protocol.Smb.Domain;
                MountOptionsVersion = protocol.Smb.MountOptions?.Version;
                SecretArn = SecretOf(protocol.Smb.ManagedSecretConfig, protocol.Smb.CmkSecretConfig, protocol.Smb.CustomSecretConfig);
                protocol.Smb.Password = null; // a secret: never carried into output, files or logs
            }
        }

        // Derives from the URI what the Describe outputs lack, with ARNs in the location's partition.
        private void ApplyUri(string partition)
        {
            var uri = Inventory.LocationUri.Parse(LocationUri);
            LocationType = uri.Type;
            Subdirectory = uri.Subdirectory;
            uri.Kind?.MapUri(this, uri, partition);
        }

        internal string? FileSystemArn(LocationUri uri, string partition, string service) =>
            uri.FileSystemId is null ? null : AwsArn.Build(partition, service, uri.HostRegion ?? Region, AccountId, "file-system/" + uri.FileSystemId);

        private static string Partition(string arn) => AwsArn.TryParse(arn)?.Partition ?? Regions.Partitions.Aws;

        internal static string? SecretOf(ManagedSecretConfig? managed, CmkSecretConfig? cmk, CustomSecretConfig? custom) =>
            managed?.SecretArn ?? cmk?.SecretArn ?? custom?.SecretArn;
    }
}
