using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace StratusScan.DataSync.Emulator.Faults;

internal enum MalformedKind
{
    InvalidJson,
    Truncated,
}

/// <summary>Decides, per request, which configured fault to serve. Randomness is seeded, so runs repeat.</summary>
internal sealed class FaultInjector
{
    private readonly EmulatorOptions _options;
    private readonly Random _random;
    private readonly object _randomGate = new();
    private readonly Dictionary<(string Account, string Region), TokenBucket> _buckets = [];
    private readonly object _bucketGate = new();
    private int _burstRemaining;

    public FaultInjector(EmulatorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    public bool IsRegionDisabled(string region) => _options.DisabledRegions.Contains(region);

    public bool IsDenied(string accountId, string region, string operation) =>
        _options.DeniedAccounts.Contains(accountId)
        || _options.DeniedRegions.Contains(region)
        || _options.DeniedOperations.Contains(operation)
        || _options.DeniedOperations.Contains($"{region}:{operation}");

    /// <summary>Whether the operation's paging loops in the region (the request's NextToken is returned again).</summary>
    public bool IsTokenLoop(string region, string operation) =>
        _options.TokenLoopOperations.Contains(operation) || _options.TokenLoopOperations.Contains($"{region}:{operation}");

    /// <summary>The extra delay of a latency spike when one is due, else zero.</summary>
    public TimeSpan RandomLatencySpike()
    {
        TimeSpan spike = _options.LatencySpike;
        return spike > TimeSpan.Zero && Chance(_options.LatencySpikeRate) ? spike : TimeSpan.Zero;
    }

    /// <summary>Whether to drop the connection instead of answering.</summary>
    public bool RandomDrop() => Chance(_options.DropConnectionRate);

    /// <summary>Takes a token from the account's bucket in the region; false when it is empty.</summary>
    public bool TryConsumeRateLimit(string accountId, string region)
    {
        double rate = _options.RateLimitPerSecond;
        if (rate <= 0)
        {
            return true;
        }

        TokenBucket bucket;
        lock (_bucketGate)
        {
            if (!_buckets.TryGetValue((accountId, region), out bucket!))
            {
                bucket = new TokenBucket();
                _buckets.Add((accountId, region), bucket);
            }
        }

        return bucket.TryTake(rate, Math.Max(1, _options.RateLimitBurst), Stopwatch.GetTimestamp());
    }

    public bool RandomThrottle() => Chance(_options.ThrottleRate);

    /// <summary>500 or 503 when a random server error is due or a burst is under way, else null.</summary>
    public int? RandomServerError()
    {
        lock (_randomGate)
        {
            if (_options.ServerErrorRate <= 0)
            {
                _burstRemaining = 0; // turning errors off ends a burst too
                return null;
            }

            if (_burstRemaining > 0)
            {
                _burstRemaining--;
            }
            else if (ChanceLocked(_options.ServerErrorRate))
            {
                _burstRemaining = Math.Max(1, _options.ServerErrorBurst) - 1;
            }
            else
            {
                return null;
            }

            return _random.Next(2) == 0 ? 500 : 503;
        }
    }

    public MalformedKind? RandomMalformed()
    {
        if (!Chance(_options.MalformedRate)) return null;
        lock (_randomGate) { return _random.Next(2) == 0 ? MalformedKind.InvalidJson : MalformedKind.Truncated; }
    }

    public void ResetRateLimits()
    {
        lock (_bucketGate) { _buckets.Clear(); }
        lock (_randomGate) { _burstRemaining = 0; }
    }

    private bool Chance(double rate)
    {
        if (rate <= 0) return false;
        if (rate >= 1) return true;
        lock (_randomGate) { return _random.NextDouble() < rate; }
    }

    private bool ChanceLocked(double rate) => rate > 0 && (rate >= 1 || _random.NextDouble() < rate);
}

/// <summary>A token bucket that starts full and refills continuously.</summary>
internal sealed class TokenBucket
{
    private double _tokens = double.NaN;
    private long _last;
    private readonly object _gate = new();

    public bool TryTake(double ratePerSecond, int capacity, long timestamp)
    {
        lock (_gate)
        {
            if (double.IsNaN(_tokens))
            {
                _tokens = capacity;
            }
            else
            {
                double elapsed = (timestamp - _last) / (double)Stopwatch.Frequency;
                _tokens = Math.Min(capacity, _tokens + (elapsed * ratePerSecond));
            }

            _last = timestamp;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return true;
            }

            return false;
        }
    }
}
