using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StratusScan.DataSync.Regions;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>What a user asked a scan for, as given (the cmdlets' parameter values), before anything is resolved.</summary>
    public sealed class ScanPlanInput
    {
        /// <summary>Region names, or <c>all</c>; null when none were given.</summary>
        public IReadOnlyList<string>? Regions { get; set; }

        /// <summary>The ARNs given (already parsed), or empty.</summary>
        public IReadOnlyList<AwsArn> Arns { get; set; } = Array.Empty<AwsArn>();

        /// <summary>The config file's default_regions.</summary>
        public IReadOnlyList<string> ConfiguredRegions { get; set; } = Array.Empty<string>();

        /// <summary>The credentials' default Region (AWS_REGION, the profile's region), or null.</summary>
        public string? SessionDefaultRegion { get; set; }

        /// <summary>-AccountId as given on the command line; null when not given.</summary>
        public IReadOnlyList<string>? AccountIds { get; set; }

        /// <summary>The accounts piped in and taken (<see cref="PipedAccounts"/>); null or empty when none were.</summary>
        public IReadOnlyList<string>? PipedAccountIds { get; set; }

        public string? RoleName { get; set; }
        public IReadOnlyList<string>? RoleArns { get; set; }
        public string? ExternalId { get; set; }
        public string? RoleSessionName { get; set; }

        /// <summary>Null when not given.</summary>
        public int? DurationSeconds { get; set; }
    }

    /// <summary>
    /// The resolved scan: which Regions, which accounts (and how their roles are assumed), which ARNs. The rules
    /// live here, PowerShell-free; a misuse is a <see cref="ScanPlanException"/> that says what to give.
    /// </summary>
    public sealed class ScanPlan
    {
        private ScanPlan(IReadOnlyList<string> regions, IReadOnlyList<AccountRole>? accounts, AssumeRoleSettings assumeRole, IReadOnlyCollection<string>? arns, IReadOnlyList<string> warnings)
        {
            Regions = regions;
            Accounts = accounts;
            AssumeRole = assumeRole;
            Arns = arns;
            Warnings = warnings;
        }

        /// <summary>The Regions to scan, in the order given, each once.</summary>
        public IReadOnlyList<string> Regions { get; }

        /// <summary>The accounts of an organisation-wide scan, each once; null for the credentials' own account.</summary>
        public IReadOnlyList<AccountRole>? Accounts { get; }

        public AssumeRoleSettings AssumeRole { get; }

        /// <summary>The ARNs to scan (those in the Regions and accounts scanned), or null to list everything.</summary>
        public IReadOnlyCollection<string>? Arns { get; }

        /// <summary>What the user should know about the plan (ARNs left out), to show as warnings.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>The partition scanned.</summary>
        public string Partition => Partitions.OfRegion(Regions[0]);

        /// <summary>The scan request for <paramref name="kinds"/>: the plan's ARNs go to the kind they name (an execution's are its tasks').</summary>
        public ScanRequest ToRequest(ResourceKinds kinds, IReadOnlyDictionary<string, string>? accountNames, bool includeTags = false, DateTime? executionsSince = null)
        {
            var request = new ScanRequest
            {
                Regions = Regions,
                Kinds = kinds,
                IncludeTags = includeTags,
                Accounts = Accounts,
                AssumeRole = AssumeRole,
                AccountNames = accountNames,
                ExecutionsSince = executionsSince,
            };
            if ((kinds & (ResourceKinds.Tasks | ResourceKinds.Executions)) != 0) request.TaskArns = Arns;
            if ((kinds & ResourceKinds.Locations) != 0) request.LocationArns = Arns;
            if ((kinds & ResourceKinds.Agents) != 0) request.AgentArns = Arns;
            return request;
        }

        /// <summary>Parses ARNs of one resource type; a malformed one is a <see cref="ScanPlanException"/> (InvalidArn).</summary>
        public static IReadOnlyList<AwsArn> ParseArns(IEnumerable<string>? arns, string resourceType, string parameterName)
        {
            var parsed = new List<AwsArn>();
            if (arns is null) return parsed;
            foreach (var text in arns)
            {
                try
                {
                    parsed.Add(AwsArn.ParseDataSync(text?.Trim() ?? string.Empty, resourceType));
                }
                catch (FormatException e)
                {
                    throw new ScanPlanException(e.Message + " (parameter -" + parameterName + ")", "InvalidArn", null, text, e);
                }
            }

            return parsed;
        }

        /// <summary>
        /// The execution window of -Since when given, else of -Days; a window in the future (or of fewer than one
        /// day) is a <see cref="ScanPlanException"/> (SinceInFuture, InvalidDays).
        /// </summary>
        public static ExecutionWindow ResolveWindow(DateTime? since, int days, DateTime nowUtc)
        {
            try
            {
                return ExecutionWindow.Resolve(since, days, nowUtc);
            }
            catch (ArgumentOutOfRangeException e)
            {
                // One sentence of our own: the exception's message carries .NET's "(Parameter 'since')" and value lines.
                var value = since.HasValue ? (object)since.Value : days;
                var reason = since.HasValue
                    ? "-Since " + since.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC is in the future"
                    : "-Days " + days.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is less than one day";
                throw new ScanPlanException(reason + ": give -Days (1 or more) or a -Since in the past.",
                    since.HasValue ? "SinceInFuture" : "InvalidDays", since.HasValue ? "Since" : "Days", value, e, outOfRange: true);
            }
        }

        /// <summary>Resolves Regions, accounts, the AssumeRole settings and the ARNs to scan, in that order.</summary>
        public static ScanPlan Resolve(ScanPlanInput input)
        {
            if (input is null) throw new ArgumentNullException(nameof(input));
            var arns = input.Arns;
            var regions = ResolveRegions(input, arns.Count == 0 ? null : arns.Select(a => a.Region).Distinct(StringComparer.Ordinal));
            IReadOnlyCollection<string>? wanted = arns.Count == 0 ? null : arns.Select(a => a.Text).ToList();
            if (wanted != null && input.Regions != null)
            {
                // -Region with ARNs: only the ARNs in those Regions.
                wanted = arns.Where(a => regions.Contains(a.Region)).Select(a => a.Text).ToList();
            }

            var accounts = AccountResolution.Resolve(input, regions, arns);
            var assumeRole = AccountResolution.Settings(input);
            var warnings = new List<string>();
            var outside = arns.Where(a => !regions.Contains(a.Region)).Select(a => a.Text).Distinct(StringComparer.Ordinal).ToList();
            if (outside.Count > 0)
            {
                warnings.Add(outside.Count + " ARN(s) are in Regions that -Region leaves out and are not looked up: " + string.Join(", ", outside) + ".");
            }

            if (accounts != null && wanted != null)
            {
                // -AccountId or -RoleArn with ARNs: only the ARNs of those accounts.
                var scanned = new HashSet<string>(accounts.Select(a => a.AccountId), StringComparer.Ordinal);
                var kept = wanted;
                var elsewhere = arns.Where(a => kept.Contains(a.Text) && !scanned.Contains(a.AccountId)).ToList();
                if (elsewhere.Count > 0)
                {
                    warnings.Add(elsewhere.Count + " ARN(s) belong to accounts that are not scanned (" + string.Join(", ", elsewhere.Select(a => a.AccountId).Distinct(StringComparer.Ordinal)) + ") and are left out. Add those accounts to -AccountId or -RoleArn, or give -RoleName alone to scan the accounts of the ARNs.");
                    wanted = wanted.Where(a => elsewhere.All(e => e.Text != a)).ToList();
                }
            }

            return new ScanPlan(regions, accounts, assumeRole, wanted, warnings);
        }

        /// <summary>
        /// The Regions to scan, in the order given: -Region (names or <c>all</c>), else the Regions of the ARNs
        /// given, else the config file's default_regions, else the session's default Region. An unknown Region is
        /// an error listing the valid ones.
        /// </summary>
        private static IReadOnlyList<string> ResolveRegions(ScanPlanInput input, IEnumerable<string>? regionsOfArns)
        {
            var defaultPartition = input.SessionDefaultRegion is null ? Partitions.Aws : Partitions.OfRegion(input.SessionDefaultRegion);
            var result = new List<string>();
            if (input.Regions != null && input.Regions.Count > 0)
            {
                foreach (var name in input.Regions)
                {
                    if (string.Equals(name, "all", StringComparison.OrdinalIgnoreCase))
                    {
                        result.AddRange(DataSyncRegions.InPartition(defaultPartition).Select(r => r.Name));
                        continue;
                    }

                    result.Add(KnownRegion(name.Trim(), name, defaultPartition));
                }
            }
            else if (regionsOfArns != null && regionsOfArns.Any())
            {
                result.AddRange(regionsOfArns);
            }
            else if (input.ConfiguredRegions.Count > 0)
            {
                // default_regions of the StratusScan config file
                foreach (var name in input.ConfiguredRegions) result.Add(KnownRegion(name, name, defaultPartition));
            }
            else if (input.SessionDefaultRegion != null)
            {
                result.Add(KnownRegion(input.SessionDefaultRegion, input.SessionDefaultRegion, defaultPartition));
            }
            else
            {
                throw new ScanPlanException("No AWS Region was given or configured. Pass -Region (for example -Region us-east-1, or -Region all), run Set-DefaultAWSRegion, set AWS_REGION, or set a region in your AWS profile.",
                    "AwsRegionNotSpecified", null, null);
            }

            return result.Distinct(StringComparer.Ordinal).ToList();
        }

        private static string KnownRegion(string name, string given, string partition)
        {
            var region = DataSyncRegions.Find(name);
            if (region != null) return region.Name;
            var valid = string.Join(", ", DataSyncRegions.InPartition(partition).Select(r => r.Name));
            throw new ScanPlanException(string.Format(CultureInfo.InvariantCulture,
                "'{0}' is not an AWS Region where DataSync is offered. Valid Regions ({1}): {2}; or 'all'. Get-SSDataSyncRegion lists them.",
                given, partition, valid), "InvalidRegion", null, given);
        }
    }

    /// <summary>A scan the user asked for in a way that cannot run; the message says what to give instead.</summary>
    public sealed class ScanPlanException : ArgumentException
    {
        public ScanPlanException(string message, string errorId, string? parameterName, object? target, Exception? inner = null, bool outOfRange = false)
            : base(message, inner)
        {
            ErrorId = errorId;
            Parameter = parameterName;
            Target = target;
            OutOfRange = outOfRange;
        }

        /// <summary>The error id the cmdlet reports, e.g. InvalidRegion.</summary>
        public string ErrorId { get; }

        /// <summary>The parameter at fault, when the error names one.</summary>
        public string? Parameter { get; }

        /// <summary>The value at fault (the error record's target).</summary>
        public object? Target { get; }

        /// <summary>The value is out of its range (rather than malformed or missing).</summary>
        public bool OutOfRange { get; }
    }
}
