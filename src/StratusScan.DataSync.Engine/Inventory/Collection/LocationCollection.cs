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
            var wanted = Request.LocationArns is null ? null : new HashSet<string>(Request.LocationArns.Where(Context.InThisRegion), StringComparer.Ordinal);
            if (wanted != null && wanted.Count == 0)
            {
                counter.ListingDone();
                return;
            }

            await ProduceAsync(async pending =>
            {
                var listed = await Listing.ListAsync("ListLocations", "locations", Context.Client.ListAllLocationsAsync(Context.Token), (Func<LocationListEntry, Task>)(entry =>
                {
                    if (entry.LocationArn is null || (wanted != null && !wanted.Contains(entry.LocationArn))) return Task.CompletedTask;
                    wanted?.Remove(entry.LocationArn);
                    counter.Listed(1);
                    return pending.StartAsync(() => DescribeLocationAsync(entry, counter));
                })).ConfigureAwait(false);
                counter.ListingDone();

                // Locations are found by listing, so an ARN given that the complete listing did not return does not exist.
                if (listed && wanted != null)
                {
                    foreach (var arn in wanted.OrderBy(a => a, StringComparer.Ordinal)) Calls.ReportNotFound("ListLocations", arn);
                }
            }).ConfigureAwait(false);
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
            await HandOnAsync(location, location.AccountId, (l, name) => l.AccountName = name).ConfigureAwait(false);
            counter.Completed();
        }

        internal static string? DescribeOperation(string locationType) => LocationKinds.OfName(locationType)?.DescribeOperation;

        private Task<object> DescribeLocationAsync(string type, string arn, CancellationToken t) =>
            (LocationKinds.OfName(type) ?? throw new ArgumentOutOfRangeException(nameof(type), type, "No Describe operation for this location type.")).Describe(_client, arn, t);
    }
}
