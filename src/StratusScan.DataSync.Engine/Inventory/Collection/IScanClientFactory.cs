using System;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// Where the collector gets its clients: a DataSync client per Region and, for an organisation-wide scan, the
    /// clients of each account's role. The one seam between the collector and the AWS session, so a test can give
    /// the collector any client (an organisation scan included) without a network.
    /// </summary>
    public interface IScanClientFactory
    {
        /// <summary>The DataSync client for <paramref name="region"/>.</summary>
        IDataSyncClient DataSyncClient(string region);

        /// <summary>Whether <see cref="AssumeRoleAsync"/> can open other accounts (an organisation-wide scan needs it).</summary>
        bool CanAssumeRoles { get; }

        /// <summary>
        /// Assumes <paramref name="role"/> through STS in <paramref name="stsRegion"/> and returns the clients acting as
        /// it; the collector disposes them when the account's scan ends. A failure throws the client's exceptions
        /// (<see cref="DataSyncServiceException"/>, <see cref="AwsNetworkException"/>, <see cref="AwsClientException"/>).
        /// </summary>
        Task<IAccountClientFactory> AssumeRoleAsync(AccountRole role, string stsRegion, AssumeRoleSettings settings, CancellationToken cancellationToken);
    }

    /// <summary>The clients of one assumed role, disposed when its account's scan ends.</summary>
    public interface IAccountClientFactory : IScanClientFactory, IDisposable
    {
    }

    /// <summary>The two factories the engine provides: from an <see cref="AwsSession"/>, and from a client per Region.</summary>
    public static class ScanClientFactory
    {
        /// <summary>Clients of <paramref name="session"/>; roles are assumed with its credentials.</summary>
        public static IScanClientFactory From(AwsSession session) => new SessionFactory(session ?? throw new ArgumentNullException(nameof(session)), owned: false);

        /// <summary>A client per Region; such a factory cannot assume roles.</summary>
        public static IScanClientFactory From(Func<string, IDataSyncClient> clientForRegion) =>
            new RegionOnlyFactory(clientForRegion ?? throw new ArgumentNullException(nameof(clientForRegion)));

        private sealed class SessionFactory : IAccountClientFactory
        {
            private readonly AwsSession _session;
            private readonly bool _owned;

            public SessionFactory(AwsSession session, bool owned)
            {
                _session = session;
                _owned = owned;
            }

            public bool CanAssumeRoles => true;

            public IDataSyncClient DataSyncClient(string region) => _session.GetDataSyncClient(region);

            public async Task<IAccountClientFactory> AssumeRoleAsync(AccountRole role, string stsRegion, AssumeRoleSettings settings, CancellationToken cancellationToken)
            {
                var assumed = await _session.AssumeRoleSessionAsync(stsRegion, role.RoleArn, settings.RoleSessionName, settings.ExternalId, settings.Duration, cancellationToken).ConfigureAwait(false);
                return new SessionFactory(assumed, owned: true);
            }

            public void Dispose()
            {
                if (_owned) _session.Dispose();
            }
        }

        private sealed class RegionOnlyFactory : IScanClientFactory
        {
            private readonly Func<string, IDataSyncClient> _clientFor;

            public RegionOnlyFactory(Func<string, IDataSyncClient> clientFor) => _clientFor = clientFor;

            public bool CanAssumeRoles => false;

            public IDataSyncClient DataSyncClient(string region) => _clientFor(region);

            public Task<IAccountClientFactory> AssumeRoleAsync(AccountRole role, string stsRegion, AssumeRoleSettings settings, CancellationToken cancellationToken) =>
                throw new InvalidOperationException("An organisation-wide scan assumes a role in each account: create the collector with an AwsSession or a factory that can assume roles.");
        }
    }
}
