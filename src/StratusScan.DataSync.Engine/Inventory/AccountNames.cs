using System;
using System.Collections.Generic;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// The one rule for an account's display name: its name in the config's account_mappings, else the account id.
    /// The collector names each object with it as it hands it on, and the report every account.
    /// </summary>
    public sealed class AccountNames
    {
        private readonly IReadOnlyDictionary<string, string>? _mappings;

        public AccountNames(IReadOnlyDictionary<string, string>? mappings) => _mappings = mappings;

        /// <summary>No mapping: every account is named by its id.</summary>
        public static AccountNames None { get; } = new AccountNames(null);

        /// <summary>The mapped name of an account, or null when it has none (or a blank one).</summary>
        public string? MappedNameOf(string accountId) =>
            _mappings != null && _mappings.TryGetValue(accountId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : null;

        /// <summary>The mapped name of an account, else its id.</summary>
        public string NameOf(string accountId) => MappedNameOf(accountId) ?? accountId;

        /// <summary>
        /// The config's mappings with the names accounts carried (the Name of an account piped in) for the accounts the
        /// config does not name: the config wins, a carried name fills a gap.
        /// </summary>
        public static IReadOnlyDictionary<string, string>? WithCarried(IReadOnlyDictionary<string, string>? mappings, IReadOnlyDictionary<string, string>? carried)
        {
            if (carried is null || carried.Count == 0) return mappings;
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in carried) merged[pair.Key] = pair.Value;
            if (mappings != null)
            {
                foreach (var pair in mappings)
                {
                    if (!string.IsNullOrWhiteSpace(pair.Value)) merged[pair.Key] = pair.Value;
                }
            }

            return merged;
        }

        /// <summary>A name an account already carries, else its id.</summary>
        public static string OrId(string? name, string accountId) => string.IsNullOrEmpty(name) ? accountId : name!;
    }
}
