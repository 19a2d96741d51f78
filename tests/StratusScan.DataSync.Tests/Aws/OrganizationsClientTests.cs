using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Aws.Organizations;
using StratusScan.DataSync.Aws.Organizations.Model;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Organizations;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Aws
{
    /// <summary>The Organizations client and the account discovery against the in-process emulator's organisation.</summary>
    public sealed class OrganizationsClientTests
    {
        private static Task<EmulatorServer> StartAsync(int accounts = 12, int pageSize = 2) =>
            EmulatorServer.StartAsync(new EmulatorOptions
            {
                Port = 0,
                PageSize = pageSize,
                Generate = new DatasetSpec { Regions = new[] { "us-east-1" }, Accounts = accounts, TasksPerRegion = 0, LocationsPerTypePerRegion = 0,
                    AgentsPerRegion = 0, ExecutionsPerTask = 0, Seed = 11 },
            });

        private static AwsSession Session(EmulatorServer server, ConcurrentBag<ApiCallRecord>? records = null) =>
            TestEmulator.Session(server, o =>
            {
                o.MaxBackoff = TimeSpan.FromMilliseconds(20);
                if (records != null) o.OnApiCall = records.Add;
            });

        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (T item in items) list.Add(item);
            return list;
        }

        [Fact]
        public async Task ListAccountsPagesThroughEveryAccountOfTheOrganisation()
        {
            await using EmulatorServer server = await StartAsync();
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = Session(server, records);
            IOrganizationsClient client = session.GetOrganizationsClient();
            EmulatorOrganization organization = server.Organization!;

            List<Account> accounts = await ToListAsync(client.ListAllAccountsAsync());

            // 12 dataset accounts and the three retired ones, pages of 2: 8 calls.
            Assert.Equal(15, organization.Accounts.Count);
            Assert.Equal(organization.Accounts.Select(a => a.AccountId), accounts.Select(a => a.Id));
            Assert.Equal(8, records.Count(r => r.Operation == "ListAccounts"));
            Assert.All(records, r => Assert.Equal("organizations", r.Service));
            Assert.All(records, r => Assert.Equal("us-east-1", r.Region));
            Account management = accounts.Single(a => a.Id == EmulatorCredentials.DefaultAccountId);
            EmulatorOrganizationAccount expected = organization.Accounts.Single(a => a.AccountId == EmulatorCredentials.DefaultAccountId);
            Assert.Equal(expected.Email, management.Email);
            Assert.Equal("ACTIVE", management.State);
            Assert.Equal(expected.JoinedTimestamp.UtcDateTime, management.JoinedTimestamp);
            Assert.Equal(DateTimeKind.Utc, management.JoinedTimestamp!.Value.Kind);
            Assert.Equal($"arn:aws:organizations::111122223333:account/{organization.Id}/111122223333", management.Arn);

            DescribeOrganizationResponse described = await client.DescribeOrganizationAsync(new DescribeOrganizationRequest());
            Assert.Equal(organization.Id, described.Organization!.Id);
            Assert.Equal("111122223333", described.Organization.MasterAccountId);
            Assert.Contains(organization.Id, described.Organization.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task DiscoveryGivesEveryActiveAccountWithThePathOfItsUnit()
        {
            await using EmulatorServer server = await StartAsync();
            using AwsSession session = Session(server);
            EmulatorOrganization organization = server.Organization!;

            IReadOnlyList<OrganizationAccount> active = await OrganizationAccountDiscovery.ListAsync(session.GetOrganizationsClient(), null,
                new[] { OrganizationAccountStates.Active }, CancellationToken.None);

            List<EmulatorOrganizationAccount> expected = organization.Accounts.Where(a => a.State == "ACTIVE").ToList();
            Assert.Equal(server.Dataset.Accounts.Select(a => a.AccountId).OrderBy(a => a, StringComparer.Ordinal), active.Select(a => a.AccountId));
            Assert.Equal(expected.Select(a => a.AccountId + " " + a.Path + " " + a.ParentId), active.Select(a => a.AccountId + " " + a.OrganizationalUnitPath + " " + a.OrganizationalUnitId));
            Assert.Equal(expected.Select(a => a.Name), active.Select(a => a.Name));
            Assert.Contains(active, a => a.OrganizationalUnitPath.Count(c => c == '/') >= 2); // the seed puts some accounts two units down
            Assert.Equal("Root", active.Single(a => a.AccountId == EmulatorCredentials.DefaultAccountId).OrganizationalUnitPath);

            IReadOnlyList<OrganizationAccount> suspended = await OrganizationAccountDiscovery.ListAsync(session.GetOrganizationsClient(), null,
                new[] { OrganizationAccountStates.Suspended }, CancellationToken.None);
            Assert.Equal(new[] { "999900000001" }, suspended.Select(a => a.AccountId));

            IReadOnlyList<OrganizationAccount> all = await OrganizationAccountDiscovery.ListAsync(session.GetOrganizationsClient(), null,
                new[] { OrganizationAccountStates.All }, CancellationToken.None);
            Assert.Equal(organization.Accounts.Select(a => a.AccountId + " " + a.State), all.Select(a => a.AccountId + " " + a.State));
        }

        [Fact]
        public async Task AnOrganizationalUnitGivesItsAccountsAndThoseOfEveryUnitBelowIt()
        {
            await using EmulatorServer server = await StartAsync(accounts: 30);
            using AwsSession session = Session(server);
            EmulatorOrganization organization = server.Organization!;
            EmulatorOrganizationalUnit workloads = organization.Units.Single(u => u.Name == "Workloads");

            IReadOnlyList<OrganizationAccount> accounts = await OrganizationAccountDiscovery.ListAsync(session.GetOrganizationsClient(), workloads.Id,
                null, CancellationToken.None);

            List<EmulatorOrganizationAccount> expected = organization.Accounts
                .Where(a => a.Path == "Root/Workloads" || a.Path.StartsWith("Root/Workloads/", StringComparison.Ordinal)).ToList();
            Assert.Equal(expected.Select(a => a.AccountId + " " + a.Path), accounts.Select(a => a.AccountId + " " + a.OrganizationalUnitPath));
            Assert.Contains(accounts, a => a.OrganizationalUnitPath == "Root/Workloads/Prod/Regulated");
            Assert.Contains(accounts, a => a.OrganizationalUnitPath == "Root/Workloads/Dev");
            Assert.DoesNotContain(accounts, a => a.OrganizationalUnitPath.StartsWith("Root/Sandbox", StringComparison.Ordinal));

            var unknown = await Assert.ThrowsAsync<OrganizationalUnitNotFoundException>(() =>
                OrganizationAccountDiscovery.ListAsync(session.GetOrganizationsClient(), "ou-zzzz-zzzzzzzz", null, CancellationToken.None));
            Assert.Equal("ou-zzzz-zzzzzzzz", unknown.OrganizationalUnitId);
            await Assert.ThrowsAsync<OrganizationalUnitNotFoundException>(() =>
                OrganizationAccountDiscovery.ListAsync(session.GetOrganizationsClient(), "Workloads", null, CancellationToken.None));
        }

        [Fact]
        public async Task AMemberAccountIsDeniedAndASingleAccountHasNoOrganisation()
        {
            await using EmulatorServer server = await StartAsync(accounts: 3);
            using AwsSession session = Session(server);
            using AwsSession member = await session.AssumeRoleSessionAsync("us-east-1", "arn:aws:iam::444455556666:role/StratusScanReadOnly", "test");

            var denied = await Assert.ThrowsAsync<DataSyncAccessDeniedException>(() =>
                OrganizationAccountDiscovery.ListAsync(member.GetOrganizationsClient(), null, null, CancellationToken.None));
            Assert.Equal("organizations", denied.Service);
            Assert.Equal("organizations:ListRoots", denied.IamAction);

            await using EmulatorServer single = await StartAsync(accounts: 1);
            using AwsSession alone = Session(single);
            Assert.Null(single.Organization);
            var notInUse = await Assert.ThrowsAsync<OrganizationsNotInUseException>(() => alone.GetOrganizationsClient().DescribeOrganizationAsync(new DescribeOrganizationRequest()));
            Assert.Equal("AWSOrganizationsNotInUseException", notInUse.ErrorCode);
        }

        [Theory]
        [InlineData(null, "us-east-1")]
        [InlineData("eu-west-1", "us-east-1")]
        [InlineData("us-gov-east-1", "us-gov-west-1")]
        [InlineData("cn-north-1", "cn-northwest-1")]
        public async Task TheClientCallsTheRegionThatServesOrganizationsInThePartition(string? region, string expected)
        {
            await using EmulatorServer server = await StartAsync(accounts: 2);
            using AwsSession session = Session(server);
            Assert.Equal(expected, session.GetOrganizationsClient(region).Region);
        }
    }
}
