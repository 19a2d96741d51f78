using System;
using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.Regions;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.Inventory
{
    /// <summary>The engine's rules for what a scan covers and how its report is named, without PowerShell or AWS.</summary>
    public sealed class ScanPlanTests
    {
        private const string Own = "111122223333";
        private const string Other = "444455556666";

        private static string TaskArn(string region, string account, string id = "task-0123456789abcdef0") => "arn:aws:datasync:" + region + ":" + account + ":task/" + id;

        private static ScanPlanException PlanError(ScanPlanInput input) => Assert.Throws<ScanPlanException>(() => ScanPlan.Resolve(input));

        [Fact]
        public void RegionsComeFromTheParameterThenTheArnsThenTheConfigThenTheSession()
        {
            Assert.Equal(new[] { "eu-west-1", "us-east-1" }, ScanPlan.Resolve(new ScanPlanInput { Regions = new[] { "eu-west-1", " us-east-1", "eu-west-1" }, SessionDefaultRegion = "us-west-2" }).Regions);
            var arns = ScanPlan.ParseArns(new[] { TaskArn("ap-south-1", Own) }, "task", "TaskArn");
            Assert.Equal(new[] { "ap-south-1" }, ScanPlan.Resolve(new ScanPlanInput { Arns = arns, ConfiguredRegions = new[] { "eu-west-1" } }).Regions);
            Assert.Equal(new[] { "eu-west-1" }, ScanPlan.Resolve(new ScanPlanInput { ConfiguredRegions = new[] { "eu-west-1" }, SessionDefaultRegion = "us-west-2" }).Regions);
            Assert.Equal(new[] { "us-west-2" }, ScanPlan.Resolve(new ScanPlanInput { SessionDefaultRegion = "us-west-2" }).Regions);
            Assert.Equal(DataSyncRegions.InPartition(Partitions.AwsUsGov).Select(r => r.Name), ScanPlan.Resolve(new ScanPlanInput { Regions = new[] { "ALL" }, SessionDefaultRegion = "us-gov-west-1" }).Regions);
        }

        [Fact]
        public void AnUnknownOrMissingRegionSaysWhatToGive()
        {
            var unknown = PlanError(new ScanPlanInput { Regions = new[] { "mars-east-1" } });
            Assert.Equal(("InvalidRegion", (object?)"mars-east-1"), (unknown.ErrorId, unknown.Target));
            Assert.Contains("us-east-1", unknown.Message);
            Assert.Equal("AwsRegionNotSpecified", PlanError(new ScanPlanInput()).ErrorId);
            Assert.Equal("InvalidArn", Assert.Throws<ScanPlanException>(() => ScanPlan.ParseArns(new[] { "arn:aws:datasync:us-east-1:" + Own + ":agent/agent-0123456789abcdef0" }, "task", "TaskArn")).ErrorId);
        }

        [Fact]
        public void AccountParametersAreCheckedTogether()
        {
            Assert.Null(ScanPlan.Resolve(new ScanPlanInput { Regions = new[] { "us-east-1" } }).Accounts);
            Assert.Equal("AssumeRoleParameterWithoutRole", PlanError(new ScanPlanInput { Regions = new[] { "us-east-1" }, ExternalId = "x-1234" }).ErrorId);
            Assert.Equal("AmbiguousAccountParameters", PlanError(new ScanPlanInput { Regions = new[] { "us-east-1" }, RoleArns = new[] { "arn:aws:iam::" + Other + ":role/R" }, RoleName = "R" }).ErrorId);
            Assert.Equal("RoleNameRequired", PlanError(new ScanPlanInput { Regions = new[] { "us-east-1" }, AccountIds = new[] { Other } }).ErrorId);
            Assert.Equal("AccountIdRequired", PlanError(new ScanPlanInput { Regions = new[] { "us-east-1" }, RoleName = "R" }).ErrorId);
            Assert.Equal("InvalidAccountId", PlanError(new ScanPlanInput { Regions = new[] { "us-east-1" }, AccountIds = new[] { "12" }, RoleName = "R" }).ErrorId);
            Assert.Equal("PartitionMismatch", PlanError(new ScanPlanInput { Regions = new[] { "us-gov-west-1" }, RoleArns = new[] { "arn:aws:iam::" + Other + ":role/R" } }).ErrorId);

            var plan = ScanPlan.Resolve(new ScanPlanInput { Regions = new[] { "us-east-1" }, AccountIds = new[] { Other, Own, Other }, RoleName = "R", DurationSeconds = 1800 });
            Assert.Equal(new[] { Other, Own }, plan.Accounts!.Select(a => a.AccountId));
            Assert.Equal(TimeSpan.FromSeconds(1800), plan.AssumeRole.Duration);
        }

        [Fact]
        public void ArnsOutsideTheRegionsOrAccountsScannedAreLeftOutWithAWarning()
        {
            var arns = ScanPlan.ParseArns(new[] { TaskArn("us-east-1", Own), TaskArn("eu-west-1", Own), TaskArn("us-east-1", Other) }, "task", "TaskArn");
            var byRegion = ScanPlan.Resolve(new ScanPlanInput { Regions = new[] { "us-east-1" }, Arns = arns });
            Assert.Equal(new[] { TaskArn("us-east-1", Own), TaskArn("us-east-1", Other) }, byRegion.Arns);
            // Issue 21: an ARN that -Region leaves out is named in a warning (it used to be dropped silently).
            Assert.Contains(TaskArn("eu-west-1", Own), Assert.Single(byRegion.Warnings));

            var byAccount = ScanPlan.Resolve(new ScanPlanInput { Arns = arns, AccountIds = new[] { Own }, RoleName = "R" });
            Assert.Equal(new[] { "us-east-1", "eu-west-1" }, byAccount.Regions);
            Assert.Equal(new[] { TaskArn("us-east-1", Own), TaskArn("eu-west-1", Own) }, byAccount.Arns);
            Assert.Contains(Other, Assert.Single(byAccount.Warnings));

            var ofArns = ScanPlan.Resolve(new ScanPlanInput { Arns = arns, RoleName = "R" });
            Assert.Equal(new[] { Own, Other }, ofArns.Accounts!.Select(a => a.AccountId));
        }

        [Fact]
        public void TheRequestGivesTheArnsToTheKindScanned()
        {
            var arns = ScanPlan.ParseArns(new[] { TaskArn("us-east-1", Own) }, "task", "TaskArn");
            var plan = ScanPlan.Resolve(new ScanPlanInput { Arns = arns });
            var since = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            var executions = plan.ToRequest(ResourceKinds.Executions, null, includeTags: true, executionsSince: since);
            Assert.Equal((ResourceKinds.Executions, true, (DateTime?)since), (executions.Kinds, executions.IncludeTags, executions.ExecutionsSince));
            Assert.Equal(plan.Arns, executions.TaskArns);
            Assert.Null(executions.LocationArns);
            Assert.Null(executions.AgentArns);
            var agents = plan.ToRequest(ResourceKinds.Agents, null);
            Assert.Equal((plan.Arns, (IReadOnlyCollection<string>?)null), (agents.AgentArns, agents.TaskArns));
        }

        [Fact]
        public void AWindowInTheFutureOrOfNoDaysIsAnOutOfRangeError()
        {
            var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            var future = Assert.Throws<ScanPlanException>(() => ScanPlan.ResolveWindow(now.AddDays(1), 30, now));
            Assert.Equal(("SinceInFuture", "Since", true), (future.ErrorId, future.Parameter, future.OutOfRange));
            Assert.Equal("InvalidDays", Assert.Throws<ScanPlanException>(() => ScanPlan.ResolveWindow(null, 0, now)).ErrorId);
            Assert.Null(ScanPlan.ResolveWindow(null, 30, now).HistoryWarning);
            Assert.Contains("60 days", ScanPlan.ResolveWindow(null, 60, now).HistoryWarning);
        }

        [Fact]
        public void AnAccountIsNamedByItsMappingElseItsId()
        {
            var names = new AccountNames(new Dictionary<string, string> { [Own] = "Production", [Other] = " " });
            Assert.Equal(("Production", Other, "999988887777"), (names.NameOf(Own), names.NameOf(Other), names.NameOf("999988887777")));
            var naming = new ReportNaming(null, names, null);
            Assert.Equal(("Production", "unknown-account", "multi-account"), (naming.ForAccount(Own), naming.ForAccount(string.Empty), naming.ForOrganization()));
            Assert.Equal(("Given", "Given"), (new ReportNaming("Given", names, "Org").ForAccount(Own), new ReportNaming("Given", names, "Org").ForOrganization()));
        }

        [Fact]
        public void AReportOfObjectsKeepsTheirAccountsAndOnlyTheExecutionsInTheWindow()
        {
            var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            var window = ExecutionWindow.LastDays(7, now);
            var objects = new ReportObjects();
            Assert.True(objects.TryAdd(new DataSyncTask { TaskArn = TaskArn("eu-west-1", Own), AccountId = Own, Region = "eu-west-1", AccountName = "Carried" }));
            Assert.True(objects.TryAdd(new DataSyncTaskExecution { AccountId = Other, Region = "eu-west-1", StartTime = now.AddDays(-1) }));
            Assert.True(objects.TryAdd(new DataSyncTaskExecution { AccountId = Other, Region = "eu-west-1", StartTime = now.AddDays(-8) }));
            Assert.True(objects.TryAdd(new DataSyncTaskExecution { AccountId = Other, Region = "eu-west-1", StartTime = null }));
            Assert.False(objects.TryAdd("not a DataSync object"));

            var scope = ReportScope.ForObjects(objects, new ReportNaming(null, new AccountNames(new Dictionary<string, string> { [Other] = "Mapped" }), "Contoso"));
            Assert.Equal(("Contoso", string.Empty, "aws"), (scope.AccountName, scope.AccountId, scope.Partition));
            Assert.Equal(new[] { (Own, "Carried"), (Other, "Mapped") }, scope.Accounts.Select(a => (a.AccountId, a.AccountName)));
            var data = ReportData.FromObjects(scope, objects, window, now);
            Assert.Equal((1L, 3L, ResourceKinds.Tasks | ResourceKinds.Executions), (objects.Tasks, objects.Executions, data.Supplied));
            Assert.Equal(new[] { "eu-west-1" }, data.Regions);
        }

        [Fact]
        public void AReportOfObjectsKnowsWhichKindsItWasGiven()
        {
            var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            var objects = new ReportObjects();
            Assert.True(objects.TryAdd(new DataSyncTask { TaskArn = TaskArn("eu-west-1", Own), AccountId = Own, Region = "eu-west-1" }));
            var scope = ReportScope.ForObjects(objects, new ReportNaming(null, AccountNames.None, null));
            var data = ReportData.FromObjects(scope, objects, ExecutionWindow.LastDays(7, now), now);
            Assert.Equal(ResourceKinds.Tasks, data.Supplied);
            Assert.Equal("Tasks (piped in; not supplied: Locations, Agents, Executions)", SummaryWriter.SuppliedText(data.Supplied));
            var scan = ReportData.FromScan(scope, new ScanResult(), ExecutionWindow.LastDays(7, now), now);
            Assert.Equal(ResourceKinds.All, scan.Supplied);
        }

        [Fact]
        public void AReportOfAScanMarksTheAccountsThatCouldNotBeScanned()
        {
            var plan = ScanPlan.Resolve(new ScanPlanInput { Regions = new[] { "us-east-1" }, AccountIds = new[] { Own, Other }, RoleName = "R" });
            var scope = ReportScope.ForScan(plan, "999988887777", new ReportNaming(null, AccountNames.None, null));
            Assert.Equal(("multi-account", string.Empty), (scope.AccountName, scope.AccountId));
            var data = ReportData.FromScan(scope, new ScanResult { Accounts = new[] { Own, Other }, FailedAccounts = new[] { Other } }, ExecutionWindow.LastDays(30, DateTime.UtcNow), DateTime.UtcNow);
            Assert.Equal(new[] { (Own, true), (Other, false) }, data.Accounts.Select(a => (a.AccountId, a.Scanned)));

            var own = ReportScope.ForScan(ScanPlan.Resolve(new ScanPlanInput { Regions = new[] { "us-east-1" } }), Own, new ReportNaming(null, AccountNames.None, null));
            Assert.Equal((Own, Own, 0), (own.AccountId, own.AccountName, own.Accounts.Count));
        }

        [Fact]
        public void EveryFailureIsClassifiedOnce()
        {
            Exception Service(Func<DataSyncServiceException> make) => make();
            var denied = Service(() => new DataSyncAccessDeniedException("no", null, "AccessDeniedException", 400, null, "datasync", "ListTasks", "us-east-1", "client"));
            var throttled = Service(() => new DataSyncThrottlingException("slow", null, "ThrottlingException", 400, null, "datasync", "ListTasks", "us-east-1", "client"));
            Assert.True(CallPolicy.TryClassify(denied, out var kind, out var code));
            Assert.Equal((ScanIssueKind.AccessDenied, "AccessDeniedException"), (kind, code));
            Assert.True(CallPolicy.TryClassify(throttled, out kind, out code));
            Assert.Equal((ScanIssueKind.Throttled, "ThrottlingException"), (kind, code));
            Assert.True(CallPolicy.TryClassify(new DataSyncPaginationException("ListTasks", "us-east-1", 3), out kind, out code));
            Assert.Equal((ScanIssueKind.ServiceError, "PaginationError"), (kind, code));
            Assert.False(CallPolicy.TryClassify(new InvalidOperationException("a defect"), out _, out _));
        }
    }

}
