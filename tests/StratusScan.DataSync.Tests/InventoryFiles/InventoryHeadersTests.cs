using System;
using System.Linq;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    /// <summary>The header of a scan: each account's status, the window, the name.</summary>
    public sealed class InventoryHeadersTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
        private static readonly InventoryWindow Window = InventoryHeaders.Window(ExecutionWindow.Since(Now.AddDays(-3), Now), null);

        private static ScanIssue Issue(string accountId) =>
            new ScanIssue(ScanIssueKind.AccessDenied, "us-east-1", "ListTasks", null, "AccessDeniedException", "denied", "Tasks of us-east-1", accountId);

        private static (ScanPlan Plan, ReportScope Scope) Plan(params string[] accounts)
        {
            var plan = ScanPlan.Resolve(new ScanPlanInput
            {
                Regions = new[] { "us-east-1", "eu-west-1" },
                AccountIds = accounts.Length == 0 ? null : accounts,
                RoleName = accounts.Length == 0 ? null : "Audit",
            });
            var names = new AccountNames(new System.Collections.Generic.Dictionary<string, string> { ["444455556666"] = "Staging" });
            return (plan, ReportScope.ForScan(plan, "999988887777", new ReportNaming(null, names, "Acme")));
        }

        [Fact]
        public void AnOrganisationScanListsEveryAccountInOrderWithItsStatus()
        {
            var (plan, scope) = Plan("111122223333", "444455556666", "777788889999");
            var outcome = new ScanOutcome { FailedAccounts = new[] { "777788889999" }, Issues = new[] { Issue("444455556666"), Issue("777788889999") }, ExecutionsOutsideWindow = 4 };
            var header = InventoryHeaders.ForScan(plan, scope, "999988887777", new AccountNames(new System.Collections.Generic.Dictionary<string, string> { ["444455556666"] = "Staging" }),
                outcome, null, Window, "arn:aws:iam::999988887777:user/a", Now.AddMinutes(-1), Now, ResourceKinds.All, ResourceKinds.None);

            Assert.Equal(new[] { "111122223333", "444455556666", "777788889999" }, header.Accounts.Select(a => a.AccountId).ToArray());
            Assert.Equal(new[] { InventoryAccountStatus.Complete, InventoryAccountStatus.Incomplete, InventoryAccountStatus.NotScanned }, header.Accounts.Select(a => a.Status).ToArray());
            Assert.Equal(new[] { "111122223333", "Staging", "777788889999" }, header.Accounts.Select(a => a.AccountName).ToArray());
            Assert.Equal("Acme", header.Name);
            Assert.Equal(new[] { "us-east-1", "eu-west-1" }, header.Regions);
            Assert.Equal(4, header.Counts.ExecutionsOutsideWindow);
            Assert.Null(header.Window.Days);
            Assert.Equal(Now.AddDays(-3), header.Window.SinceUtc);
            Assert.Equal(2, header.Issues.Count);
        }

        [Fact]
        public void AFailedScanMarksEveryAccountNotScannedAndKeepsItsIssues()
        {
            var (plan, scope) = Plan("111122223333", "444455556666");
            var failure = new ScanFailedException("no account", new[] { Issue("111122223333"), Issue("444455556666") }, allAccounts: true);
            var header = InventoryHeaders.ForScan(plan, scope, "999988887777", AccountNames.None, null, failure, Window, "arn", Now, Now, ResourceKinds.All, ResourceKinds.None);
            Assert.All(header.Accounts, a => Assert.Equal(InventoryAccountStatus.NotScanned, a.Status));
            Assert.Equal(2, header.Issues.Count);
        }

        [Theory]
        [InlineData(false, InventoryAccountStatus.Complete)]
        [InlineData(true, InventoryAccountStatus.Incomplete)]
        public void TheCallersOwnAccountIsIncompleteWhenThereIsAnyIssue(bool withIssue, InventoryAccountStatus expected)
        {
            var (plan, scope) = Plan();
            var outcome = new ScanOutcome { Issues = withIssue ? new[] { Issue(string.Empty) } : Array.Empty<ScanIssue>() };
            var header = InventoryHeaders.ForScan(plan, scope, "999988887777", AccountNames.None, outcome, null, Window, "arn", Now, Now, ResourceKinds.All, ResourceKinds.Tasks);
            var account = Assert.Single(header.Accounts);
            Assert.Equal("999988887777", account.AccountId);
            Assert.Equal("999988887777", account.AccountName);
            Assert.Equal(expected, account.Status);
            Assert.Equal(ResourceKinds.Tasks, header.TaggedKinds);
        }
    }
}
