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

    public FaultInjector(EmulatorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    public bool IsRegionDisabled(string region) => _options.DisabledRegions.Contains(region);

    public bool IsDenied(string region, string operation) =>
        _options.DeniedRegions.Contains(region)
        || _options.DeniedOperations.Contains(operation)
        || _options.DeniedOperations.Contains($"{region}:{operation}");

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

    /// <summary>500 or 503 when a random server error is due, else null.</summary>
    public int? RandomServerError()
    {
        if (!Chance(_options.ServerErrorRate)) return null;
        lock (_randomGate) { return _random.Next(2) == 0 ? 500 : 503; }
    }

    public MalformedKind? RandomMalformed()
    {
        if (!Chance(_options.MalformedRate)) return null;
        lock (_randomGate) { return _random.Next(2) == 0 ? MalformedKind.InvalidJson : MalformedKind.Truncated; }
    }

    public void ResetRateLimits()
    {
        lock (_bucketGate) { _buckets.Clear(); }
    }

    private bool Chance(double rate)
    {
        if (rate <= 0) return false;
        if (rate >= 1) return true;
        lock (_randomGate) { return _random.NextDouble() < rate; }
    }
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
