using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using StratusScan.DataSync.Emulator.Data;

namespace StratusScan.DataSync.Emulator.Auth;

/// <summary>Who signed a request: the account, its ARN, and the key it signed with.</summary>
internal sealed record Principal(
    string AccessKeyId,
    string SecretAccessKey,
    string AccountId,
    string UserName,
    string? SessionToken = null,
    DateTimeOffset? Expiration = null,
    EmulatorRole? Role = null,
    string? SessionName = null)
{
    public bool IsAssumedRole => Role is not null;

    /// <summary>The caller's ARN in a partition: an IAM user, or an STS assumed-role session.</summary>
    public string Arn(string partition) => Role is null
        ? $"arn:{partition}:iam::{AccountId}:user/{UserName}"
        : $"arn:{partition}:sts::{AccountId}:assumed-role/{Role.RoleName}/{SessionName}";

    /// <summary>The ARN a trust policy names: the user, or for a session the role it came from.</summary>
    public string TrustArn(string partition) => Role is null
        ? Arn(partition)
        : $"arn:{partition}:iam::{AccountId}:role/{Role.RoleName}";

    public string UserId => Role is null
        ? "AIDA" + StableId(AccessKeyId + AccountId + UserName, 17)
        : $"{CredentialStore.RoleId(Role, AccountId)}:{SessionName}";

    internal static string StableId(string seed, int length)
    {
        const string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        return new string(hash.Take(length).Select(b => digits[b % digits.Length]).ToArray());
    }
}

/// <summary>Resolves access keys: the default pair, the options' and the dataset's pairs, and STS sessions.</summary>
internal sealed class CredentialStore
{
    private readonly EmulatorOptions _options;
    private readonly EmulatorDataset _dataset;
    private readonly ConcurrentDictionary<string, Principal> _sessions = new(StringComparer.Ordinal);

    public CredentialStore(EmulatorOptions options, EmulatorDataset dataset)
    {
        _options = options;
        _dataset = dataset;
    }

    public Principal? Find(string accessKeyId)
    {
        if (_sessions.TryGetValue(accessKeyId, out Principal? session))
        {
            return session;
        }

        EmulatorCredential? credential =
            (accessKeyId == EmulatorCredentials.DefaultAccessKeyId ? EmulatorCredentials.Default : null)
            ?? _options.Credentials.FirstOrDefault(c => c.AccessKeyId == accessKeyId)
            ?? _dataset.Credentials.FirstOrDefault(c => c.AccessKeyId == accessKeyId);
        return credential is null
            ? null
            : new Principal(credential.AccessKeyId, credential.SecretAccessKey, credential.AccountId, credential.UserName);
    }

    /// <summary>Issues temporary credentials for a role session.</summary>
    public Principal IssueSession(EmulatorRole role, string accountId, string sessionName, DateTimeOffset expiration)
    {
        var session = new Principal(
            "ASIA" + RandomString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
            RandomString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40),
            accountId,
            role.RoleName,
            "IQoJb3JpZ2luX2VtdWxhdG9y" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(180)),
            expiration,
            role,
            sessionName);
        _sessions[session.AccessKeyId] = session;
        return session;
    }

    public static string RoleId(EmulatorRole role, string accountId) =>
        role.RoleId ?? "AROA" + Principal.StableId(accountId + role.RoleName, 17);

    private static string RandomString(string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
}
