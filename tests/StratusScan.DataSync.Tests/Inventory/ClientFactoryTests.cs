using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Inventory
{
    /// <summary>The collector's one seam to AWS (<see cref="IScanClientFactory"/>) serves organisation scans too.</summary>
    public sealed class ClientFactoryTests : IAsyncLifetime
    {
        private static readonly string[] Members = { "444455556666", "777788889999" };
        private static readonly string[] Regions = { "us-east-1" };
        private EmulatorServer _server = null!;

        public async Task InitializeAsync()
        {
            _server = await EmulatorServer.StartAsync(new EmulatorOptions
            {
                Port = 0,
                Generate = new DatasetSpec { Regions = Regions, Accounts = 3, TasksPerRegion = 2, LocationsPerTypePerRegion = 1, AgentsPerRegion = 1, ExecutionsPerTask = 1, Seed = 5 },
            });
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();

        [Fact]
        public async Task AnOrganisationScanOpensEachAccountThroughTheFactoryAndReportsARoleItCannotAssume()
        {
            using var session = AwsSession.Create(new AwsConnectionOptions
            {
                AccessKey = EmulatorCredentials.DefaultAccessKeyId,
                SecretKey = EmulatorCredentials.DefaultSecretAccessKey,
                EndpointUrl = _server.Endpoint.ToString(),
            });
            var factory = new DenyingFactory(ScanClientFactory.From(session), Members[1]);
            var issues = new ConcurrentQueue<ScanIssue>();
            var result = await new InventoryCollector(factory).ScanAsync(new ScanRequest
            {
                Regions = Regions,
                Kinds = ResourceKinds.Tasks,
                Accounts = Members.Select(m => AccountRole.For(m, "StratusScanReadOnly", "aws")).ToList(),
                OnIssue = issues.Enqueue,
            });

            Assert.Equal(Members, factory.Assumed.OrderBy(a => a, StringComparer.Ordinal));
            Assert.Equal(new[] { Members[1] }, result.FailedAccounts);
            var issue = Assert.Single(result.Issues);
            Assert.Same(issue, Assert.Single(issues));
            Assert.Equal((ScanIssueKind.AccessDenied, "sts", "AssumeRole", Members[1]), (issue.Kind, issue.Service, issue.Operation, issue.AccountId));
            Assert.Contains("could not be assumed", issue.Message);
            var expected = _server.Dataset.Find(Members[0], Regions[0])!.Tasks.Select(t => (string)t["TaskArn"]!).OrderBy(a => a, StringComparer.Ordinal);
            Assert.Equal(expected, result.Tasks.Select(t => t.TaskArn));
            Assert.All(result.Tasks, t => Assert.Equal(Members[0], t.AccountId));
        }

        [Fact]
        public async Task AFactoryOfRegionClientsAloneCannotScanAnOrganisation()
        {
            using var session = AwsSession.Create(new AwsConnectionOptions { AccessKey = EmulatorCredentials.DefaultAccessKeyId, SecretKey = EmulatorCredentials.DefaultSecretAccessKey, EndpointUrl = _server.Endpoint.ToString() });
            var factory = ScanClientFactory.From(session.GetDataSyncClient);
            Assert.False(factory.CanAssumeRoles);
            await Assert.ThrowsAsync<InvalidOperationException>(() => new InventoryCollector(factory).ScanAsync(new ScanRequest { Regions = Regions, Accounts = new[] { AccountRole.For(Members[0], "R", "aws") } }));
        }

        /// <summary>Opens accounts through the session, but refuses one role as STS would.</summary>
        private sealed class DenyingFactory : IScanClientFactory
        {
            private readonly IScanClientFactory _inner;
            private readonly string _deniedAccount;

            public DenyingFactory(IScanClientFactory inner, string deniedAccount)
            {
                _inner = inner;
                _deniedAccount = deniedAccount;
            }

            public ConcurrentBag<string> Assumed { get; } = new ConcurrentBag<string>();

            public bool CanAssumeRoles => true;

            public IDataSyncClient DataSyncClient(string region) => _inner.DataSyncClient(region);

            public Task<IAccountClientFactory> AssumeRoleAsync(AccountRole role, string stsRegion, AssumeRoleSettings settings, CancellationToken cancellationToken)
            {
                Assumed.Add(role.AccountId);
                if (role.AccountId == _deniedAccount)
                {
                    throw new DataSyncAccessDeniedException("User is not authorized to perform: sts:AssumeRole", null, "AccessDenied", 403, null, "sts", "AssumeRole", stsRegion, "Sender");
                }

                return _inner.AssumeRoleAsync(role, stsRegion, settings, cancellationToken);
            }
        }
    }
}
