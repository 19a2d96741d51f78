using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// A resource's tags by key; its text is "Key=Value; …" so it reads well in a CSV cell. A resource scanned
    /// without -IncludeTags carries <see cref="NotCollected"/>: an empty set, never null.
    /// </summary>
    public sealed class TagSet : ReadOnlyDictionary<string, string>
    {
        /// <summary>Tags read from AWS, kept in key order (ordinal) so their text is stable.</summary>
        public TagSet(IDictionary<string, string> tags) : this(new SortedDictionary<string, string>(tags, System.StringComparer.Ordinal), collected: true) { }

        private TagSet(IDictionary<string, string> tags, bool collected) : base(tags) => Collected = collected;

        /// <summary>The empty set of a resource whose tags were not asked for.</summary>
        public static TagSet NotCollected { get; } = new TagSet(new Dictionary<string, string>(), collected: false);

        /// <summary>True when the tags were read from AWS (ListTagsForResource), even if there are none.</summary>
        internal bool Collected { get; }

        /// <summary>True when <paramref name="tags"/> were read from AWS.</summary>
        internal static bool WereCollected(TagSet? tags) => tags != null && tags.Collected;

        public static TagSet From(IEnumerable<TagListEntry>? tags)
        {
            var map = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
            if (tags != null)
            {
                foreach (var tag in tags.Where(t => t.Key != null)) map[tag.Key!] = tag.Value ?? string.Empty;
            }

            return new TagSet(map, collected: true);
        }

        public override string ToString() => string.Join("; ", this.Select(t => t.Key + "=" + t.Value));
    }
}
