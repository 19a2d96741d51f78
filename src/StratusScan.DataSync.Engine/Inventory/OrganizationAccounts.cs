using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws.Organizations;
using StratusScan.DataSync.Aws.Organizations.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// One account of the organisation as Get-SSOrganizationAccount gives it. <see cref="AccountId"/> is what the
    /// scanning cmdlets' -AccountId takes, also piped (by property name, with <see cref="Name"/> and <see cref="State"/>:
    /// see <see cref="PipedAccounts"/>).
    /// </summary>
    public sealed class OrganizationAccount
    {
        public OrganizationAccount(string accountId, string name, string email, string state, DateTime? joinedTimestamp, string arn,
            string joinedMethod, string organizationalUnitId, string organizationalUnitPath)
        {
            AccountId = accountId;
            Name = name;
            Email = email;
            State = state;
            JoinedTimestamp = joinedTimestamp;
            Arn = arn;
            JoinedMethod = joinedMethod;
            OrganizationalUnitId = organizationalUnitId;
            OrganizationalUnitPath = organizationalUnitPath;
        }

        public string AccountId { get; }
        public string Name { get; }
        public string Email { get; }

        /// <summary>One of <see cref="OrganizationAccountStates"/> (or a newer value the API adds).</summary>
        public string State { get; }

        /// <summary>UTC.</summary>
        public DateTime? JoinedTimestamp { get; }
        public string Arn { get; }

        /// <summary>CREATED or INVITED.</summary>
        public string JoinedMethod { get; }

        /// <summary>The account's parent: the root (r-…) or an OU (ou-…).</summary>
        public string OrganizationalUnitId { get; }

        /// <summary>The names from the root down to the parent, e.g. Root/Workloads/Prod.</summary>
        public string OrganizationalUnitPath { get; }
    }

    /// <summary>The states an organisation account can be in, and the word for every state.</summary>
    public static class OrganizationAccountStates
    {
        public const string Active = "ACTIVE";
        public const string Suspended = "SUSPENDED";
        public const string PendingClosure = "PENDING_CLOSURE";
        public const string Closed = "CLOSED";

        /// <summary>Every state (no filter).</summary>
        public const string All = "All";

        /// <summary>The values a state filter accepts, the default first.</summary>
        public static readonly IReadOnlyList<string> FilterValues = new[] { Active, Suspended, PendingClosure, Closed, All };
    }

    /// <summary>An -OrganizationalUnitId that is not in the organisation, or not an OU id.</summary>
    public sealed class OrganizationalUnitNotFoundException : Exception
    {
        public OrganizationalUnitNotFoundException(string organizationalUnitId, string message) : base(message)
        {
            OrganizationalUnitId = organizationalUnitId;
        }

        public string OrganizationalUnitId { get; }
    }

    /// <summary>
    /// Finds the accounts of an organisation, or of one OU and every OU below it, with the path of the unit each
    /// sits in: lists the roots, walks the OU tree (ListOrganizationalUnitsForParent) and lists each unit's
    /// accounts in scope (ListAccountsForParent). Calls one at a time; the token cancels.
    /// </summary>
    public static class OrganizationAccountDiscovery
    {
        private static readonly Regex UnitId = new Regex("^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})$", RegexOptions.CultureInvariant);

        /// <summary>Whether <paramref name="id"/> has the form of an OU id (ou-…) or a root id (r-…).</summary>
        public static bool IsUnitId(string? id) => id != null && UnitId.IsMatch(id);

        /// <param name="organizationalUnitId">An OU (or root) id: only it and its child OUs, recursively; null: the whole organisation.</param>
        /// <param name="states">The states to keep (<see cref="OrganizationAccountStates"/>); null, empty or containing All: every state.</param>
        /// <returns>The accounts ordered by account id.</returns>
        public static async Task<IReadOnlyList<OrganizationAccount>> ListAsync(IOrganizationsClient client, string? organizationalUnitId,
            IReadOnlyCollection<string>? states, CancellationToken cancellationToken)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            if (organizationalUnitId != null && !IsUnitId(organizationalUnitId))
            {
                throw new OrganizationalUnitNotFoundException(organizationalUnitId,
                    $"'{organizationalUnitId}' is not an OU id: give one of the form ou-xxxx-xxxxxxxx (or a root id r-xxxx).");
            }

            bool allStates = states == null || states.Count == 0
                || states.Any(s => string.Equals(s, OrganizationAccountStates.All, StringComparison.OrdinalIgnoreCase));
            var keep = new HashSet<string>(states ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);

            // The units in scope with their paths, parents before children.
            var units = new List<(string Id, string Path)>();
            var pending = new Queue<(string Id, string Path, bool InScope)>();
            await foreach (Root root in client.ListAllRootsAsync(cancellationToken).ConfigureAwait(false))
            {
                string id = root.Id ?? string.Empty;
                pending.Enqueue((id, root.Name ?? "Root", organizationalUnitId == null || id == organizationalUnitId));
            }
            while (pending.Count > 0)
            {
                (string id, string path, bool inScope) = pending.Dequeue();
                if (inScope) units.Add((id, path));
                await foreach (OrganizationalUnit unit in client.ListAllOrganizationalUnitsForParentAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    string unitId = unit.Id ?? string.Empty;
                    pending.Enqueue((unitId, path + "/" + unit.Name, inScope || unitId == organizationalUnitId));
                }
            }
            if (organizationalUnitId != null && units.Count == 0)
            {
                throw new OrganizationalUnitNotFoundException(organizationalUnitId,
                    $"The organisation has no OU {organizationalUnitId}. Check the id (aws organizations list-organizational-units-for-parent).");
            }

            var accounts = new List<OrganizationAccount>();
            foreach ((string id, string path) in units)
            {
                await foreach (Account a in client.ListAllAccountsForParentAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    string state = a.State ?? a.Status ?? string.Empty;
                    if (!allStates && !keep.Contains(state)) continue;
                    accounts.Add(new OrganizationAccount(a.Id ?? string.Empty, a.Name ?? string.Empty, a.Email ?? string.Empty, state,
                        a.JoinedTimestamp.HasValue ? DateTime.SpecifyKind(a.JoinedTimestamp.Value.ToUniversalTime(), DateTimeKind.Utc) : (DateTime?)null,
                        a.Arn ?? string.Empty, a.JoinedMethod ?? string.Empty, id, path));
                }
            }
            return accounts.OrderBy(a => a.AccountId, StringComparer.Ordinal).ToList();
        }
    }
}
