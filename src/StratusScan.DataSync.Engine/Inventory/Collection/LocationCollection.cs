using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>A Region's locations: ListLocations, then for each the one Describe call its URI's scheme calls for.</summary>
    internal sealed class LocationCollection : KindCollector<DataSyncLocation>
    {
        public LocationCollection(RegionScanContext context, CallPolicy calls, Listing listing, Tagging tagging)
            : base(context, calls, listing, tagging)
        {
        }

        private IDataSyncClient _client => Context.Client;

        public async Task CollectAsync()
        {
            var counter = new ProgressCounter(Context, "Locations");
            var describes = new List<Task>();
            var wanted = Request.LocationArns is null ? null : new HashSet<string>(Request.LocationArns.Where(Context.InThisRegion), StringComparer.Ordinal);
            if (wanted != null && wanted.Count == 0)
            {
                counter.ListingDone();
                return;
            }

            await Listing.ListAsync("ListLocations", "locations", Context.Client.ListAllLocationsAsync(Context.Token), entry =>
            {
                if (entry.LocationArn is null || (wanted != null && !wanted.Contains(entry.LocationArn))) return;
                counter.Listed(1);
                describes.Add(DescribeLocationAsync(entry, counter));
            }).ConfigureAwait(false);
            counter.ListingDone();
            await Task.WhenAll(describes).ConfigureAwait(false);
        }

        private async Task DescribeLocationAsync(LocationListEntry entry, ProgressCounter counter)
        {
            var arn = entry.LocationArn!;
            var type = LocationUri.Parse(entry.LocationUri).Type;
            var operation = DescribeOperation(type);
            object? response = null;
            if (operation != null)
            {
                response = await Calls.CallAsync(operation, arn, "the location's type-specific settings", t => DescribeLocationAsync(type, arn, t)).ConfigureAwait(false);
            }

            // One Describe call per location, chosen by the URI's scheme; an unknown scheme is listed, never probed.
            var location = response != null
                ? DataSyncLocation.From(response, Region, AccountOf(arn))
                : DataSyncLocation.FromListing(arn, entry.LocationUri, Region, AccountOf(arn));
            location.Tags = await Tagging.TagsAsync(arn).ConfigureAwait(false);
            Items.Add(location);
            counter.Completed();
        }

        internal static string? DescribeOperation(string locationType)
        {
            switch (locationType)
            {
                case LocationType.S3: return "DescribeLocationS3";
                case LocationType.Efs: return "DescribeLocationEfs";
                case LocationType.FsxWindows: return "DescribeLocationFsxWindows";
                case LocationType.FsxLustre: return "DescribeLocationFsxLustre";
                case LocationType.FsxOpenZfs: return "DescribeLocationFsxOpenZfs";
                case LocationType.FsxOntap: return "DescribeLocationFsxOntap";
                case LocationType.Nfs: return "DescribeLocationNfs";
                case LocationType.Smb: return "DescribeLocationSmb";
                case LocationType.Hdfs: return "DescribeLocationHdfs";
                case LocationType.ObjectStorage: return "DescribeLocationObjectStorage";
                case LocationType.AzureBlob: return "DescribeLocationAzureBlob";
                default: return null;
            }
        }

        private async Task<object> DescribeLocationAsync(string type, string arn, CancellationToken t)
        {
            switch (type)
            {
                case LocationType.S3: return await _client.DescribeLocationS3Async(new DescribeLocationS3Request { LocationArn = arn }, t).ConfigureAwait(false);
                case LocationType.Efs: return await _client.DescribeLocationEfsAsync(new DescribeLocationEfsRequest { LocationArn = arn }, t).ConfigureAwait(false);
                case LocationType.FsxWindows: return await _client.DescribeLocationFsxWindowsAsync(new DescribeLocationFsxWindowsRequest { LocationArn = arn }, t).ConfigureAwait(false);
                case LocationType.FsxLustre: return await _client.DescribeLocationFsxLustreAsync(new DescribeLocationFsxLustreRequest { LocationArn = arn }, t).ConfigureAwait(false);
                case LocationType.FsxOpenZfs: return await _client.DescribeLocationFsxOpenZfsAsync(new DescribeLocationFsxOpenZfsRequest { LocationArn = arn }, t).ConfigureAwait(false);
                case LocationType.FsxOntap: return await _client.DescribeLocationFsxOntapAsync(new DescribeLocationFsxOntapRequest { LocationArn = arn }, t).ConfigureAwait(false);
                case LocationType.Nfs: return await _client.DescribeLocationNfsAsync(new DescribeLocationNfsRequest { LocationArn = arn }, t).ConfigureAwait(false);
                case LocationType.Smb: return await _client.DescribeLocationSmbAsync(new DescribeLocationSmbRequest { LocationArn = arn }, t).ConfigureAwait(false);
                case LocationType.Hdfs: return await _client.DescribeLocationHdfsAsync(new DescribeLocationHdfsRequest { LocationArn = arn }, t).ConfigureAwait(false);
                case LocationType.ObjectStorage: return await _client.DescribeLocationObjectStorageAsync(new DescribeLocationObjectStorageRequest { LocationArn = arn }, t).ConfigureAwait(false);
                case LocationType.AzureBlob: return await _client.DescribeLocationAzureBlobAsync(new DescribeLocationAzureBlobRequest { LocationArn = arn }, t).ConfigureAwait(false);
                default: throw new ArgumentOutOfRangeException(nameof(type), type, "No Describe operation for this location type.");
            }
        }
    }
}
