using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>How a location URI is laid out after <c>scheme://</c>; it tells <see cref="LocationUri"/> what to read.</summary>
    public enum LocationUriForm
    {
        /// <summary><c>bucket/prefix/</c>: the host is the bucket.</summary>
        Bucket,

        /// <summary><c>region.fs-id[.svm-id]/path/</c>: a file system in a Region.</summary>
        FileSystem,

        /// <summary><c>host[:port]/path/</c>: a server.</summary>
        Server,

        /// <summary><c>host/bucket/prefix/</c>: a server, then the bucket.</summary>
        ServerBucket,

        /// <summary><c>account-host/container/path/</c>: a server, then a container reachable at <c>https://host/container</c>.</summary>
        ServerContainer,
    }

    /// <summary>
    /// One kind of DataSync location: its name (the LocationType value, the workbook's Location Type column and a
    /// -LocationType value), the LocationUri schemes that announce it, the Describe operation and client call that
    /// read it, and how the Describe output and the URI map onto <see cref="DataSyncLocation"/>.
    /// </summary>
    public sealed class LocationKind
    {
        internal LocationKind(string name, string[] schemes, LocationUriForm uriForm, string describeOperation, Type requestType, Type responseType,
            Func<IDataSyncClient, string, CancellationToken, Task<object>> describe, Action<DataSyncLocation, object> mapResponse,
            Action<DataSyncLocation, LocationUri, string> mapUri)
        {
            Name = name;
            Schemes = schemes;
            UriForm = uriForm;
            DescribeOperation = describeOperation;
            RequestType = requestType;
            ResponseType = responseType;
            Describe = describe;
            MapResponse = mapResponse;
            MapUri = mapUri;
        }

        public string Name { get; }

        /// <summary>The LocationUri schemes, in lower case; the first is the usual one.</summary>
        public IReadOnlyList<string> Schemes { get; }

        public LocationUriForm UriForm { get; }

        /// <summary>The API operation (also the name the call policy, logs and issues use).</summary>
        public string DescribeOperation { get; }

        public Type RequestType { get; }
        public Type ResponseType { get; }

        /// <summary>Calls <see cref="DescribeOperation"/> for a location ARN; the response is of <see cref="ResponseType"/>.</summary>
        internal Func<IDataSyncClient, string, CancellationToken, Task<object>> Describe { get; }

        /// <summary>Copies the Describe output's members onto the location.</summary>
        internal Action<DataSyncLocation, object> MapResponse { get; }

        /// <summary>Sets what the Describe output lacks from the parsed URI (with the location's partition).</summary>
        internal Action<DataSyncLocation, LocationUri, string> MapUri { get; }

        public override string ToString() => Name;
    }

    /// <summary>
    /// The location kinds, in the workbook's order: the one place a kind is named. Adding a kind is one entry
    /// here (plus the API shapes and client call of its Describe operation).
    /// </summary>
    public static class LocationKinds
    {
        public static readonly IReadOnlyList<LocationKind> All = new[]
        {
            Kind("S3", new[] { "s3" }, LocationUriForm.Bucket, "DescribeLocationS3",
                arn => new DescribeLocationS3Request { LocationArn = arn }, (c, request, t) => c.DescribeLocationS3Async(request, t),
                (DataSyncLocation l, DescribeLocationS3Response r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, r.AgentArns);
                    l.S3StorageClass = r.S3StorageClass;
                    l.BucketAccessRoleArn = r.S3Config?.BucketAccessRoleArn;
                },
                (l, uri, partition) => l.S3BucketArn = uri.BucketName is null ? null : "arn:" + partition + ":s3:::" + uri.BucketName),

            Kind("EFS", new[] { "efs" }, LocationUriForm.FileSystem, "DescribeLocationEfs",
                arn => new DescribeLocationEfsRequest { LocationArn = arn }, (c, request, t) => c.DescribeLocationEfsAsync(request, t),
                (DataSyncLocation l, DescribeLocationEfsResponse r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, null);
                    l.Ec2SubnetArn = r.Ec2Config?.SubnetArn;
                    l.SecurityGroupArns = ValueList<string>.From(r.Ec2Config?.SecurityGroupArns);
                    l.AccessPointArn = r.AccessPointArn;
                    l.FileSystemAccessRoleArn = r.FileSystemAccessRoleArn;
                    l.InTransitEncryption = r.InTransitEncryption;
                },
                (l, uri, partition) => l.EfsFileSystemArn = l.FileSystemArn(uri, partition, "elasticfilesystem")),

            Kind("FSx-Windows", new[] { "fsxw" }, LocationUriForm.FileSystem, "DescribeLocationFsxWindows",
                arn => new DescribeLocationFsxWindowsRequest { LocationArn = arn }, (c, request, t) => c.DescribeLocationFsxWindowsAsync(request, t),
                (DataSyncLocation l, DescribeLocationFsxWindowsResponse r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, null);
                    l.SecurityGroupArns = ValueList<string>.From(r.SecurityGroupArns);
                    l.User = r.User;
                    l.Domain = r.Domain;
                    l.SecretArn = DataSyncLocation.SecretOf(r.ManagedSecretConfig, r.CmkSecretConfig, r.CustomSecretConfig);
                },
                FsxFileSystemArn),

            Kind("FSx-Lustre", new[] { "fsxl" }, LocationUriForm.FileSystem, "DescribeLocationFsxLustre",
                arn => new DescribeLocationFsxLustreRequest { LocationArn = arn }, (c, request, t) => c.DescribeLocationFsxLustreAsync(request, t),
                (DataSyncLocation l, DescribeLocationFsxLustreResponse r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, null);
                    l.SecurityGroupArns = ValueList<string>.From(r.SecurityGroupArns);
                },
                FsxFileSystemArn),

            Kind("FSx-OpenZFS", new[] { "fsxz" }, LocationUriForm.FileSystem, "DescribeLocationFsxOpenZfs",
                arn => new DescribeLocationFsxOpenZfsRequest { LocationArn = arn }, (c, request, t) => c.DescribeLocationFsxOpenZfsAsync(request, t),
                (DataSyncLocation l, DescribeLocationFsxOpenZfsResponse r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, null);
                    l.SecurityGroupArns = ValueList<string>.From(r.SecurityGroupArns);
                    l.ApplyFsxProtocol(r.Protocol);
                },
                FsxFileSystemArn),

            Kind("FSx-ONTAP", new[] { "fsxn-nfs", "fsxn-smb", "fsxn" }, LocationUriForm.FileSystem, "DescribeLocationFsxOntap",
                arn => new DescribeLocationFsxOntapRequest { LocationArn = arn }, (c, request, t) => c.DescribeLocationFsxOntapAsync(request, t),
                (DataSyncLocation l, DescribeLocationFsxOntapResponse r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, null);
                    l.SecurityGroupArns = ValueList<string>.From(r.SecurityGroupArns);
                    l.StorageVirtualMachineArn = r.StorageVirtualMachineArn;
                    l.FsxFileSystemArn = r.FsxFilesystemArn;
                    l.ApplyFsxProtocol(r.Protocol);
                },
                FsxFileSystemArn),

            Kind("NFS", new[] { "nfs" }, LocationUriForm.Server, "DescribeLocationNfs",
                arn => new DescribeLocationNfsRequest { LocationArn = arn }, (c, request, t) => c.DescribeLocationNfsAsync(request, t),
                (DataSyncLocation l, DescribeLocationNfsResponse r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, r.OnPremConfig?.AgentArns);
                    l.MountOptionsVersion = r.MountOptions?.Version;
                },
                ServerHostname),

            Kind("SMB", new[] { "smb" }, LocationUriForm.Server, "DescribeLocationSmb",
                arn => new DescribeLocationSmbRequest { LocationArn = arn }, (c, request, t) => c.DescribeLocationSmbAsync(request, t),
                (DataSyncLocation l, DescribeLocationSmbResponse r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, r.AgentArns);
                    l.User = r.User;
                    l.Domain = r.Domain;
                    l.MountOptionsVersion = r.MountOptions?.Version;
                    l.DnsIpAddresses = ValueList<string>.From(r.DnsIpAddresses);
                    l.KerberosPrincipal = r.KerberosPrincipal;
                    l.AuthenticationType = r.AuthenticationType;
                    l.SecretArn = DataSyncLocation.SecretOf(r.ManagedSecretConfig, r.CmkSecretConfig, r.CustomSecretConfig);
                },
                ServerHostname),

            Kind("HDFS", new[] { "hdfs" }, LocationUriForm.Server, "DescribeLocationHdfs",
                arn => new DescribeLocationHdfsRequest { LocationArn = arn }, (c, request, t) => c.DescribeLocationHdfsAsync(request, t),
                (DataSyncLocation l, DescribeLocationHdfsResponse r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, r.AgentArns);
                    l.NameNodes = ValueList<HdfsNameNode>.From(r.NameNodes);
                    l.NameNodeCount = r.NameNodes?.Count ?? 0;
                    l.BlockSize = r.BlockSize;
                    l.ReplicationFactor = r.ReplicationFactor;
                    l.KmsKeyProviderUri = r.KmsKeyProviderUri;
                    l.QopRpcProtection = r.QopConfiguration?.RpcProtection;
                    l.QopDataTransferProtection = r.QopConfiguration?.DataTransferProtection;
                    l.AuthenticationType = r.AuthenticationType;
                    l.SimpleUser = r.SimpleUser;
                    l.KerberosPrincipal = r.KerberosPrincipal;
                    l.SecretArn = DataSyncLocation.SecretOf(r.ManagedSecretConfig, r.CmkSecretConfig, r.CustomSecretConfig);
                    var first = r.NameNodes?.FirstOrDefault();
                    if (first?.Hostname != null)
                    {
                        l.ServerHostname = first.Hostname;
                        l.ServerPort = first.Port;
                    }
                },
                (l, uri, partition) => l.ServerHostname = l.ServerHostname ?? uri.ServerHostname),

            Kind("Object Storage", new[] { "object-storage" }, LocationUriForm.ServerBucket, "DescribeLocationObjectStorage",
                arn => new DescribeLocationObjectStorageRequest { LocationArn = arn }, (c, request, t) => c.DescribeLocationObjectStorageAsync(request, t),
                (DataSyncLocation l, DescribeLocationObjectStorageResponse r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, r.AgentArns);
                    l.AccessKey = r.AccessKey;
                    l.ServerPort = r.ServerPort;
                    l.ServerProtocol = r.ServerProtocol;
                    l.SecretArn = DataSyncLocation.SecretOf(r.ManagedSecretConfig, r.CmkSecretConfig, r.CustomSecretConfig);
                },
                (l, uri, partition) =>
                {
                    l.BucketName = uri.BucketName;
                    l.ServerHostname = uri.ServerHostname;
                }),

            Kind("Azure Blob", new[] { "azure-blob" }, LocationUriForm.ServerContainer, "DescribeLocationAzureBlob",
                arn => new DescribeLocationAzureBlobRequest { LocationArn = arn }, (c, request, t) => c.DescribeLocationAzureBlobAsync(request, t),
                (DataSyncLocation l, DescribeLocationAzureBlobResponse r) =>
                {
                    l.Common(r.LocationArn, r.LocationUri, r.CreationTime, r.AgentArns);
                    l.AuthenticationType = r.AuthenticationType;
                    l.BlobType = r.BlobType;
                    l.AccessTier = r.AccessTier;
                    l.SecretArn = DataSyncLocation.SecretOf(r.ManagedSecretConfig, r.CmkSecretConfig, r.CustomSecretConfig);
                },
                (l, uri, partition) =>
                {
                    l.AzureBlobContainerUrl = uri.AzureContainerUrl;
                    l.ServerHostname = uri.ServerHostname;
                }),
        };

        private static readonly Dictionary<string, LocationKind> ByScheme =
            All.SelectMany(k => k.Schemes.Select(s => new KeyValuePair<string, LocationKind>(s, k))).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        private static readonly Dictionary<string, LocationKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

        private static readonly Dictionary<Type, LocationKind> ByResponseType = All.ToDictionary(k => k.ResponseType);

        /// <summary>The kind a (lower-case) URI scheme announces, or null.</summary>
        public static LocationKind? OfScheme(string scheme) => scheme != null && ByScheme.TryGetValue(scheme, out var kind) ? kind : null;

        /// <summary>The kind of this name (exact case), or null (also for <see cref="LocationType.Unknown"/>).</summary>
        public static LocationKind? OfName(string? name) => name != null && ByName.TryGetValue(name, out var kind) ? kind : null;

        /// <summary>The kind whose Describe operation returns this type of response, or null.</summary>
        public static LocationKind? OfResponse(object? response) =>
            response != null && ByResponseType.TryGetValue(response.GetType(), out var kind) ? kind : null;

        private static void FsxFileSystemArn(DataSyncLocation l, LocationUri uri, string partition) =>
            l.FsxFileSystemArn = l.FsxFileSystemArn ?? l.FileSystemArn(uri, partition, "fsx");

        private static void ServerHostname(DataSyncLocation l, LocationUri uri, string partition) => l.ServerHostname = uri.ServerHostname;

        private static LocationKind Kind<TRequest, TResponse>(string name, string[] schemes, LocationUriForm form, string operation,
            Func<string, TRequest> request, Func<IDataSyncClient, TRequest, CancellationToken, Task<TResponse>> describe,
            Action<DataSyncLocation, TResponse> mapResponse, Action<DataSyncLocation, LocationUri, string> mapUri)
            where TResponse : class =>
            new LocationKind(name, schemes, form, operation, typeof(TRequest), typeof(TResponse),
                async (client, arn, t) => await describe(client, request(arn), t).ConfigureAwait(false),
                (location, response) => mapResponse(location, (TResponse)response),
                mapUri);
    }
}
