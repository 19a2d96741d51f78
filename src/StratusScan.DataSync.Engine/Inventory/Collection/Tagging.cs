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

        /// <summary>The tags of <paramref name="arn"/>; null when tags are not asked for or could not be read (an issue).</summary>
        public async Task<TagSet?> TagsAsync(string arn)
        {
            if (!_context.Request.IncludeTags || arn.Length == 0) return null;
            var tags = new List<TagListEntry>();
            var ok = await _listing.ListAsync("ListTagsForResource", "the tags of " + arn, _context.Client.ListAllTagsForResourceAsync(arn, _context.Token), tags.Add, arn).ConfigureAwait(false);
            return ok ? TagSet.From(tags) : null;
        }
    }
}
