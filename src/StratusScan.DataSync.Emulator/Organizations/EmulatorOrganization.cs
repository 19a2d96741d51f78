using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using StratusScan.DataSync.Emulator.Data;

namespace StratusScan.DataSync.Emulator.Organizations;

/// <summary>One organisational unit (or the root, whose <see cref="ParentId"/> is null).</summary>
public sealed record EmulatorOrganizationalUnit(string Id, string Name, string? ParentId, string Path);

/// <summary>One account of the organisation, its state and the unit it sits in.</summary>
public sealed record EmulatorOrganizationAccount(
    string AccountId, string Name, string Email, string State, string JoinedMethod, DateTimeOffset JoinedTimestamp, string ParentId, string Path);

/// <summary>
/// The organisation the emulator serves, derived from the dataset and the seed (the dataset format has no
/// organisation of its own). A dataset with one account has none (AWSOrganizationsNotInUseException). Otherwise
/// the management account is 111122223333 when the dataset has it (else the first account), it sits in the root,
/// every other dataset account is an ACTIVE member placed in a unit picked by the seed, and three accounts that
/// hold no DataSync data join them: one SUSPENDED, one PENDING_CLOSURE and one CLOSED. The units are fixed:
/// Security, Workloads (Prod with Regulated under it, Dev) and Sandbox.
/// </summary>
public sealed class EmulatorOrganization
{
    /// <summary>The accounts in the organisation that are not in the dataset (no DataSync data, no roles).</summary>
    public static readonly IReadOnlyList<(string AccountId, string State)> ExtraAccounts =
    [
        ("999900000001", "SUSPENDED"),
        ("999900000002", "PENDING_CLOSURE"),
        ("999900000003", "CLOSED"),
    ];

    private static readonly (string Name, string? Parent)[] UnitNames =
    [
        ("Security", null), ("Workloads", null), ("Prod", "Workloads"), ("Regulated", "Prod"), ("Dev", "Workloads"), ("Sandbox", null),
    ];

    private EmulatorOrganization(string id, string managementAccountId, EmulatorOrganizationalUnit root,
        IReadOnlyList<EmulatorOrganizationalUnit> units, IReadOnlyList<EmulatorOrganizationAccount> accounts)
    {
        Id = id;
        ManagementAccountId = managementAccountId;
        Root = root;
        Units = units;
        Accounts = accounts;
    }

    public string Id { get; }
    public string ManagementAccountId { get; }
    public EmulatorOrganizationalUnit Root { get; }

    /// <summary>The units below the root, parents before children.</summary>
    public IReadOnlyList<EmulatorOrganizationalUnit> Units { get; }

    /// <summary>Every account, ordered by account id (the order ListAccounts serves).</summary>
    public IReadOnlyList<EmulatorOrganizationAccount> Accounts { get; }

    /// <summary>The organisation of a dataset, or null when it has fewer than two accounts.</summary>
    public static EmulatorOrganization? For(EmulatorDataset dataset, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        List<string> ids = dataset.Accounts.Select(a => a.AccountId).Order(StringComparer.Ordinal).ToList();
        if (ids.Count < 2) return null;
        string management = ids.Contains(EmulatorCredentials.DefaultAccountId) ? EmulatorCredentials.DefaultAccountId : ids[0];

        string suffix = Token(seed, "root", 4);
        string orgId = "o-" + Token(seed, "organization", 10);
        var root = new EmulatorOrganizationalUnit("r-" + suffix, "Root", null, "Root");
        var units = new List<EmulatorOrganizationalUnit>();
        foreach ((string name, string? parent) in UnitNames)
        {
            EmulatorOrganizationalUnit parentUnit = parent is null ? root : units.Single(u => u.Name == parent);
            units.Add(new EmulatorOrganizationalUnit("ou-" + suffix + "-" + Token(seed, "ou/" + name, 8), name, parentUnit.Id, parentUnit.Path + "/" + name));
        }

        var random = new Random(seed);
        var places = new List<EmulatorOrganizationalUnit> { root };
        places.AddRange(units);
        var accounts = new List<EmulatorOrganizationAccount>();
        DateTimeOffset joined = new(2021, 3, 1, 9, 30, 0, TimeSpan.Zero);
        int index = 0;
        foreach (string id in ids)
        {
            bool isManagement = id == management;
            EmulatorOrganizationalUnit place = isManagement ? root : places[random.Next(places.Count)];
            accounts.Add(Account(id, isManagement ? "Management" : "Member " + id, "ACTIVE", isManagement || index % 3 != 2 ? "CREATED" : "INVITED",
                joined.AddDays(index * 17).AddSeconds(index * 61), place));
            index++;
        }

        foreach ((string id, string state) in ExtraAccounts)
        {
            accounts.Add(Account(id, "Retired " + id, state, "CREATED", joined.AddDays(index * 17), places[random.Next(places.Count)]));
            index++;
        }

        accounts.Sort((a, b) => string.CompareOrdinal(a.AccountId, b.AccountId));
        return new EmulatorOrganization(orgId, management, root, units, accounts);
    }

    private static EmulatorOrganizationAccount Account(string id, string name, string state, string joinedMethod, DateTimeOffset joined,
        EmulatorOrganizationalUnit place) =>
        new(id, name, "aws+" + id + "@example.com", state, joinedMethod, joined, place.Id, place.Path);

    public EmulatorOrganizationalUnit? FindParent(string id) =>
        id == Root.Id ? Root : Units.FirstOrDefault(u => u.Id == id);

    public string Arn(string partition) => $"arn:{partition}:organizations::{ManagementAccountId}:organization/{Id}";

    public string RootArn(string partition) => $"arn:{partition}:organizations::{ManagementAccountId}:root/{Id}/{Root.Id}";

    public string UnitArn(string partition, string unitId) => $"arn:{partition}:organizations::{ManagementAccountId}:ou/{Id}/{unitId}";

    public string AccountArn(string partition, string accountId) => $"arn:{partition}:organizations::{ManagementAccountId}:account/{Id}/{accountId}";

    private static string Token(int seed, string what, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed.ToString(CultureInfo.InvariantCulture) + "/" + what));
        return new string(hash.Take(length).Select(b => alphabet[b % alphabet.Length]).ToArray());
    }
}
