using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// The scan of the Get-SSDataSync* cmdlets: ARNs arrive by parameter or pipeline (by property name), and accounts
    /// by pipeline (DataSyncCmdletBase.Accounts.cs); both are gathered in ProcessRecord and one scan runs in
    /// EndProcessing, so piping 500 tasks or 500 accounts costs one scan, not 500. Its objects are written as they arrive.
    /// </summary>
    public abstract partial class DataSyncCmdletBase
    {
        private readonly List<string> _arns = new List<string>();

        /// <summary>Gathers ARNs from a parameter value or a pipeline object.</summary>
        internal void Collect(IEnumerable<string>? arns)
        {
            if (arns != null) _arns.AddRange(arns.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()));
        }

        /// <summary>
        /// Validates the ARNs gathered, resolves the plan (Regions, accounts, credentials) and runs the scan of
        /// <paramref name="kind"/>; the ARNs go to that kind (an execution's are its tasks'). Each object goes to
        /// <paramref name="write"/> on the pipeline thread as soon as it is complete, while the scan goes on
        /// (arrival order); when the downstream stops, so does the scan. Returns null when pipeline input was
        /// expected but none arrived (an empty upstream means "nothing", not "everything").
        /// </summary>
        internal ScanOutcome? RunScan(ResourceKinds kind, string arnType, string arnParameter, bool includeTags, Action<object> write, DateTime? executionsSince = null)
        {
            // Accounts piped in, every one left out (warned): nothing to scan, not the credentials' own account.
            if (OnlyAccountsLeftOut) return null;
            if (_arns.Count == 0 && !AccountsPiped && MyInvocation.ExpectingInput) return null;
            var arns = ParseArns(_arns.Distinct(StringComparer.Ordinal), arnType, arnParameter);

            var pump = new PipelinePump();
            using (var session = OpenSession(pump))
            {
                var config = LoadConfig(ConfigPath);
                var plan = ResolvePlan(session, config, arns);
                var request = plan.ToRequest(kind, AccountMappingsOf(config), includeTags, executionsSince);
                return Scan(session, pump, request, "Get DataSync " + kind.ToString().ToLowerInvariant(), new PipelineSink(pump, write));
            }
        }

        /// <summary>
        /// The Get cmdlets' scan: each object of the kind that <paramref name="keep"/> accepts (the cmdlet's filters)
        /// is written as it arrives, then the closing summary with the count written.
        /// </summary>
        internal void WriteScan<T>(ResourceKinds kind, string arnType, string arnParameter, bool includeTags, Func<T, bool> keep, Func<int, string> summary, DateTime? executionsSince = null)
        {
            var count = 0;
            var outcome = RunScan(kind, arnType, arnParameter, includeTags, item =>
            {
                var o = (T)item;
                if (!keep(o)) return;
                WriteObject(o);
                count++;
            }, executionsSince);
            if (outcome is null) return;
            WriteSummary(summary(count) + IssueSuffix(outcome));
        }

        internal static bool Matches(string[]? wanted, string? value) =>
            wanted is null || wanted.Length == 0 || wanted.Any(w => string.Equals(w, value, StringComparison.OrdinalIgnoreCase));

        internal static string IssueSuffix(ScanOutcome result) =>
            result.Issues.Count == 0 ? string.Empty : " (incomplete: " + result.Issues.Count + " scan issue(s), see the error stream)";
    }
}
