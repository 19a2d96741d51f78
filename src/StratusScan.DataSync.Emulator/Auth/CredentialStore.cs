using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
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
    private readonly ConcurrentQueue<(Principal Session, string? ExternalId)> _issued = new();

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

    /// <summary>Issues temporary credentials for a role session; <paramref name="externalId"/> is what the caller sent.</summary>
    public Principal IssueSession(EmulatorRole role, string accountId, string sessionName, DateTimeOffset expiration, string? externalId = null)
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
        _issued.Enqueue((session, externalId));
        return session;
    }

    /// <summary>
    /// Every session issued, in order, secrets included (GET /__emulator/sessions): tests check that the
    /// temporary credentials a client received never appear in its output, and what AssumeRole was sent.
    /// </summary>
    public JsonArray SessionsJson() => new(_issued.Select(i => (JsonNode)new JsonObject
    {
        ["AccountId"] = i.Session.AccountId,
        ["RoleName"] = i.Session.Role?.RoleName,
        ["RoleSessionName"] = i.Session.SessionName,
        ["ExternalId"] = i.ExternalId,
        ["AccessKeyId"] = i.Session.AccessKeyId,
        ["SecretAccessKey"] = i.Session.SecretAccessKey,
        ["SessionToken"] = i.Session.SessionToken,
        ["Expiration"] = i.Session.Expiration?.ToUnixTimeSeconds(),
    }).ToArray());

    public static string RoleId(EmulatorRole role, string accountId) =>
        role.RoleId ?? "AROA" + Principal.StableId(accountId + role.RoleName, 17);

    private static string RandomString(string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
}
