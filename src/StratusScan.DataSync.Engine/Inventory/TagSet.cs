using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>A resource's tags by key; its text is "Key=Value; …" so it reads well in a CSV cell.</summary>
    public sealed class TagSet : ReadOnlyDictionary<string, string>
    {
        public TagSet(IDictionary<string, string> tags) : base(tags) { }

        public static TagSet From(IEnumerable<TagListEntry>? tags)
        {
            var map = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
            if (tags != null)
            {
                foreach (var tag in tags.Where(t => t.Key != null)) map[tag.Key!] = tag.Value ?? string.Empty;
            }

            return new TagSet(map);
        }

        public override string ToString() => string.Join("; ", this.Select(t => t.Key + "=" + t.Value));
    }
}
