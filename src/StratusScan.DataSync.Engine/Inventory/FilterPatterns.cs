using System;
using System.Collections.Generic;
using System.Linq;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// Include and exclude filters. A FilterRule's Value holds one or more patterns separated by <c>|</c>
    /// (DataSync API reference, FilterRule.Value: "/folder1|/folder2"), so a count of patterns is a count of
    /// the non-empty pieces of every rule's value, not a count of rules.
    /// </summary>
    public static class FilterPatterns
    {
        public static IReadOnlyList<string> Split(IEnumerable<string?>? values) =>
            values is null
                ? Array.Empty<string>()
                : values.Where(v => !string.IsNullOrEmpty(v))
                    .SelectMany(v => v!.Split('|'))
                    .Where(p => p.Length > 0)
                    .ToArray();
    }
}
