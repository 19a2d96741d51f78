using System.Collections.Generic;
using System.Linq;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// The location types as StratusScan names them (the Location Type column of the workbook and the values of
    /// -LocationType): the name of each <see cref="LocationKinds"/> entry, and <see cref="Unknown"/>.
    /// </summary>
    public static class LocationType
    {
        /// <summary>A location whose URI scheme no <see cref="LocationKinds"/> entry claims.</summary>
        public const string Unknown = "Unknown";

        /// <summary>Every type, in the workbook's order.</summary>
        public static readonly IReadOnlyList<string> All = LocationKinds.All.Select(k => k.Name).Concat(new[] { Unknown }).ToArray();
    }
}
