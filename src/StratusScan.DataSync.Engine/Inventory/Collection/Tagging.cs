using System.Collections.Generic;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>A resource's tags (ListTagsForResource), when the request asks for them.</summary>
    internal sealed class Tagging
    {
        private readonly RegionScanContext _context;
        private readonly Listing _listing;

        public Tagging(RegionScanContext context, Listing listing)
        {
            _context = context;
            _listing = listing;
        }

        /// <summary>The tags of <paramref name="arn"/>; <see cref="TagSet.NotCollected"/> when tags are not asked for, null when they could not be read (an issue).</summary>
        public async Task<TagSet?> TagsAsync(string arn)
        {
            if ((_context.Request.TaggedKinds & KindOf(arn)) == ResourceKinds.None) return TagSet.NotCollected;
            var tags = new List<TagListEntry>();
            var ok = await _listing.ListAsync("ListTagsForResource", "the tags of " + arn, _context.Client.ListAllTagsForResourceAsync(arn, _context.Token), tags.Add, arn).ConfigureAwait(false);
            return ok ? TagSet.From(tags) : null;
        }

        /// <summary>The kind a DataSync ARN names (an execution's ARN extends its task's).</summary>
        private static ResourceKinds KindOf(string arn) =>
            arn.IndexOf("/execution/", System.StringComparison.Ordinal) >= 0 ? ResourceKinds.Executions
            : arn.IndexOf(":task/", System.StringComparison.Ordinal) >= 0 ? ResourceKinds.Tasks
            : arn.IndexOf(":location/", System.StringComparison.Ordinal) >= 0 ? ResourceKinds.Locations
            : arn.IndexOf(":agent/", System.StringComparison.Ordinal) >= 0 ? ResourceKinds.Agents
            : ResourceKinds.None;
    }
}
