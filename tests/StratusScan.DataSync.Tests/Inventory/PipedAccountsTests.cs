using System.Collections.Generic;
using System.Linq;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Inventory
{
    /// <summary>The engine's rules for accounts piped into a scanning cmdlet: which are scanned, how they are named, which parameters they exclude.</summary>
    public sealed class PipedAccountsTests
    {
        private const string Own = "111122223333";
        private const string Other = "444455556666";
        private const string Third = "777788889999";

        private static ScanPlanException PlanError(ScanPlanInput input) => Assert.Throws<ScanPlanException>(() => ScanPlan.Resolve(input));

        [Fact]
        public void AccountsAreTakenOnceInArrivalOrderAndInactiveOnesAreLeftOutWithAWarning()
        {
            var piped = new PipedAccounts();
            Assert.False(piped.Received);
            Assert.Null(piped.Add(Third, "Security", "ACTIVE"));
            Assert.Null(piped.Add(Own, null, null));
            Assert.Null(piped.Add(Third, "Again", "active"));
            Assert.Null(piped.Add(Own, " Management ", null));
            var suspended = piped.Add("999900000001", "Retired", "SUSPENDED");
            var blank = piped.Add("  ", "No id", null);

            Assert.True(piped.Received);
            Assert.Equal(new[] { Third, Own }, piped.AccountIds);
            Assert.Equal(new Dictionary<string, string> { [Third] = "Security", [Own] = "Management" }, piped.Names);
            Assert.Equal(2, piped.LeftOut);
            Assert.Contains("999900000001 (Retired) is SUSPENDED", suspended);
            Assert.Contains("cannot be assumed", suspended);
            Assert.Contains("(No id) has no AccountId", blank);
            Assert.Null(piped.Add("999900000001", "Retired", "SUSPENDED"));
            Assert.Equal(2, piped.LeftOut);
        }

        [Fact]
        public void TheConfigNamesWinAndCarriedNamesFillTheGaps()
        {
            var mappings = new Dictionary<string, string> { [Own] = "Mapped", [Other] = " " };
            var merged = AccountNames.WithCarried(mappings, new Dictionary<string, string> { [Own] = "Carried", [Other] = "Carried other", [Third] = "Third" });
            Assert.Equal("Mapped", new AccountNames(merged).NameOf(Own));
            Assert.Equal("Carried other", new AccountNames(merged).NameOf(Other));
            Assert.Equal("Third", new AccountNames(merged).NameOf(Third));
            Assert.Same(mappings, AccountNames.WithCarried(mappings, new Dictionary<string, string>()));
        }

        [Fact]
        public void PipedAccountsAreScannedAsIfAccountIdListedThem()
        {
            var plan = ScanPlan.Resolve(new ScanPlanInput { Regions = new[] { "us-east-1" }, PipedAccountIds = new[] { Third, Own }, RoleName = "R" });
            Assert.Equal(new[] { "arn:aws:iam::" + Third + ":role/R", "arn:aws:iam::" + Own + ":role/R" }, plan.Accounts!.Select(a => a.RoleArn));

            // ARNs with piped accounts: only the ARNs of those accounts.
            var arns = ScanPlan.ParseArns(new[] { "arn:aws:datasync:us-east-1:" + Own + ":task/task-0123456789abcdef0", "arn:aws:datasync:us-east-1:" + Other + ":task/task-0123456789abcdef1" }, "task", "TaskArn");
            var filtered = ScanPlan.Resolve(new ScanPlanInput { Arns = arns, PipedAccountIds = new[] { Own }, RoleName = "R" });
            Assert.Equal(new[] { arns[0].Text }, filtered.Arns);

            // An empty list (every piped account left out) is no account parameter at all.
            Assert.Null(ScanPlan.Resolve(new ScanPlanInput { Regions = new[] { "us-east-1" }, PipedAccountIds = new string[0] }).Accounts);
        }

        [Fact]
        public void PipedAccountsNeedRoleNameAndExcludeAccountIdAndRoleArn()
        {
            var input = new ScanPlanInput { Regions = new[] { "us-east-1" }, PipedAccountIds = new[] { Other, Third } };
            var noRole = PlanError(input);
            Assert.Equal(("RoleNameRequired", "RoleName"), (noRole.ErrorId, noRole.Parameter));
            Assert.Contains("2 account(s) piped in need -RoleName", noRole.Message);

            var withIds = PlanError(new ScanPlanInput { Regions = new[] { "us-east-1" }, PipedAccountIds = new[] { Other }, AccountIds = new[] { Own }, RoleName = "R" });
            Assert.Equal(("AmbiguousAccounts", "AccountId"), (withIds.ErrorId, withIds.Parameter));
            var withArns = PlanError(new ScanPlanInput { Regions = new[] { "us-east-1" }, PipedAccountIds = new[] { Other }, RoleArns = new[] { "arn:aws:iam::" + Own + ":role/R" } });
            Assert.Equal(("AmbiguousAccounts", "RoleArn"), (withArns.ErrorId, withArns.Parameter));
            Assert.Equal("InvalidAccountId", PlanError(new ScanPlanInput { Regions = new[] { "us-east-1" }, PipedAccountIds = new[] { "1234" }, RoleName = "R" }).ErrorId);
        }
    }
}
