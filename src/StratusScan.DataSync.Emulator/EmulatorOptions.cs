using System;
using System.Collections.Generic;
using StratusScan.DataSync.Emulator.Data;

namespace StratusScan.DataSync.Emulator;

/// <summary>
/// Settings of an emulator instance. Every fault knob may be changed while the server runs: each request
/// reads the current values (scalars are read atomically, the sets and lists are synchronized).
/// </summary>
public sealed class EmulatorOptions
{
    private volatile int _port;
    private volatile int _pageSize = 5;
    private long _latencyTicks;
    private double _rateLimitPerSecond;
    private volatile int _rateLimitBurst = 10;
    private double _throttleRate;
    private double _serverErrorRate;
    private double _malformedRate;
    private long _latencySpikeTicks;
    private double _latencySpikeRate;
    private volatile int _serverErrorBurst = 1;
    private double _dropConnectionRate;

    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get => _port; set => _port = value; }

    /// <summary>A dataset JSON file to serve (see README.md for its format).</summary>
    public string? DatasetPath { get; set; }

    /// <summary>A generated dataset; with neither this nor <see cref="DatasetPath"/> the sample dataset is served.</summary>
    public DatasetSpec? Generate { get; set; }

    /// <summary>An already built dataset to serve (takes precedence over the path and the generator).</summary>
    public EmulatorDataset? Dataset { get; set; }

    /// <summary>Server page size: a list page holds min(MaxResults or 100, PageSize) entries. 0 or less = 100.</summary>
    public int PageSize { get => _pageSize; set => _pageSize = value; }

    /// <summary>Delay added to every DataSync and STS call.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(System.Threading.Interlocked.Read(ref _latencyTicks));
        set => System.Threading.Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>Extra delay of the calls picked by <see cref="LatencySpikeRate"/> (a latency spike), on top of <see cref="Latency"/>.</summary>
    public TimeSpan LatencySpike
    {
        get => TimeSpan.FromTicks(System.Threading.Interlocked.Read(ref _latencySpikeTicks));
        set => System.Threading.Interlocked.Exchange(ref _latencySpikeTicks, value.Ticks);
    }

    /// <summary>Fraction (0..1) of DataSync and STS calls delayed by <see cref="LatencySpike"/> at random.</summary>
    public double LatencySpikeRate { get => System.Threading.Volatile.Read(ref _latencySpikeRate); set => System.Threading.Volatile.Write(ref _latencySpikeRate, value); }

    /// <summary>Token-bucket refill rate per account and region, in calls per second; 0 = no limit.</summary>
    public double RateLimitPerSecond { get => System.Threading.Volatile.Read(ref _rateLimitPerSecond); set => System.Threading.Volatile.Write(ref _rateLimitPerSecond, value); }

    /// <summary>Token-bucket capacity per account and region.</summary>
    public int RateLimitBurst { get => _rateLimitBurst; set => _rateLimitBurst = value; }

    /// <summary>Fraction (0..1) of DataSync calls answered with ThrottlingException at random.</summary>
    public double ThrottleRate { get => System.Threading.Volatile.Read(ref _throttleRate); set => System.Threading.Volatile.Write(ref _throttleRate, value); }

    /// <summary>Fraction (0..1) of DataSync calls answered with InternalException (500) or ServiceUnavailableException (503).</summary>
    public double ServerErrorRate { get => System.Threading.Volatile.Read(ref _serverErrorRate); set => System.Threading.Volatile.Write(ref _serverErrorRate, value); }

    /// <summary>Length of a 5xx burst: each random server error (<see cref="ServerErrorRate"/>) is followed by
    /// this many minus one more on the next DataSync calls (default 1: no burst).</summary>
    public int ServerErrorBurst { get => _serverErrorBurst; set => _serverErrorBurst = value; }

    /// <summary>Fraction (0..1) of successful DataSync calls whose connection is dropped (aborted) instead of answered.</summary>
    public double DropConnectionRate { get => System.Threading.Volatile.Read(ref _dropConnectionRate); set => System.Threading.Volatile.Write(ref _dropConnectionRate, value); }

    /// <summary>Fraction (0..1) of successful DataSync responses sent as invalid JSON or cut short.</summary>
    public double MalformedRate { get => System.Threading.Volatile.Read(ref _malformedRate); set => System.Threading.Volatile.Write(ref _malformedRate, value); }

    /// <summary>Regions where every DataSync call fails with AccessDeniedException.</summary>
    public ISet<string> DeniedRegions { get; } = new SynchronizedSet<string>(StringComparer.Ordinal);

    /// <summary>Accounts in which every DataSync call fails with AccessDeniedException (STS still answers), e.g. a
    /// member account whose scan role lacks the DataSync permissions.</summary>
    public ISet<string> DeniedAccounts { get; } = new SynchronizedSet<string>(StringComparer.Ordinal);

    /// <summary>Operations denied everywhere ("ListTasks") or in one region ("us-east-1:ListTasks").</summary>
    public ISet<string> DeniedOperations { get; } = new SynchronizedSet<string>(StringComparer.Ordinal);

    /// <summary>List operations ("ListTasks", or "us-east-1:ListTasks") whose paging never ends: a request with a
    /// NextToken gets the same NextToken back (a token loop).</summary>
    public ISet<string> TokenLoopOperations { get; } = new SynchronizedSet<string>(StringComparer.Ordinal);

    /// <summary>Regions not enabled for the account: every call there fails with UnrecognizedClientException.</summary>
    public ISet<string> DisabledRegions { get; } = new SynchronizedSet<string>(StringComparer.Ordinal);

    /// <summary>Key pairs accepted besides <see cref="EmulatorCredentials.DefaultAccessKeyId"/>.</summary>
    public IList<EmulatorCredential> Credentials { get; } = new SynchronizedList<EmulatorCredential>();

    /// <summary>Seed of the fault randomness (and of the generator when <see cref="DatasetSpec.Seed"/> is not set).</summary>
    public int Seed { get; set; } = 1;
}

/// <summary>An access key pair the emulator accepts, and the account (and IAM user name) it stands for.</summary>
public sealed class EmulatorCredential
{
    public EmulatorCredential(string accessKeyId, string secretAccessKey, string accountId, string userName = EmulatorCredentials.DefaultUserName)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(userName);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        AccountId = accountId;
        UserName = userName;
    }

    public string AccessKeyId { get; }
    public string SecretAccessKey { get; }
    public string AccountId { get; }
    public string UserName { get; }
}

/// <summary>The key pair every emulator accepts.</summary>
public static class EmulatorCredentials
{
    public const string DefaultAccessKeyId = "AKIAEMULATOR00000001";
    public const string DefaultSecretAccessKey = "EmulatorSecretKey/StratusScan/DataSync01";
    public const string DefaultAccountId = "111122223333";
    public const string DefaultUserName = "emulator";

    public static EmulatorCredential Default { get; } =
        new(DefaultAccessKeyId, DefaultSecretAccessKey, DefaultAccountId, DefaultUserName);
}
