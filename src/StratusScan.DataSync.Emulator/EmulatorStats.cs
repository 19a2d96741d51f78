using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace StratusScan.DataSync.Emulator;

/// <summary>Counters of what the emulator served: calls per operation and region, throttles and errors.</summary>
public sealed class EmulatorStats
{
    private readonly ConcurrentDictionary<(string Operation, string Region), long> _calls = new();
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _accounts = new(StringComparer.Ordinal);
    private long _inFlight;
    private long _peakInFlight;
    private long _throttles;
    private long _serverErrors;
    private long _malformed;
    private long _dropped;

    /// <summary>Calls of one operation, in one region or (null) in all.</summary>
    public long GetCalls(string operation, string? region = null) =>
        _calls.Where(c => c.Key.Operation == operation && (region is null || c.Key.Region == region)).Sum(c => c.Value);

    public long TotalCalls => _calls.Values.Sum();

    /// <summary>ThrottlingException responses (rate limit and random throttling).</summary>
    public long Throttles => Interlocked.Read(ref _throttles);

    /// <summary>5xx responses.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Successful responses deliberately sent malformed or truncated.</summary>
    public long MalformedResponses => Interlocked.Read(ref _malformed);

    /// <summary>Connections deliberately dropped instead of answered.</summary>
    public long DroppedConnections => Interlocked.Read(ref _dropped);

    /// <summary>Signed calls (DataSync and STS) made with credentials of <paramref name="accountId"/>.</summary>
    public long CallsInAccount(string accountId) => _accounts.TryGetValue(accountId, out long n) ? n : 0;

    /// <summary>The most signed calls the emulator was serving at one moment since the last reset: what a client's concurrency limit bounds.</summary>
    public long PeakInFlight => Interlocked.Read(ref _peakInFlight);

    /// <summary>Error responses of every kind.</summary>
    public long ErrorsServed => _errors.Values.Sum();

    public EmulatorStatsSnapshot Snapshot()
    {
        var byOperation = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (IGrouping<string, KeyValuePair<(string Operation, string Region), long>> group in _calls.GroupBy(c => c.Key.Operation))
        {
            byOperation[group.Key] = new SortedDictionary<string, long>(
                group.ToDictionary(c => c.Key.Region, c => c.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        }

        return new EmulatorStatsSnapshot(
            TotalCalls,
            Throttles,
            ServerErrors,
            ErrorsServed,
            MalformedResponses,
            DroppedConnections,
            byOperation,
            new SortedDictionary<string, long>(_errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), StringComparer.Ordinal),
            PeakInFlight,
            new SortedDictionary<string, long>(_accounts.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), StringComparer.Ordinal));
    }

    public void Reset()
    {
        _calls.Clear();
        _errors.Clear();
        _accounts.Clear();
        Interlocked.Exchange(ref _peakInFlight, Interlocked.Read(ref _inFlight));
        Interlocked.Exchange(ref _throttles, 0);
        Interlocked.Exchange(ref _serverErrors, 0);
        Interlocked.Exchange(ref _malformed, 0);
        Interlocked.Exchange(ref _dropped, 0);
    }

    internal void RecordCall(string operation, string region, string accountId)
    {
        _calls.AddOrUpdate((operation, region), 1, (_, n) => n + 1);
        _accounts.AddOrUpdate(accountId, 1, (_, n) => n + 1);
    }

    /// <summary>A signed call begins being served; dispose the result when its response is written.</summary>
    internal IDisposable TrackInFlight()
    {
        long now = Interlocked.Increment(ref _inFlight);
        long peak;
        while (now > (peak = Interlocked.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak)
        {
        }

        return new InFlight(this);
    }

    private sealed class InFlight(EmulatorStats stats) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Decrement(ref stats._inFlight);
        }
    }

    internal void RecordError(string code, int status)
    {
        _errors.AddOrUpdate(code, 1, (_, n) => n + 1);
        if (code == "ThrottlingException" || code == "Throttling") Interlocked.Increment(ref _throttles);
        if (status >= 500) Interlocked.Increment(ref _serverErrors);
    }

    internal void RecordMalformed() => Interlocked.Increment(ref _malformed);

    internal void RecordDropped() => Interlocked.Increment(ref _dropped);
}

/// <summary>The counters at one moment.</summary>
public sealed record EmulatorStatsSnapshot(
    long TotalCalls,
    long Throttles,
    long ServerErrors,
    long ErrorsServed,
    long MalformedResponses,
    long DroppedConnections,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> CallsByOperationAndRegion,
    IReadOnlyDictionary<string, long> ErrorsByCode,
    long PeakInFlight = 0,
    IReadOnlyDictionary<string, long>? CallsByAccount = null)
{
    public JsonObject ToJson()
    {
        var calls = new JsonObject();
        foreach (KeyValuePair<string, IReadOnlyDictionary<string, long>> op in CallsByOperationAndRegion)
        {
            var regions = new JsonObject();
            foreach (KeyValuePair<string, long> region in op.Value) regions[region.Key] = region.Value;
            calls[op.Key] = regions;
        }

        var errors = new JsonObject();
        foreach (KeyValuePair<string, long> error in ErrorsByCode) errors[error.Key] = error.Value;
        return new JsonObject
        {
            ["TotalCalls"] = TotalCalls,
            ["Throttles"] = Throttles,
            ["ServerErrors"] = ServerErrors,
            ["ErrorsServed"] = ErrorsServed,
            ["MalformedResponses"] = MalformedResponses,
            ["DroppedConnections"] = DroppedConnections,
            ["Calls"] = calls,
            ["Errors"] = errors,
            ["PeakInFlight"] = PeakInFlight,
            ["CallsByAccount"] = new JsonObject((CallsByAccount ?? new Dictionary<string, long>()).Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
        };
    }
}
