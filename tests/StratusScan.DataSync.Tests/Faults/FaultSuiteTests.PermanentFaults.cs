using System;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Faults
{
    public sealed partial class FaultSuiteTests
    {
        // ---- permanent faults: exactly the gaps, each reported ---------------------------------------------------

        [Fact]
        public async Task ARegionWhereEveryCallIsDeniedIsReportedOncePerListAndTheOtherRegionIsComplete()
        {
            var result = await ScanWith(o => o.DeniedRegions.Add("eu-south-1"));

            Assert.Equal(new[] { "eu-south-1" }, result.FailedRegions);
            Assert.Equal(
                new[] { "datasync:ListAgents", "datasync:ListLocations", "datasync:ListTaskExecutions", "datasync:ListTasks" },
                result.Issues.Select(i => i.IamAction).OrderBy(a => a, StringComparer.Ordinal));
            Assert.All(result.Issues, i =>
            {
                Assert.Equal(ScanIssueKind.AccessDenied, i.Kind);
                Assert.Equal("eu-south-1", i.Region);
                Assert.Equal("AccessDeniedException", i.ErrorCode);
                Assert.Null(i.Target);
            });
            Assert.Equal(OnlyRegion(_baseline, "us-east-1"), Fingerprint(result));
            AssertIssuesInWorkbook(result);
        }

        [Fact]
        public async Task OneOperationDeniedKeepsTheListedRowsAndReportsEachCall()
        {
            var agents = DataRegions.First().Agents.Select(a => (string)a["AgentArn"]!).OrderBy(a => a, StringComparer.Ordinal).ToList();
            var result = await ScanWith(o => o.DeniedOperations.Add("us-east-1:DescribeAgent"));

            Assert.Empty(result.FailedRegions);
            Assert.Equal(agents, result.Issues.Select(i => i.Target).OrderBy(a => a, StringComparer.Ordinal));
            Assert.All(result.Issues, i =>
            {
                Assert.Equal(ScanIssueKind.AccessDenied, i.Kind);
                Assert.Equal("us-east-1", i.Region);
                Assert.Equal("datasync:DescribeAgent", i.IamAction);
            });
            // Every agent is there once (from ListAgents), and everything else is as without the fault.
            Assert.Equal(_baselineResult.Agents.Select(a => a.AgentArn + "|" + a.Status), result.Agents.Select(a => a.AgentArn + "|" + a.Status));
            Assert.Equal(WithoutAgents(_baseline), WithoutAgents(Fingerprint(result)));
            AssertIssuesInWorkbook(result);
        }

        [Fact]
        public async Task ARegionNotEnabledIsOneIssueAndTheOtherRegionIsComplete()
        {
            var result = await ScanWith(o => o.DisabledRegions.Add("eu-south-1"));

            var issue = Assert.Single(result.Issues);
            Assert.Equal(ScanIssueKind.RegionNotEnabled, issue.Kind);
            Assert.Equal("eu-south-1", issue.Region);
            Assert.Equal("UnrecognizedClientException", issue.ErrorCode);
            Assert.Equal("everything in eu-south-1", issue.MissingData);
            Assert.Equal(new[] { "eu-south-1" }, result.FailedRegions);
            Assert.Equal(OnlyRegion(_baseline, "us-east-1"), Fingerprint(result));
            AssertIssuesInWorkbook(result);
        }

        [Fact]
        public async Task PagingThatNeverEndsStopsTheListingAndIsReported()
        {
            var result = await ScanWith(o => o.TokenLoopOperations.Add("us-east-1:ListTasks"));

            var issue = Assert.Single(result.Issues);
            Assert.Equal(ScanIssueKind.ServiceError, issue.Kind);
            Assert.Equal("us-east-1", issue.Region);
            Assert.Equal("datasync:ListTasks", issue.IamAction);
            Assert.Equal("PaginationError", issue.ErrorCode);
            Assert.Contains("tasks (listing incomplete)", issue.MissingData, StringComparison.Ordinal);
            // The listing stopped at the second page, when the token came back: its six tasks, each once.
            Assert.Equal(2, Server.Stats.GetCalls("ListTasks", "us-east-1"));
            var expectedTasks = DataRegions.First().Tasks.Take(6).Select(t => (string)t["TaskArn"]!).OrderBy(a => a, StringComparer.Ordinal);
            Assert.Equal(expectedTasks, result.Tasks.Where(t => t.Region == "us-east-1").Select(t => t.TaskArn));
            // Everything else is complete.
            Assert.Equal(_baselineResult.Tasks.Where(t => t.Region == "eu-south-1").Select(t => t.TaskArn), result.Tasks.Where(t => t.Region == "eu-south-1").Select(t => t.TaskArn));
            Assert.Equal(WithoutTasks(_baseline), WithoutTasks(Fingerprint(result)));
            AssertIssuesInWorkbook(result);
        }
    }
}
