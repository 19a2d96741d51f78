using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// A read-only list whose text is its items joined with "; ", so a list property becomes a readable cell in
    /// Export-Csv (not "System.String[]") and still enumerates, indexes and serialises as a list.
    /// </summary>
    public sealed class ValueList<T> : ReadOnlyCollection<T>
    {
        public static readonly ValueList<T> Empty = new ValueList<T>(Array.Empty<T>());

        public ValueList(IList<T> items) : base(items) { }

        public static ValueList<T> From(IEnumerable<T>? items) =>
            items is null ? Empty : new ValueList<T>(items.ToArray());

        public override string ToString() => string.Join("; ", this.Select(i => i?.ToString() ?? string.Empty));
    }
}
