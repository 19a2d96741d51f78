using System;
using System.Collections.Generic;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// The accounts piped into a scanning cmdlet (Get-SSOrganizationAccount's objects, the rows of an account list):
    /// each id once, in arrival order, with the name it carries. An account whose State is given and is not ACTIVE is
    /// left out with a warning: a SUSPENDED or closing account's role cannot be assumed. An organisation-wide scan of
    /// the accounts taken runs as if -AccountId had listed them (<see cref="ScanPlanInput.PipedAccountIds"/>).
    /// </summary>
    public sealed class PipedAccounts
    {
        private readonly List<string> _ids = new List<string>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _names = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Whether any account object arrived, taken or left out.</summary>
        public bool Received { get; private set; }

        /// <summary>The accounts to scan, in arrival order, each once.</summary>
        public IReadOnlyList<string> AccountIds => _ids;

        /// <summary>The names the accounts taken carried, by account id (the first non-blank one).</summary>
        public IReadOnlyDictionary<string, string> Names => _names;

        /// <summary>The accounts left out (not ACTIVE, or no id), each counted once.</summary>
        public int LeftOut { get; private set; }

        /// <summary>Takes one account object's AccountId, name and State (null when it has none).</summary>
        /// <returns>Null when the account is taken (or was already); else the warning that says why it is left out.</returns>
        public string? Add(string? accountId, string? name, string? state)
        {
            Received = true;
            var id = accountId?.Trim() ?? string.Empty;
            var trimmedName = string.IsNullOrWhiteSpace(name) ? null : name!.Trim();
            if (id.Length == 0)
            {
                LeftOut++;
                return "An account piped in" + (trimmedName is null ? string.Empty : " (" + trimmedName + ")") + " has no AccountId and is not scanned.";
            }

            if (!_seen.Add(id))
            {
                // Given twice: scanned once, named by the first name it carried.
                if (trimmedName != null && _ids.Contains(id) && !_names.ContainsKey(id)) _names[id] = trimmedName;
                return null;
            }

            if (!string.IsNullOrWhiteSpace(state) && !string.Equals(state!.Trim(), OrganizationAccountStates.Active, StringComparison.OrdinalIgnoreCase))
            {
                LeftOut++;
                return "Account " + id + (trimmedName is null ? string.Empty : " (" + trimmedName + ")") + " is " + state.Trim()
                    + ", so its role cannot be assumed: it is not scanned. Only ACTIVE accounts are scanned (Get-SSOrganizationAccount gives only those unless -State says otherwise).";
            }

            _ids.Add(id);
            if (trimmedName != null) _names[id] = trimmedName;
            return null;
        }
    }
}
