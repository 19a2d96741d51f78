using System;
using System.Collections.Generic;

namespace StratusScan.DataSync.Emulator.Data;

/// <summary>
/// An IAM role that STS AssumeRole can assume, with a simplified trust policy: callers from any of
/// <see cref="TrustedAccounts"/>, or whose ARN is in <see cref="TrustedPrincipals"/> (an IAM user ARN, a
/// role ARN or an assumed-role ARN), may assume it, giving <see cref="ExternalId"/> when one is set.
/// </summary>
public sealed class EmulatorRole
{
    public EmulatorRole(string roleName)
    {
        ArgumentException.ThrowIfNullOrEmpty(roleName);
        RoleName = roleName;
    }

    public string RoleName { get; }
    public IList<string> TrustedAccounts { get; } = new List<string>();
    public IList<string> TrustedPrincipals { get; } = new List<string>();
    public string? ExternalId { get; set; }
    public int MaxSessionDurationSeconds { get; set; } = 3600;

    /// <summary>The role's unique id (AROA…); derived from the name when not set.</summary>
    public string? RoleId { get; set; }
}
