using System;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;

namespace StratusScan.DataSync.Tests
{
    /// <summary>
    /// A test class whose tests each run against a fresh in-process emulator (real HTTP, SigV4, paging): the class
    /// gives the emulator's options; xunit starts the emulator before each test and stops it after.
    /// </summary>
    public abstract class EmulatorTest : IAsyncLifetime
    {
        /// <summary>The running emulator (its dataset, options and statistics).</summary>
        protected EmulatorServer Server { get; private set; } = null!;

        /// <summary>The emulator's options (port 0: any free port).</summary>
        protected abstract EmulatorOptions CreateOptions();

        public virtual async Task InitializeAsync() => Server = await EmulatorServer.StartAsync(CreateOptions());

        public virtual async Task DisposeAsync() => await Server.DisposeAsync();

        /// <summary>A session against the emulator (see <see cref="TestEmulator.Connect"/>).</summary>
        protected AwsSession Session(Action<AwsConnectionOptions>? configure = null) => TestEmulator.Session(Server, configure);

        /// <summary>The dataset of one Region of an account (the emulator's default account unless given).</summary>
        protected RegionData Data(string region, string? accountId = null) => TestEmulator.Data(Server, region, accountId);
    }

    /// <summary>Connections to an in-process emulator with its default keys.</summary>
    internal static class TestEmulator
    {
        /// <summary>The emulator's default keys and its endpoint, the other options at their defaults; <paramref name="configure"/> changes any of it.</summary>
        public static AwsConnectionOptions Connect(EmulatorServer server, Action<AwsConnectionOptions>? configure = null)
        {
            var options = new AwsConnectionOptions
            {
                AccessKey = EmulatorCredentials.DefaultAccessKeyId,
                SecretKey = EmulatorCredentials.DefaultSecretAccessKey,
                EndpointUrl = server.Endpoint.ToString(),
            };
            configure?.Invoke(options);
            return options;
        }

        public static AwsSession Session(EmulatorServer server, Action<AwsConnectionOptions>? configure = null) =>
            AwsSession.Create(Connect(server, configure));

        public static RegionData Data(EmulatorServer server, string region, string? accountId = null) =>
            server.Dataset.Find(accountId ?? EmulatorCredentials.DefaultAccountId, region)
            ?? throw new InvalidOperationException("The emulator has no data in " + region + " of " + (accountId ?? EmulatorCredentials.DefaultAccountId) + ".");
    }
}
