using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Inventory
{
    /// <summary>Organisation-wide scans: a role assumed in each account through the real emulator's STS, then every Region of every account.</summary>
    public sealed class OrganizationScanTests : EmulatorTest
    {
        private const string Management = "111122223333";
        private static readonly string[] Members = { "444455556666", "777788889999" };
        private static readonly string[] Regions = { "us-east-1", "eu-west-1" };

        protected override EmulatorOptions CreateOptions() => new EmulatorOptions
        {
            Port = 0,
            PageSize = 4,
            Generate = new DatasetSpec { Regions = Regions, Accounts = 3, TasksPerRegion = 4, LocationsPerTypePerRegion = 1, AgentsPerRegion = 2, ExecutionsPerTask = 2, Seed = 11 },
        };

        private AwsSession Session(int maxConcurrentCalls = 16) => base.Session(o => o.MaxConcurrentCalls = maxConcurrentCalls);

        private static AccountRole Role(string account, string name = "StratusScanReadOnly") => AccountRole.For(account, name, "aws");

        private IEnumerable<string> TaskArnsOf(string account) =>
            Regions.SelectMany(r => Data(r, account).Tasks.Select(t => (string)t["TaskArn"]!).OrderBy(a => a, StringComparer.Ordinal));

        [Fact]
        public async Task EveryAccountIsScannedThroughItsRoleInAccountRegionArnOrderWithNames()
        {
            using var session = Session();
            var accounts = new[] { Role(Members[1]), Role(Management), Role(Members[0]) };
            var result = await new InventoryCollector(session).ScanAsync(new ScanRequest
            {
                Regions = Regions,
                Kinds = ResourceKinds.Tasks | ResourceKinds.Agents,
                Accounts = accounts,
                AccountNames = new Dictionary<string, string> { [Members[0]] = "Production" },
            });

            Assert.Empty(result.Issues);
            Assert.Equal(new[] { Members[1], Management, Members[0] }, result.Accounts);
            Assert.Empty(result.FailedAccounts);
            Assert.Equal(accounts.SelectMany(a => TaskArnsOf(a.AccountId)).ToList(), result.Tasks.Select(t => t.TaskArn).ToList());
            Assert.All(result.Tasks, t => Assert.Equal(AwsArn.TryParse(t.TaskArn)!.AccountId, t.AccountId));
            Assert.All(result.Tasks.Where(t => t.AccountId == Members[0]), t => Assert.Equal("Production", t.AccountName));
            Assert.All(result.Tasks.Where(t => t.AccountId != Members[0]), t => Assert.Equal(t.AccountId, t.AccountName));
            Assert.Equal(3 * Regions.Length * 2, result.Agents.Count);
            Assert.Equal(3, Server.Stats.GetCalls("AssumeRole"));
            Assert.Equal(0, Server.Stats.CallsInAccount("999999999999"));
        }

        [Fact]
        public async Task AnAccountWhoseRoleCannotBeAssumedIsOneIssueAndTheOthersComplete()
        {
            using var session = Session();
            var result = await new InventoryCollector(session).ScanAsync(new ScanRequest
            {
                Regions = Regions,
                Kinds = ResourceKinds.Tasks,
                Accounts = new[] { Role(Members[0]), Role(Members[1], "NoOneMayAssume"), Role("123456789012") },
            });

            Assert.Equal(new[] { Members[1], "123456789012" }, result.FailedAccounts);
            Assert.Equal(2, result.Issues.Count);
            var untrusting = result.Issues[0];
            Assert.Equal(ScanIssueKind.AccessDenied, untrusting.Kind);
            Assert.Equal(Members[1], untrusting.AccountId);
            Assert.Equal("sts:AssumeRole", untrusting.IamAction);
            Assert.Equal("arn:aws:iam::777788889999:role/NoOneMayAssume", untrusting.Target);
            Assert.Equal("us-east-1", untrusting.Region);
            Assert.Equal("everything in account 777788889999", untrusting.MissingData);
            Assert.Equal(TaskArnsOf(Members[0]), result.Tasks.Select(t => t.TaskArn));
        }

        [Fact]
        public async Task TheExternalIdIsSentAndARoleThatRequiresItFailsWithoutIt()
        {
            using var session = Session();
            var request = new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Agents, Accounts = new[] { Role(Members[0], "StratusScanExternal"), Role(Members[1]) } };
            var without = await new InventoryCollector(session).ScanAsync(request);
            Assert.Equal(new[] { Members[0] }, without.FailedAccounts);

            request.AssumeRole = new AssumeRoleSettings { ExternalId = "stratusscan-external-id", RoleSessionName = "audit-2026", Duration = TimeSpan.FromMinutes(30) };
            var with = await new InventoryCollector(session).ScanAsync(request);
            Assert.Empty(with.Issues);
            Assert.Equal(new[] { Members[0], Members[1] }, with.Agents.Select(a => a.AccountId).Distinct());

            using var http = new System.Net.Http.HttpClient();
            var sessions = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(new Uri(Server.Endpoint, "/__emulator/sessions")))!.AsArray();
            var issued = sessions.Select(n => ((string?)n!["AccountId"], (string?)n["RoleName"], (string?)n["RoleSessionName"], (string?)n["ExternalId"])).ToList();
            Assert.Contains((Members[0], "StratusScanExternal", "audit-2026", "stratusscan-external-id"), issued);
            Assert.Contains((Members[1], "StratusScanReadOnly", "audit-2026", "stratusscan-external-id"), issued);
            Assert.Contains((Members[1], "StratusScanReadOnly", "StratusScan.DataSync", (string?)null), issued);
        }

        [Fact]
        public async Task AnAccountWhereDataSyncIsDeniedReportsEachRegionAndTheOthersComplete()
        {
            Server.Options.DeniedAccounts.Add(Members[1]);
            try
            {
                using var session = Session();
                var result = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Tasks, Accounts = new[] { Role(Members[0]), Role(Members[1]) } });

                Assert.Equal(new[] { Members[1] }, result.FailedAccounts);
                Assert.Equal(Regions, result.Issues.Select(i => i.Region).OrderBy(r => r == "us-east-1" ? 0 : 1));
                Assert.All(result.Issues, i =>
                {
                    Assert.Equal(Members[1], i.AccountId);
                    Assert.Equal(ScanIssueKind.AccessDenied, i.Kind);
                    Assert.Equal("datasync:ListTasks", i.IamAction);
                });
                Assert.Equal(TaskArnsOf(Members[0]), result.Tasks.Select(t => t.TaskArn));
                Assert.Empty(result.FailedRegions);
            }
            finally
            {
                Server.Options.DeniedAccounts.Clear();
            }
        }

        [Fact]
        public async Task WhenNoAccountCanBeOpenedTheScanFails()
        {
            using var session = Session();
            var error = await Assert.ThrowsAsync<ScanFailedException>(() => new InventoryCollector(session).ScanAsync(new ScanRequest
            {
                Regions = Regions,
                Accounts = new[] { Role(Members[0], "NoOneMayAssume"), Role(Members[1], "NoOneMayAssume") },
            }));
            Assert.True(error.AllAccounts);
            Assert.Equal(new[] { Members[0], Members[1] }, error.Issues.Select(i => i.AccountId));
            Assert.StartsWith("No account could be scanned: account 444455556666 us-east-1 sts:AssumeRole", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task AccountsRegionsAndCallsShareOneLimitOfCallsInFlight()
        {
            Server.Options.Latency = TimeSpan.FromMilliseconds(20);
            try
            {
                using var session = Session(maxConcurrentCalls: 3);
                Server.Stats.Reset();
                var result = await new InventoryCollector(session).ScanAsync(new ScanRequest
                {
                    Regions = Regions,
                    Kinds = ResourceKinds.Tasks | ResourceKinds.Locations,
                    Accounts = new[] { Role(Management), Role(Members[0]), Role(Members[1]) },
                });

                Assert.Empty(result.Issues);
                Assert.Equal(3, Server.Stats.PeakInFlight);
                Assert.True(Server.Stats.TotalCalls > 60, "enough calls to contend for the slots: " + Server.Stats.TotalCalls);
            }
            finally
            {
                Server.Options.Latency = TimeSpan.Zero;
            }
        }

        [Fact]
        public async Task TheGivenArnsAreScannedInTheirOwnAccountOnly()
        {
            using var session = Session();
            var wanted = new[] { TaskArnsOf(Members[0]).First(), TaskArnsOf(Members[1]).Last() };
            var result = await new InventoryCollector(session).ScanAsync(new ScanRequest
            {
                Regions = Regions,
                Kinds = ResourceKinds.Tasks,
                TaskArns = wanted,
                Accounts = new[] { Role(Members[0]), Role(Members[1]) },
            });

            Assert.Empty(result.Issues);
            Assert.Equal(wanted, result.Tasks.Select(t => t.TaskArn));
            Assert.Equal(2, Server.Stats.GetCalls("DescribeTask"));
            Assert.Equal(0, Server.Stats.GetCalls("ListTasks"));
        }

        [Fact]
        public async Task AnOrganisationScanNeedsASessionToAssumeRoles()
        {
            using var session = Session();
            var collector = new InventoryCollector(session.GetDataSyncClient);
            await Assert.ThrowsAsync<InvalidOperationException>(() => collector.ScanAsync(new ScanRequest { Regions = Regions, Accounts = new[] { Role(Members[0]) } }));
        }

        [Theory]
        [InlineData("arn:aws:iam::444455556666:role/StratusScanReadOnly", "aws", "444455556666", "StratusScanReadOnly")]
        [InlineData("arn:aws-us-gov:iam::444455556666:role/audit/Scanner", "aws-us-gov", "444455556666", "audit/Scanner")]
        public void ARoleArnGivesItsPartitionAccountAndName(string arn, string partition, string account, string name)
        {
            var role = AccountRole.FromArn(arn);
            Assert.Equal((arn, partition, account, name), (role.RoleArn, role.Partition, role.AccountId, role.RoleName));
        }

        [Theory]
        [InlineData("arn:aws:iam::44445555666:role/R")]
        [InlineData("arn:aws:iam::444455556666:user/R")]
        [InlineData("arn:aws:sts::444455556666:assumed-role/R/s")]
        [InlineData("StratusScanReadOnly")]
        public void ANonRoleArnIsAFormatError(string arn) =>
            Assert.Contains("is not an IAM role ARN", Assert.Throws<FormatException>(() => AccountRole.FromArn(arn)).Message);

        [Fact]
        public void AnAccountIdAndRoleNameMakeTheRoleArnOfThePartition()
        {
            Assert.Equal("arn:aws-cn:iam::444455556666:role/path/R", AccountRole.For(" 444455556666 ", "/path/R", "aws-cn").RoleArn);
            Assert.Contains("12 digits", Assert.Throws<FormatException>(() => AccountRole.For("4444-5555-6666", "R", "aws")).Message);
            Assert.Contains("not an IAM role name", Assert.Throws<FormatException>(() => AccountRole.For("444455556666", "bad name", "aws")).Message);
            Assert.Throws<ArgumentException>(() => AccountRole.For("444455556666", "R", "aws-mars"));
        }

        [Fact]
        public void AssumeRoleSettingsCheckWhatStsWouldReject()
        {
            var settings = new AssumeRoleSettings();
            Assert.Equal("StratusScan.DataSync", settings.RoleSessionName);
            Assert.Throws<ArgumentException>(() => settings.RoleSessionName = "has space");
            Assert.Throws<ArgumentException>(() => settings.RoleSessionName = "x");
            var secretish = "bad external id";
            Assert.DoesNotContain(secretish, Assert.Throws<ArgumentException>(() => settings.ExternalId = secretish).Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => settings.Duration = TimeSpan.FromSeconds(899));
            Assert.Throws<ArgumentOutOfRangeException>(() => settings.Duration = TimeSpan.FromSeconds(43201));
            settings.Duration = TimeSpan.FromSeconds(900);
            Assert.Equal(900, settings.Duration!.Value.TotalSeconds);
        }
    }
}
