using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Protocol;

namespace StratusScan.DataSync.Emulator;

/// <summary>A running emulator of the DataSync, STS and (read-only) Organizations APIs on 127.0.0.1.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestHandler _handler;
    private int _stopped;

    private EmulatorServer(WebApplication app, RequestHandler handler, EmulatorOptions options, EmulatorDataset dataset, EmulatorStats stats, Uri endpoint)
    {
        _app = app;
        _handler = handler;
        Options = options;
        Dataset = dataset;
        Stats = stats;
        Endpoint = endpoint;
    }

    /// <summary>http://127.0.0.1:PORT/ — the endpoint URL for DataSync and STS alike.</summary>
    public Uri Endpoint { get; }

    /// <summary>The data served; changes to it show in later responses.</summary>
    public EmulatorDataset Dataset { get; }

    public EmulatorStats Stats { get; }

    /// <summary>The organisation Organizations calls are served from: derived from the dataset and the seed; null
    /// for a dataset of one account.</summary>
    public Organizations.EmulatorOrganization? Organization => _handler.Organization;

    /// <summary>The options the server runs with; fault knobs may be changed while it runs.</summary>
    public EmulatorOptions Options { get; }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        EmulatorDataset dataset = options.Dataset
            ?? (options.DatasetPath is not null ? EmulatorDataset.Load(options.DatasetPath)
                : options.Generate is not null ? EmulatorDataset.Generate(options.Generate, options.Seed)
                : EmulatorDataset.CreateSample());
        var stats = new EmulatorStats();
        var handler = new RequestHandler(options, dataset, stats, TimeProvider.System);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        WebApplication app = builder.Build();
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var endpoint = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return new EmulatorServer(app, handler, options, dataset, stats, endpoint);
    }

    /// <summary>Zeroes the statistics and refills the rate-limit buckets.</summary>
    public void Reset()
    {
        Stats.Reset();
        _handler.ResetRateLimits();
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM) or <see cref="StopAsync"/> is called.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>How long stopping (and then disposing) the host may take before the caller goes on without it.</summary>
    internal static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Stops the host: connections get <see cref="StopTimeout"/> to finish, then are aborted. A stop that still has not
    /// ended after twice that is left behind, so a caller (a test's fixture) never hangs on it: Kestrel's shutdown was seen
    /// to wait forever once, with a client's request left in flight by a scan that had already ended.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            using var abort = new CancellationTokenSource(StopTimeout);
            await Bounded(_app.StopAsync(abort.Token)).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await Bounded(_app.DisposeAsync().AsTask()).ConfigureAwait(false);
    }

    private static async Task Bounded(Task work)
    {
        if (await Task.WhenAny(work, Task.Delay(StopTimeout + StopTimeout)).ConfigureAwait(false) == work) await work.ConfigureAwait(false);
        else _ = work.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // observed, so a late failure is not unobserved
    }
}
