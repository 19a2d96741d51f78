using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// The Get-SSDataSync* cmdlets: ARNs arrive by parameter or pipeline (by property name) and are gathered in
    /// ProcessRecord; one scan runs in EndProcessing, so piping 500 tasks costs one scan, not 500.
    /// </summary>
    public abstract class InventoryCmdletBase : DataSyncCmdletBase
    {
        private readonly List<string> _arns = new List<string>();

        /// <summary>The ARNs given or piped, or null when the cmdlet should list everything.</summary>
        internal IReadOnlyCollection<string>? RequestedArns { get; private set; }

        /// <summary>Gathers ARNs from a parameter value or a pipeline object.</summary>
        internal void Collect(IEnumerable<string>? arns)
        {
            if (arns != null) _arns.AddRange(arns.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()));
        }

        /// <summary>
        /// Validates the ARNs, resolves Regions and credentials and runs the scan. Returns null when pipeline input
        /// was expected but none arrived (an empty upstream means "nothing", not "everything").
        /// </summary>
        internal ScanResult? RunScan(ResourceKinds kind, string arnType, string arnParameter, bool includeTags, Action<ScanRequest> configure)
        {
            if (_arns.Count == 0 && MyInvocation.ExpectingInput) return null;
            var arns = ParseArns(_arns.Distinct(StringComparer.Ordinal), arnType, arnParameter);
            RequestedArns = arns.Count == 0 ? null : arns.Select(a => a.Text).ToList();

            var pump = new PipelinePump();
            using (var session = OpenSession(pump))
            {
                var config = LoadConfig(ConfigPath);
                var configured = Region is null && arns.Count == 0 ? config.DefaultRegions : null;
                var regions = ResolveRegions(session, arns.Count == 0 ? null : arns.Select(a => a.Region).Distinct(StringComparer.Ordinal), configured);
                if (RequestedArns != null && Region != null)
                {
                    // -Region with ARNs: only the ARNs in those Regions.
                    RequestedArns = arns.Where(a => regions.Contains(a.Region)).Select(a => a.Text).ToList();
                }

                var request = new ScanRequest
                {
                    Regions = regions,
                    Kinds = kind,
                    IncludeTags = includeTags,
                    Accounts = ResolveAccounts(regions, arns),
                    AssumeRole = AssumeRoleSettings(),
                    AccountNames = config.AccountMappings,
                };
                if (request.Accounts != null && RequestedArns != null)
                {
                    // -AccountId or -RoleArn with ARNs: only the ARNs of those accounts.
                    var scanned = new HashSet<string>(request.Accounts.Select(a => a.AccountId), StringComparer.Ordinal);
                    var elsewhere = arns.Where(a => RequestedArns.Contains(a.Text) && !scanned.Contains(a.AccountId)).ToList();
                    if (elsewhere.Count > 0)
                    {
                        WriteWarning(elsewhere.Count + " ARN(s) belong to accounts that are not scanned (" + string.Join(", ", elsewhere.Select(a => a.AccountId).Distinct(StringComparer.Ordinal)) + ") and are left out. Add those accounts to -AccountId or -RoleArn, or give -RoleName alone to scan the accounts of the ARNs.");
                        RequestedArns = RequestedArns.Where(a => elsewhere.All(e => e.Text != a)).ToList();
                    }
                }

                configure(request);
                return Scan(session, pump, request, "Get DataSync " + kind.ToString().ToLowerInvariant());
            }
        }

        internal static bool Matches(string[]? wanted, string? value) =>
            wanted is null || wanted.Length == 0 || wanted.Any(w => string.Equals(w, value, StringComparison.OrdinalIgnoreCase));

        internal static string IssueSuffix(ScanResult result) =>
            result.Issues.Count == 0 ? string.Empty : " (incomplete: " + result.Issues.Count + " scan issue(s), see the error stream)";
    }
}
