using System;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// What a location's LocationUri says. The Describe operations return no bucket ARN, no EFS or FSx file
    /// system ARN (ONTAP aside), no subdirectory and no object-storage host name: they are read from the URI,
    /// whose scheme also gives the location's kind, so one Describe call per location suffices. Each kind's
    /// schemes and URI layout (<see cref="LocationUriForm"/>) are in <see cref="LocationKinds"/>.
    /// </summary>
    public sealed class LocationUri
    {
        private LocationUri(string uri, string scheme, LocationKind? kind, string host, string path)
        {
            Uri = uri;
            Scheme = scheme;
            Kind = kind;
            Host = host;
            Path = path;
        }

        public string Uri { get; }

        /// <summary>The URI scheme in lower case, e.g. <c>fsxw</c>.</summary>
        public string Scheme { get; }

        /// <summary>The kind the scheme announces, or null for a scheme no kind claims.</summary>
        public LocationKind? Kind { get; }

        /// <summary>The StratusScan location type: the kind's name, else <see cref="LocationType.Unknown"/>.</summary>
        public string Type => Kind?.Name ?? LocationType.Unknown;

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
                return new LocationUri(text, string.Empty, null, string.Empty, string.Empty);
            }

            var scheme = text.Substring(0, separator).ToLowerInvariant();
            var rest = text.Substring(separator + 3);
            var slash = rest.IndexOf('/');
            var host = slash < 0 ? rest : rest.Substring(0, slash);
            var path = slash < 0 ? string.Empty : rest.Substring(slash);
            return new LocationUri(text, scheme, LocationKinds.OfScheme(scheme), host, path);
        }

        public static string TypeOfScheme(string scheme) => LocationKinds.OfScheme(scheme)?.Name ?? LocationType.Unknown;

        /// <summary>The bucket name: the host of a <see cref="LocationUriForm.Bucket"/> URI, the first path segment of a <see cref="LocationUriForm.ServerBucket"/> one.</summary>
        public string? BucketName => Form == LocationUriForm.Bucket ? Host : Form == LocationUriForm.ServerBucket ? FirstSegment() : null;

        /// <summary>A file-system host's file system id (<c>fs-…</c>) from <c>region.fs-id[.svm-id]</c>.</summary>
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

        /// <summary>A file-system host's Region (<c>us-east-1.fs-…</c>).</summary>
        public string? HostRegion
        {
            get
            {
                var dot = Host.IndexOf('.');
                return dot > 0 && FileSystemId != null ? Host.Substring(0, dot) : null;
            }
        }

        /// <summary>The server host name (without a port) of a URI whose host is a server.</summary>
        public string? ServerHostname
        {
            get
            {
                if (!HostIsServer) return null;
                var colon = Host.LastIndexOf(':');
                return colon > 0 && Host.IndexOf(']') < colon ? Host.Substring(0, colon) : Host;
            }
        }

        /// <summary>
        /// The folder inside the storage system: the path after the bucket or container where the path starts with
        /// one (<see cref="LocationUriForm.ServerBucket"/>, <see cref="LocationUriForm.ServerContainer"/>), else the
        /// whole path (for a bucket host, the prefix).
        /// </summary>
        public string Subdirectory =>
            Form == LocationUriForm.ServerBucket || Form == LocationUriForm.ServerContainer ? AfterFirstSegment() : Path.Length == 0 ? "/" : Path;

        /// <summary>A <see cref="LocationUriForm.ServerContainer"/> URI's container URL (<c>https://account.blob.core.windows.net/container</c>).</summary>
        public string? AzureContainerUrl =>
            Form == LocationUriForm.ServerContainer && FirstSegment() is string container ? "https://" + Host + "/" + container : null;

        private LocationUriForm? Form => Kind?.UriForm;

        private bool HostIsServer =>
            Form == LocationUriForm.Server || Form == LocationUriForm.ServerBucket || Form == LocationUriForm.ServerContainer;

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
