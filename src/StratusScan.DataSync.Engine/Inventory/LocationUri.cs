using System;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// What a location's LocationUri says. The Describe operations return no bucket ARN, no EFS or FSx file
    /// system ARN (ONTAP aside), no subdirectory and no object-storage host name: they are read from the URI,
    /// whose scheme also gives the location's type, so one Describe call per location suffices.
    /// URI forms (DataSync API reference, the LocationUri member of each DescribeLocation* output):
    /// <c>s3://bucket/prefix/</c>, <c>efs://region.fs-id/path/</c>, <c>fsxw://region.fs-id/share/path/</c>,
    /// <c>fsxl://region.fs-id/path/</c>, <c>fsxz://region.fs-id/fsx/path/</c>,
    /// <c>fsxn-nfs://region.fs-id.svm-id/volume/path/</c> (also <c>fsxn-smb</c>), <c>nfs://host/export/</c>,
    /// <c>smb://host/share/path/</c>, <c>hdfs://namenode:port/path/</c>, <c>object-storage://host/bucket/prefix/</c>,
    /// <c>azure-blob://account.blob.core.windows.net/container/path/</c>.
    /// </summary>
    public sealed class LocationUri
    {
        private LocationUri(string uri, string scheme, string type, string host, string path)
        {
            Uri = uri;
            Scheme = scheme;
            Type = type;
            Host = host;
            Path = path;
        }

        public string Uri { get; }

        /// <summary>The URI scheme in lower case, e.g. <c>fsxw</c>.</summary>
        public string Scheme { get; }

        /// <summary>The StratusScan location type (<see cref="LocationType"/>).</summary>
        public string Type { get; }

        /// <summary>The part between <c>://</c> and the first <c>/</c> after it.</summary>
        public string Host { get; }

        /// <summary>Everything after the host, starting with <c>/</c> (or empty).</summary>
        public string Path { get; }

        public static LocationUri Parse(string? uri)
        {
            var text = uri ?? string.Empty;
            var separator = text.IndexOf("://", StringComparison.Ordinal);
            if (separator <= 0)
            {
                return new LocationUri(text, string.Empty, LocationType.Unknown, string.Empty, string.Empty);
            }

            var scheme = text.Substring(0, separator).ToLowerInvariant();
            var rest = text.Substring(separator + 3);
            var slash = rest.IndexOf('/');
            var host = slash < 0 ? rest : rest.Substring(0, slash);
            var path = slash < 0 ? string.Empty : rest.Substring(slash);
            return new LocationUri(text, scheme, TypeOfScheme(scheme), host, path);
        }

        public static string TypeOfScheme(string scheme)
        {
            switch (scheme)
            {
                case "s3": return LocationType.S3;
                case "efs": return LocationType.Efs;
                case "fsxw": return LocationType.FsxWindows;
                case "fsxl": return LocationType.FsxLustre;
                case "fsxz": return LocationType.FsxOpenZfs;
                case "fsxn-nfs":
                case "fsxn-smb":
                case "fsxn": return LocationType.FsxOntap;
                case "nfs": return LocationType.Nfs;
                case "smb": return LocationType.Smb;
                case "hdfs": return LocationType.Hdfs;
                case "object-storage": return LocationType.ObjectStorage;
                case "azure-blob": return LocationType.AzureBlob;
                default: return LocationType.Unknown;
            }
        }

        /// <summary>S3: the bucket name (the host of <c>s3://bucket/prefix/</c>).</summary>
        public string? BucketName => Type == LocationType.S3 || Type == LocationType.ObjectStorage ? FirstSegmentOrHost() : null;

        /// <summary>EFS and FSx: the file system id (<c>fs-…</c>) from <c>region.fs-id[.svm-id]</c>.</summary>
        public string? FileSystemId
        {
            get
            {
                foreach (var part in Host.Split('.'))
                {
                    if (part.StartsWith("fs-", StringComparison.Ordinal)) return part;
                }

                return null;
            }
        }

        /// <summary>EFS and FSx: the Region named in the host (<c>us-east-1.fs-…</c>).</summary>
        public string? HostRegion
        {
            get
            {
                var dot = Host.IndexOf('.');
                return dot > 0 && FileSystemId != null ? Host.Substring(0, dot) : null;
            }
        }

        /// <summary>NFS, SMB, HDFS, object storage, Azure Blob: the server host name (without a port).</summary>
        public string? ServerHostname
        {
            get
            {
                switch (Type)
                {
                    case LocationType.Nfs:
                    case LocationType.Smb:
                    case LocationType.Hdfs:
                    case LocationType.ObjectStorage:
                    case LocationType.AzureBlob:
                        var colon = Host.LastIndexOf(':');
                        return colon > 0 && Host.IndexOf(']') < colon ? Host.Substring(0, colon) : Host;
                    default:
                        return null;
                }
            }
        }

        /// <summary>
        /// The folder inside the storage system: for S3 the prefix after the bucket, for object storage and Azure
        /// Blob the path after the bucket or container, for the others the whole path.
        /// </summary>
        public string Subdirectory
        {
            get
            {
                switch (Type)
                {
                    case LocationType.ObjectStorage:
                    case LocationType.AzureBlob:
                        return AfterFirstSegment();
                    default:
                        return Path.Length == 0 ? "/" : Path;
                }
            }
        }

        /// <summary>Azure Blob: the container URL (<c>https://account.blob.core.windows.net/container</c>).</summary>
        public string? AzureContainerUrl =>
            Type == LocationType.AzureBlob && FirstSegment() is string container ? "https://" + Host + "/" + container : null;

        private string? FirstSegmentOrHost() => Type == LocationType.S3 ? Host : FirstSegment();

        private string? FirstSegment()
        {
            var trimmed = Path.TrimStart('/');
            if (trimmed.Length == 0) return null;
            var slash = trimmed.IndexOf('/');
            return slash < 0 ? trimmed : trimmed.Substring(0, slash);
        }

        private string AfterFirstSegment()
        {
            var trimmed = Path.TrimStart('/');
            var slash = trimmed.IndexOf('/');
            return slash < 0 ? "/" : trimmed.Substring(slash);
        }
    }
}
