using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Regions;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>The accounts of a <see cref="ScanPlan"/> and how their roles are assumed.</summary>
    internal static class AccountResolution
    {
        /// <summary>
        /// The accounts of an organisation-wide scan from -RoleArn, or -AccountId (or accounts piped in) with
        /// -RoleName (else, with -RoleName, the accounts of the ARNs given); null for a scan of the credentials' own
        /// account. Misused parameters are errors that say what to give.
        /// </summary>
        public static IReadOnlyList<AccountRole>? Resolve(ScanPlanInput input, IReadOnlyList<string> regions, IEnumerable<AwsArn>? arns)
        {
            var piped = input.PipedAccountIds != null && input.PipedAccountIds.Count > 0 ? input.PipedAccountIds : null;
            if (piped != null)
            {
                // Accounts piped in are -AccountId given another way: they take -RoleName, and exclude the other two.
                if (input.AccountIds != null)
                {
                    throw Error("Accounts were piped in and -AccountId was given too: give the accounts one way. Pipe them (filter with Where-Object AccountId -in ... to scan some), or give -AccountId without piping accounts.", "AmbiguousAccounts", "AccountId");
                }

                if (input.RoleArns != null)
                {
                    throw Error("Accounts were piped in and -RoleArn names accounts too: with piped accounts give -RoleName, the role to assume in each; or give -RoleArn without piping accounts.", "AmbiguousAccounts", "RoleArn");
                }

                if (input.RoleName is null)
                {
                    throw Error("The " + piped.Count + " account(s) piped in need -RoleName: the role to assume in each (for example -RoleName StratusScanReadOnly), or pipe nothing to scan the credentials' own account.", "RoleNameRequired", "RoleName");
                }
            }

            var assumeOptions = new List<string>();
            if (input.ExternalId != null) assumeOptions.Add("ExternalId");
            if (input.RoleSessionName != null) assumeOptions.Add("RoleSessionName");
            if (input.DurationSeconds.HasValue) assumeOptions.Add("DurationSeconds");
            if (input.RoleArns is null && input.RoleName is null && input.AccountIds is null && piped is null)
            {
                if (assumeOptions.Count > 0)
                {
                    throw Error("-" + string.Join(", -", assumeOptions) + " apply to the roles an organisation-wide scan assumes: give -RoleArn, or -AccountId with -RoleName.", "AssumeRoleParameterWithoutRole", assumeOptions[0]);
                }

                return null;
            }

            if (input.RoleArns != null && (input.AccountIds != null || input.RoleName != null))
            {
                throw Error("Give either -RoleArn (a role ARN per account), or -AccountId with -RoleName; not both.", "AmbiguousAccountParameters", "RoleArn");
            }

            var accounts = new List<AccountRole>();
            try
            {
                if (input.RoleArns != null)
                {
                    accounts.AddRange(input.RoleArns.Select(AccountRole.FromArn));
                }
                else if (input.RoleName is null)
                {
                    throw Error("-AccountId needs -RoleName: the role to assume in each account (for example -RoleName StratusScanReadOnly).", "RoleNameRequired", "AccountId");
                }
                else
                {
                    var partition = Partitions.OfRegion(regions[0]);
                    var ids = input.AccountIds ?? piped ?? arns?.Select(a => a.AccountId).Distinct(StringComparer.Ordinal).ToArray();
                    if (ids is null || ids.Count == 0)
                    {
                        throw Error("-RoleName needs the accounts to assume it in: give -AccountId (for example -AccountId 111122223333,444455556666), or ARNs of those accounts.", "AccountIdRequired", "RoleName");
                    }

                    accounts.AddRange(ids.Select(id => AccountRole.For(id, input.RoleName, partition)));
                }
            }
            catch (FormatException e)
            {
                var byArn = input.RoleArns != null;
                throw Error(e.Message, byArn ? "InvalidRoleArn" : e.Message.Contains("account id") ? "InvalidAccountId" : "InvalidRoleName", byArn ? "RoleArn" : "AccountId");
            }

            var partitions = accounts.Select(a => a.Partition).Concat(regions.Select(Partitions.OfRegion)).Distinct(StringComparer.Ordinal).ToList();
            if (partitions.Count > 1)
            {
                throw Error("The roles and Regions span several partitions (" + string.Join(", ", partitions) + "); credentials work in one partition, so scan each partition in its own run.", "PartitionMismatch", "RoleArn");
            }

            // An account given twice is scanned once.
            return accounts.GroupBy(a => a.RoleArn, StringComparer.Ordinal).Select(g => g.First()).ToList();
        }

        /// <summary>The STS AssumeRole settings from -ExternalId, -RoleSessionName and -DurationSeconds.</summary>
        public static AssumeRoleSettings Settings(ScanPlanInput input)
        {
            var settings = new AssumeRoleSettings();
            try
            {
                if (input.RoleSessionName != null) settings.RoleSessionName = input.RoleSessionName;
                settings.ExternalId = input.ExternalId;
                if (input.DurationSeconds.HasValue) settings.Duration = TimeSpan.FromSeconds(input.DurationSeconds.Value);
            }
            catch (ArgumentException e)
            {
                // The message never repeats an external id: trust policies use it as a shared secret.
                throw Error(e.Message.Split('\n')[0].Trim(), "InvalidAssumeRoleParameter", e.ParamName ?? "RoleSessionName");
            }

            return settings;
        }

        private static ScanPlanException Error(string message, string errorId, string parameter) =>
            new ScanPlanException(message, errorId, parameter, parameter);
    }
}
