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

        /// <summary>A name an account already carries, else its id.</summary>
        public static string OrId(string? name, string accountId) => string.IsNullOrEmpty(name) ? accountId : name!;
    }
}
