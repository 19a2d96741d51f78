using System;
using System.Globalization;
using System.Text.RegularExpressions;
using StratusScan.DataSync.Regions;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>An account of an organisation-wide scan and the IAM role the scan assumes in it.</summary>
    public sealed class AccountRole
    {
        // arn:PARTITION:iam::ACCOUNT:role/[path/]NAME, as STS AssumeRole accepts it.
        private static readonly Regex RoleArnPattern = new Regex(
            @"^arn:(?<partition>aws|aws-us-gov|aws-cn):iam::(?<account>[0-9]{12}):role/(?<path>(?:[\w+=,.@-]+/)*)(?<name>[\w+=,.@-]{1,64})$",
            RegexOptions.CultureInvariant);

        private static readonly Regex AccountIdPattern = new Regex("^[0-9]{12}$", RegexOptions.CultureInvariant);
        private static readonly Regex RoleNamePattern = new Regex(@"^(?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant);

        private AccountRole(string roleArn, string partition, string accountId, string roleName)
        {
            RoleArn = roleArn;
            Partition = partition;
            AccountId = accountId;
            RoleName = roleName;
        }

        public string RoleArn { get; }
        public string Partition { get; }
        public string AccountId { get; }

        /// <summary>The role's name, with its path when it has one.</summary>
        public string RoleName { get; }

        /// <summary>Parses an IAM role ARN; <see cref="FormatException"/> says the expected form.</summary>
        public static AccountRole FromArn(string roleArn)
        {
            var match = roleArn is null ? null : RoleArnPattern.Match(roleArn.Trim());
            if (match is null || !match.Success)
            {
                throw new FormatException("'" + roleArn + "' is not an IAM role ARN. Expected the form arn:aws:iam::123456789012:role/RoleName (partition aws, aws-us-gov or aws-cn).");
            }

            return new AccountRole(match.Value, match.Groups["partition"].Value, match.Groups["account"].Value,
                match.Groups["path"].Value + match.Groups["name"].Value);
        }

        /// <summary>The role <paramref name="roleName"/> (optionally with a path) in account <paramref name="accountId"/> of <paramref name="partition"/>.</summary>
        public static AccountRole For(string accountId, string roleName, string partition)
        {
            var id = accountId?.Trim() ?? string.Empty;
            if (!AccountIdPattern.IsMatch(id))
            {
                throw new FormatException("'" + accountId + "' is not an AWS account id: an account id is 12 digits, e.g. 123456789012.");
            }

            var name = (roleName ?? string.Empty).Trim().Trim('/');
            if (!RoleNamePattern.IsMatch(name))
            {
                throw new FormatException("'" + roleName + "' is not an IAM role name: up to 64 letters, digits and +=,.@_- (a path may come before it, e.g. audit/StratusScanReadOnly).");
            }

            Partitions.DisplayName(partition); // throws for an unknown partition
            return new AccountRole(string.Format(CultureInfo.InvariantCulture, "arn:{0}:iam::{1}:role/{2}", partition, id, name), partition, id, name);
        }

        public override string ToString() => RoleArn;
    }

    /// <summary>How the scan assumes each account's role (STS AssumeRole parameters).</summary>
    public sealed class AssumeRoleSettings
    {
        /// <summary>The RoleSessionName when none is given: CloudTrail in each account names the module.</summary>
        public const string DefaultSessionName = "StratusScan.DataSync";

        private static readonly Regex SessionNamePattern = new Regex(@"^[\w+=,.@-]{2,64}$", RegexOptions.CultureInvariant);
        private static readonly Regex ExternalIdPattern = new Regex(@"^[\w+=,.@:/-]{2,1224}$", RegexOptions.CultureInvariant);

        private string _sessionName = DefaultSessionName;
        private string? _externalId;
        private TimeSpan? _duration;

        /// <summary>The role session name (2–64 of letters, digits and +=,.@_-).</summary>
        public string RoleSessionName
        {
            get => _sessionName;
            set
            {
                if (value is null || !SessionNamePattern.IsMatch(value))
                {
                    throw new ArgumentException("A role session name is 2 to 64 letters, digits and +=,.@_- characters; '" + value + "' is not.", nameof(RoleSessionName));
                }

                _sessionName = value;
            }
        }

        /// <summary>The external id the roles' trust policies require (sent with every AssumeRole), or null.</summary>
        public string? ExternalId
        {
            get => _externalId;
            set
            {
                if (value != null && !ExternalIdPattern.IsMatch(value))
                {
                    throw new ArgumentException("An external id is 2 to 1,224 letters, digits and +=,.@:/_- characters.", nameof(ExternalId));
                }

                _externalId = value;
            }
        }

        /// <summary>How long each set of temporary credentials lasts (15 minutes to 12 hours; null: STS's default of 1 hour). They are renewed before they expire.</summary>
        public TimeSpan? Duration
        {
            get => _duration;
            set
            {
                if (value.HasValue && (value.Value < TimeSpan.FromSeconds(900) || value.Value > TimeSpan.FromSeconds(43200)))
                {
                    throw new ArgumentOutOfRangeException(nameof(Duration), value, "A role session lasts 900 to 43,200 seconds (and at most the role's maximum session duration).");
                }

                _duration = value;
            }
        }
    }
}
