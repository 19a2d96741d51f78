using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using StratusScan.DataSync.Emulator.Auth;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Protocol;

namespace StratusScan.DataSync.Emulator.Sts;

/// <summary>STS GetCallerIdentity and AssumeRole over the query protocol, answering in STS's XML.</summary>
internal sealed partial class StsOperations
{
    public static readonly XNamespace Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    public const string Version = "2011-06-15";

    private readonly EmulatorDataset _dataset;
    private readonly CredentialStore _credentials;

    public StsOperations(EmulatorDataset dataset, CredentialStore credentials)
    {
        _dataset = dataset;
        _credentials = credentials;
    }

    public XElement Execute(string action, IReadOnlyDictionary<string, string> parameters, Principal caller, string region, string requestId, DateTimeOffset now)
    {
        if (parameters.TryGetValue("Version", out string? version) && version != Version)
        {
            throw new AwsServiceException("InvalidAction", $"Could not find operation {action} for version {version}");
        }

        string partition = Partitions.ForRegion(region);
        XElement result = action switch
        {
            "GetCallerIdentity" => new XElement(Namespace + "GetCallerIdentityResult",
                new XElement(Namespace + "Arn", caller.Arn(partition)),
                new XElement(Namespace + "UserId", caller.UserId),
                new XElement(Namespace + "Account", caller.AccountId)),
            "AssumeRole" => AssumeRole(parameters, caller, partition, now),
            _ => throw new AwsServiceException("InvalidAction", $"Could not find operation {action} for version {Version}"),
        };

        return new XElement(Namespace + (action + "Response"),
            result,
            new XElement(Namespace + "ResponseMetadata", new XElement(Namespace + "RequestId", requestId)));
    }

    private XElement AssumeRole(IReadOnlyDictionary<string, string> parameters, Principal caller, string partition, DateTimeOffset now)
    {
        var violations = new List<string>();
        string? roleArn = parameters.GetValueOrDefault("RoleArn");
        string? sessionName = parameters.GetValueOrDefault("RoleSessionName");
        string? externalId = parameters.GetValueOrDefault("ExternalId");
        string? durationText = parameters.GetValueOrDefault("DurationSeconds");

        Check(violations, roleArn, "roleArn", 20, 2048, null, required: true);
        Check(violations, sessionName, "roleSessionName", 2, 64, SessionNamePattern(), required: true);
        Check(violations, externalId, "externalId", 2, 1224, ExternalIdPattern(), required: false);
        int duration = 3600;
        if (durationText is not null)
        {
            if (!int.TryParse(durationText, NumberStyles.Integer, CultureInfo.InvariantCulture, out duration))
            {
                throw new AwsServiceException("MalformedInput", $"Invalid value for DurationSeconds: {durationText}");
            }

            if (duration < 900) violations.Add($"Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
            if (duration > 43200) violations.Add($"Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200");
        }

        if (violations.Count > 0)
        {
            string count = violations.Count == 1 ? "1 validation error detected" : $"{violations.Count} validation errors detected";
            throw new AwsServiceException("ValidationError", $"{count}: {string.Join("; ", violations)}");
        }

        Match arn = RoleArnPattern().Match(roleArn!);
        if (!arn.Success)
        {
            throw new AwsServiceException("ValidationError", $"{roleArn} is invalid");
        }

        string callerArn = caller.Arn(partition);
        AwsServiceException denied = new("AccessDenied",
            $"User: {callerArn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}", 403);
        string roleAccount = arn.Groups["account"].Value;
        EmulatorRole? role = _dataset.FindAccount(roleAccount)?.FindRole(arn.Groups["name"].Value);
        if (role is null || arn.Groups["partition"].Value != partition)
        {
            throw denied;
        }

        bool trusted = role.TrustedAccounts.Contains(caller.AccountId)
            || role.TrustedPrincipals.Contains(callerArn)
            || role.TrustedPrincipals.Contains(caller.TrustArn(partition));
        if (!trusted || (role.ExternalId is not null && role.ExternalId != externalId))
        {
            throw denied;
        }

        int maxDuration = caller.IsAssumedRole ? 3600 : role.MaxSessionDurationSeconds;
        if (duration > maxDuration)
        {
            throw new AwsServiceException("ValidationError", caller.IsAssumedRole
                ? "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."
                : "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        DateTimeOffset expiration = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + duration);
        Principal session = _credentials.IssueSession(role, roleAccount, sessionName!, expiration, externalId);
        return new XElement(Namespace + "AssumeRoleResult",
            new XElement(Namespace + "AssumedRoleUser",
                new XElement(Namespace + "AssumedRoleId", session.UserId),
                new XElement(Namespace + "Arn", session.Arn(partition))),
            new XElement(Namespace + "Credentials",
                new XElement(Namespace + "AccessKeyId", session.AccessKeyId),
                new XElement(Namespace + "SecretAccessKey", session.SecretAccessKey),
                new XElement(Namespace + "SessionToken", session.SessionToken),
                new XElement(Namespace + "Expiration", expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))));
    }

    private static void Check(List<string> violations, string? value, string member, int min, int max, Regex? pattern, bool required)
    {
        if (value is null)
        {
            if (required) violations.Add($"Value null at '{member}' failed to satisfy constraint: Member must not be null");
            return;
        }

        if (value.Length < min) violations.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have length greater than or equal to {min}");
        if (value.Length > max) violations.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        if (pattern is not null && !pattern.IsMatch(value)) violations.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");
    }

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^[\w+=,.@:\/-]*$")]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex(@"^arn:(?<partition>aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):iam::(?<account>[0-9]{12}):role/(?:[\w+=,.@-]+/)*(?<name>[\w+=,.@-]{1,64})$")]
    private static partial Regex RoleArnPattern();
}
