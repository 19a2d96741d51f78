using System;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Emulator;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Inventory
{
    /// <summary>
    /// Issue 21, items 1 to 3, against the emulator: credentials AWS rejects end the scan with an authentication error
    /// (UnrecognizedClientException means "not enabled" only in an opt-in Region); an ARN that names nothing is a
    /// NotFound issue and the others are returned; a DurationSeconds above the role's maximum says so.
    /// </summary>
    public sealed class CredentialAndArnErrorTests : IAsyncLifetime
    {
        private static readonly string[] Regions = { "us-east-1", "eu-west-1" };
        private EmulatorServer _server = null!;

        public async Task InitializeAsync()
        {
            _server = await EmulatorServer.StartAsync(new EmulatorOptions
            {
                Port = 0,
                Generate = new DatasetSpec { Regions = Regions, Accounts = 2, TasksPerRegion = 3, LocationsPerTypePerRegion = 1, AgentsPerRegion = 2, ExecutionsPerTask = 1, Seed = 5 },
            });
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();

        private AwsSession Session(string? accessKey = null, string? secretKey = null) => AwsSession.Create(new AwsConnectionOptions
        {
            AccessKey = accessKey ?? EmulatorCredentials.DefaultAccessKeyId,
            SecretKey = secretKey ?? EmulatorCredentials.DefaultSecretAccessKey,
            EndpointUrl = _server.Endpoint.ToString(),
        });

        private string FirstArn(string region, string kind, string member)
        {
            var data = _server.Dataset.Find(EmulatorCredentials.DefaultAccountId, region)!;
            var resources = kind == "Tasks" ? data.Tasks : kind == "Agents" ? data.Agents : data.Locations;
            return resources.Select(r => (string)r[member]!).OrderBy(a => a, StringComparer.Ordinal).First();
        }

        /// <summary>The same ARN with another id: well formed, in the same account and Region, and naming nothing.</summary>
        private static string Missing(string arn) => arn.Substring(0, arn.Length - 4) + (arn.EndsWith("0000", StringComparison.Ordinal) ? "1111" : "0000");

        [Fact]
        public async Task AWrongSecretKeyEndsTheScanWithAnAuthenticationErrorThatNeverShowsTheSecret()
        {
            const string secret = "WrongSecretWrongSecretWrongSecretWrong12";
            using var session = Session(secretKey: secret);
            var error = await Assert.ThrowsAsync<ScanAuthenticationException>(() => new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.All }));
            Assert.Equal("InvalidSignatureException", error.ErrorCode);
            Assert.Equal("datasync", error.Service);

            var message = ScanAuthenticationException.Describe(error.ErrorCode, error.Region, error.Service, session.TryGetAccessKeyId(), out var action);
            Assert.Contains("secret access key does not match access key " + EmulatorCredentials.DefaultAccessKeyId, message, StringComparison.Ordinal);
            Assert.Contains("secret access key", action, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, message + action + error.Message, StringComparison.Ordinal);
            Assert.Single(message.Split(new[] { ". " }, StringSplitOptions.None));
        }

        [Fact]
        public async Task AnUnknownAccessKeyIsAnAuthenticationErrorEvenInARegionThatNeedsNoOptIn()
        {
            using var session = Session(accessKey: "AKIAUNKNOWN000000000", secretKey: "x");
            var error = await Assert.ThrowsAsync<ScanAuthenticationException>(() => new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Tasks }));
            Assert.Equal("UnrecognizedClientException", error.ErrorCode);
            var message = ScanAuthenticationException.Describe(error.ErrorCode, error.Region, error.Service, "AKIAUNKNOWN000000000", out var action);
            Assert.Contains("does not recognise access key AKIAUNKNOWN000000000", message, StringComparison.Ordinal);
            Assert.Contains("exists and is active", action, StringComparison.Ordinal);
        }

        [Fact]
        public void UnrecognizedClientMeansNotEnabledOnlyInAnOptInRegion()
        {
            Assert.False(CallPolicy.MeansRegionNotEnabled("us-east-1"));
            Assert.False(CallPolicy.MeansRegionNotEnabled("eu-west-1"));
            Assert.True(CallPolicy.MeansRegionNotEnabled("eu-south-1"));
            Assert.True(CallPolicy.MeansRegionNotEnabled("ap-east-1"));
            Assert.Equal(
                new[] { "af-south-1", "ap-east-1", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-west-1",
                    "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1" },
                StratusScan.DataSync.Regions.DataSyncRegions.All.Where(r => r.OptIn).Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public async Task ARegionThatAnswersUnrecognizedClientButIsNoOptInRegionIsACredentialsProblem()
        {
            _server.Options.DisabledRegions.Add("eu-west-1");
            try
            {
                using var session = Session();
                var error = await Assert.ThrowsAsync<ScanAuthenticationException>(() => new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = Regions, Kinds = ResourceKinds.Agents }));
                Assert.Equal(("UnrecognizedClientException", "eu-west-1"), (error.ErrorCode, error.Region));
            }
            finally
            {
                _server.Options.DisabledRegions.Clear();
            }
        }

        [Theory]
        [InlineData("Tasks", "TaskArn", "task")]
        [InlineData("Agents", "AgentArn", "agent")]
        [InlineData("Locations", "LocationArn", "location")]
        [InlineData("Executions", "TaskArn", "task")]
        public async Task AMissingArnIsOneNotFoundIssueAndTheExistingObjectIsReturned(string kind, string member, string word)
        {
            var existing = FirstArn("us-east-1", kind == "Executions" ? "Tasks" : kind, member);
            var missing = Missing(existing);
            var request = new ScanRequest { Regions = new[] { "us-east-1" }, Kinds = (ResourceKinds)Enum.Parse(typeof(ResourceKinds), kind) };
            var arns = new[] { existing, missing };
            if (kind == "Agents") request.AgentArns = arns;
            else if (kind == "Locations") request.LocationArns = arns;
            else request.TaskArns = arns;

            using var session = Session();
            var result = await new InventoryCollector(session).ScanAsync(request);

            var issue = Assert.Single(result.Issues);
            Assert.Equal((ScanIssueKind.NotFound, missing), (issue.Kind, issue.Target));
            Assert.Equal("The " + word + " " + missing + " was not found in account " + EmulatorCredentials.DefaultAccountId + ", Region us-east-1.", issue.Message);
            Assert.Empty(result.FailedRegions);
            var found = kind == "Tasks" ? result.Tasks.Select(t => t.TaskArn) : kind == "Agents" ? result.Agents.Select(a => a.AgentArn)
                : kind == "Locations" ? result.Locations.Select(l => l.LocationArn) : result.Executions.Select(e => e.TaskArn).Distinct();
            Assert.Equal(new[] { existing }, found);
        }

        [Fact]
        public async Task OnlyMissingArnsIsNotAFailedScan()
        {
            var missing = Missing(FirstArn("us-east-1", "Tasks", "TaskArn"));
            using var session = Session();
            var result = await new InventoryCollector(session).ScanAsync(new ScanRequest { Regions = new[] { "us-east-1" }, Kinds = ResourceKinds.Tasks, TaskArns = new[] { missing } });
            Assert.Empty(result.Tasks);
            Assert.Equal(ScanIssueKind.NotFound, Assert.Single(result.Issues).Kind);
        }

        [Fact]
        public async Task ADurationAboveTheRolesMaximumSaysSo()
        {
            var member = _server.Dataset.Accounts.Select(a => a.AccountId).First(a => a != EmulatorCredentials.DefaultAccountId);
            using var session = Session();
            var error = await Assert.ThrowsAsync<ScanFailedException>(() => new InventoryCollector(session).ScanAsync(new ScanRequest
            {
                Regions = Regions,
                Kinds = ResourceKinds.Tasks,
                Accounts = new[] { AccountRole.For(member, "StratusScanReadOnly", "aws") },
                AssumeRole = new AssumeRoleSettings { Duration = TimeSpan.FromHours(12) },
            }));
            var issue = Assert.Single(error.Issues);
            Assert.Equal("ValidationError", issue.ErrorCode);
            Assert.Contains("longer than the role's maximum session duration", issue.Message, StringComparison.Ordinal);
            Assert.Contains("-DurationSeconds", issue.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ARegionOutsideMinusRegionDropsItsArnWithAWarningAndAWindowErrorIsOneCleanSentence()
        {
            var arns = ScanPlan.ParseArns(new[]
            {
                "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0",
                "arn:aws:datasync:eu-west-1:111122223333:task/task-0123456789abcdef1",
            }, "task", "TaskArn");
            var plan = ScanPlan.Resolve(new ScanPlanInput { Regions = new[] { "us-east-1" }, Arns = arns });
            Assert.Equal(new[] { "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0" }, plan.Arns);
            var warning = Assert.Single(plan.Warnings);
            Assert.Contains("arn:aws:datasync:eu-west-1:111122223333:task/task-0123456789abcdef1", warning, StringComparison.Ordinal);

            var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            var future = Assert.Throws<ScanPlanException>(() => ScanPlan.ResolveWindow(now.AddDays(1), 30, now));
            Assert.Equal("-Since 2026-12-02 00:00:00 UTC is in the future: give -Days (1 or more) or a -Since in the past.", future.Message);
            var days = Assert.Throws<ScanPlanException>(() => ScanPlan.ResolveWindow(null, 0, now));
            Assert.DoesNotContain("(Parameter", days.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("..", days.Message, StringComparison.Ordinal);
        }
    }
}
