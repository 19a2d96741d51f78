using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;
using StratusScan.DataSync.Report;
using static StratusScan.DataSync.Tests.InventoryFiles.MemorySource;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    /// <summary>Planning a merge from the headers alone: which file supplies each account and Region, and what the Summary says.</summary>
    public sealed class MergePlanTests
    {
        private const string A = "111122223333";
        private const string B = "444455556666";
        private static readonly string[] East = { "us-east-1" };
        private static readonly string[] Both = { "us-east-1", "eu-west-1" };
        private static readonly ReportNaming Naming = new ReportNaming(null, AccountNames.None, "Example Org");

        private static InventoryMerge Plan(params IInventorySource[] sources) => InventoryMerge.Plan(sources);

        [Fact]
        public void TheNewerScanOfAPairWinsWithAWarningAndANoteAndOnlyItsRowsAreAdded()
        {
            var old = new MemorySource("/in/old.jsonl", HeaderOf(Monday, new[] { A }, Both), new object[] { Task(A, "us-east-1", "old1"), Task(A, "eu-west-1", "old2") });
            var newer = new MemorySource("/in/new.jsonl", HeaderOf(Monday.AddHours(3), new[] { A }, East), new object[] { Task(A, "us-east-1", "new1") });
            var merge = Plan(newer, old);

            Assert.True(merge.Wins(0, A, "us-east-1"));
            Assert.False(merge.Wins(1, A, "us-east-1"));
            Assert.True(merge.Wins(1, A, "eu-west-1"));
            var expected = "Account 111122223333 us-east-1: the scan of '/in/new.jsonl' at 2026-11-30 11:00:00 UTC replaces that of '/in/old.jsonl' at 2026-11-30 08:00:00 UTC.";
            Assert.Equal(new[] { expected }, merge.Warnings);
            var data = merge.Describe(Naming);
            Assert.Equal(new[] { expected }, data.Notes);

            using var builder = new ReportBuilder();
            var counts = merge.Stream(builder, null, CancellationToken.None);
            Assert.Equal(2, counts.Added);
            Assert.Equal(1, counts.Skipped);
            Assert.Equal(2, builder.Tasks);
            Assert.Equal(1, newer.Reads);
            Assert.Equal(1, old.Reads);
        }

        [Fact]
        public void ATieGoesToTheLaterFileAndAFileThatSuppliesNothingIsSaid()
        {
            var first = new MemorySource("/in/1.jsonl", HeaderOf(Monday, new[] { A }, East));
            var second = new MemorySource("/in/2.jsonl", HeaderOf(Monday, new[] { A }, East));
            var merge = Plan(first, second);

            Assert.False(merge.Wins(0, A, "us-east-1"));
            Assert.True(merge.Wins(1, A, "us-east-1"));
            Assert.Equal(new[] { 1 }, merge.Contributing());
            Assert.Equal(2, merge.Warnings.Count);
            Assert.Equal("'/in/1.jsonl' adds nothing: every account and Region it covers is in a newer file.", merge.Warnings[1]);
        }

        [Fact]
        public void DifferentWindowsAreAWarningAndTheSummaryShowsEachWithItsFiles()
        {
            var thirty = new MemorySource("/in/a.jsonl", HeaderOf(Monday, new[] { A }, East, days: 30));
            var seven = new MemorySource("/in/b.jsonl", HeaderOf(Monday.AddMinutes(5), new[] { B }, East, days: 7));
            var alsoThirty = new MemorySource("/in/c.jsonl", HeaderOf(Monday.AddMinutes(9), new[] { "777788889999" }, East, days: 30));
            var merge = Plan(thirty, seven, alsoThirty);

            Assert.Equal(new[] { "The files used different execution windows, so their executions cover different periods: 30 days (2 file(s)); 7 days (1 file(s)). The Summary shows each." }, merge.Warnings);
            var data = merge.Describe(Naming);
            Assert.Equal(new[]
            {
                "Execution window 30 days (from 2026-10-31 08:00:00 UTC): '/in/a.jsonl', '/in/c.jsonl'",
                "Execution window 7 days (from 2026-11-23 08:05:00 UTC): '/in/b.jsonl'",
            }, data.Notes);
            Assert.Equal("30 days (the first file's; other files used other windows: see Notes)", data.Window!.Description);
            Assert.Equal(Monday.AddDays(-30), data.Window.SinceUtc);
        }

        [Fact]
        public void TheSameWindowInDaysIsOneWindowFromItsEarliestStartToTheLatestScan()
        {
            var merge = Plan(new MemorySource("/in/a", HeaderOf(Monday, new[] { A }, East)), new MemorySource("/in/b", HeaderOf(Monday.AddHours(1), new[] { B }, East)));
            Assert.Empty(merge.Warnings);
            var data = merge.Describe(Naming);
            Assert.Empty(data.Notes);
            Assert.Equal("30 days", data.Window!.Description);
            Assert.Equal(Monday.AddDays(-30), data.Window.SinceUtc);
            Assert.Equal(Monday.AddHours(1), data.Window.NowUtc);
            Assert.Equal(Monday, data.ScanTimeUtc);
        }

        [Fact]
        public void FilesOfDifferentPartitionsCannotBeMerged()
        {
            var gov = HeaderOf(Monday, new[] { A }, new[] { "us-gov-west-1" });
            gov.Partition = "aws-us-gov";
            var e = Assert.Throws<InventoryMergeException>(() => Plan(new MemorySource("/in/a", HeaderOf(Monday, new[] { B }, East)), new MemorySource("/in/gov", gov)));
            Assert.Equal("InventoryPartitionMismatch", e.ErrorId);
            Assert.Equal("/in/gov", e.Target);
            Assert.Contains("aws-us-gov", e.Message);
            Assert.Equal("NoInventoryFile", Assert.Throws<InventoryMergeException>(() => InventoryMerge.Plan(Array.Empty<IInventorySource>())).ErrorId);
        }

        [Fact]
        public void AnAccountIsScannedUnlessEveryFileThatSuppliesItCouldNotScanIt()
        {
            var failedOld = HeaderOf(Monday, new[] { A, B }, East);
            failedOld.Accounts[0].Status = InventoryAccountStatus.NotScanned;
            failedOld.Accounts[1].Status = InventoryAccountStatus.NotScanned;
            var retry = HeaderOf(Monday.AddHours(1), new[] { A }, East);
            var merge = Plan(new MemorySource("/in/org", failedOld), new MemorySource("/in/retry", retry));
            var data = merge.Describe(Naming);

            Assert.Equal(new[] { (A, true), (B, false) }, data.Accounts.Select(a => (a.AccountId, a.Scanned)));
            Assert.Equal("Example Org", data.AccountName);
            Assert.Equal(string.Empty, data.AccountId);
        }

        [Fact]
        public void ANewerScanThatCouldNotScanAnAccountKeepsTheOlderDataOfItWithAWarning()
        {
            var good = HeaderOf(Monday, new[] { A, B }, East);
            var failedRerun = HeaderOf(Monday.AddHours(1), new[] { A, B }, East);
            failedRerun.Accounts[0].Status = InventoryAccountStatus.NotScanned;
            var merge = Plan(new MemorySource("/in/good", good), new MemorySource("/in/failed", failedRerun));

            // A: the failed re-run does not hide the data already collected; B: the newer, scanned, wins as ever.
            Assert.True(merge.Wins(0, A, "us-east-1"));
            Assert.False(merge.Wins(1, A, "us-east-1"));
            Assert.True(merge.Wins(1, B, "us-east-1"));
            Assert.False(merge.Wins(0, B, "us-east-1"));
            var data = merge.Describe(Naming);
            Assert.Equal(new[] { (A, true), (B, true) }, data.Accounts.Select(a => (a.AccountId, a.Scanned)));
            var kept = Assert.Single(merge.Warnings, w => w.StartsWith("Account " + A, StringComparison.Ordinal));
            Assert.Contains("the newer scan of '/in/failed'", kept);
            Assert.Contains("could not scan the account, so the data of '/in/good'", kept);
            Assert.Contains(kept, data.Notes);
            Assert.Contains(merge.Warnings, w => w.StartsWith("Account " + B, StringComparison.Ordinal) && w.Contains("replaces that of '/in/good'"));
        }

        [Fact]
        public void IssuesComeFromTheFileThatSuppliesTheirPairAndAnAccountWideIssueFromAFileThatSuppliesAnyPairOfIt()
        {
            var old = HeaderOf(Monday, new[] { A, B }, Both);
            old.Issues = new[]
            {
                new ScanIssue(ScanIssueKind.AccessDenied, "us-east-1", "ListTasks", null, "AccessDeniedException", "denied", "tasks", A),
                new ScanIssue(ScanIssueKind.AccessDenied, "eu-west-1", "ListAgents", null, "AccessDeniedException", "denied", "agents", A),
                new ScanIssue(ScanIssueKind.Throttled, string.Empty, "ListTasks", null, null, "slow", "tasks", B),
            };
            var newer = HeaderOf(Monday.AddHours(1), new[] { A }, East);
            newer.Issues = new[] { new ScanIssue(ScanIssueKind.Network, "us-east-1", "ListLocations", null, null, "reset", "locations") };
            var newB = HeaderOf(Monday.AddHours(1), new[] { B }, Both);
            var data = Plan(new MemorySource("/in/old", old), new MemorySource("/in/new", newer), new MemorySource("/in/newB", newB)).Describe(Naming);

            // A us-east-1 comes from /in/new (its issue, given the account), A eu-west-1 from /in/old; B entirely from /in/newB.
            Assert.Equal(new[] { ("ListAgents", A), ("ListLocations", A) }, data.Issues.Select(i => (i.Operation, i.AccountId)).OrderBy(x => x.Operation));
            Assert.Equal(new[] { "us-east-1", "eu-west-1" }, data.Regions);
        }

        [Fact]
        public void OneAccountIsNamedAsAScanOfItWouldBeAndAScanOfTheCallersOwnAccountListsNoAccounts()
        {
            var own = HeaderOf(Monday, new[] { A }, East, caller: "arn:aws:iam::111122223333:user/auditor");
            own.Issues = new[] { new ScanIssue(ScanIssueKind.AccessDenied, "us-east-1", "ListTasks", null, "AccessDeniedException", "denied", "tasks") };
            own.Kinds = ResourceKinds.Tasks | ResourceKinds.Agents;
            own.TaggedKinds = ResourceKinds.Agents;
            var data = Plan(new MemorySource("/in/own", own)).Describe(new ReportNaming(null, new AccountNames(new Dictionary<string, string> { [A] = "Prod" }), "Example Org"));
            Assert.Equal(A, data.AccountId);
            Assert.Equal("Prod", data.AccountName);
            Assert.Empty(data.Accounts);
            Assert.Equal(string.Empty, Assert.Single(data.Issues).AccountId);
            Assert.Equal("arn:aws:iam::111122223333:user/auditor", data.CallerArn);
            Assert.Equal(ResourceKinds.Tasks | ResourceKinds.Agents, data.Supplied);
            Assert.True(data.TagsCollected);

            var role = Plan(new MemorySource("/in/role", HeaderOf(Monday, new[] { B }, East))).Describe(new ReportNaming("Given", AccountNames.None, null));
            Assert.Equal("Given", role.AccountName);
            Assert.Equal(B, Assert.Single(role.Accounts).AccountId);
            Assert.False(role.TagsCollected);
        }

        [Fact]
        public void SeveralCallersAreEachShown()
        {
            var other = HeaderOf(Monday, new[] { B }, East, caller: "arn:aws:sts::999999999999:assumed-role/Other/s");
            var data = Plan(new MemorySource("/in/a", HeaderOf(Monday, new[] { A }, East)), new MemorySource("/in/b", other)).Describe(Naming);
            Assert.Equal("several: arn:aws:sts::111122223333:assumed-role/Audit/s; arn:aws:sts::999999999999:assumed-role/Other/s", data.CallerArn);
        }

        [Fact]
        public void ObjectsOfAScanOfTheCallersOwnAccountWithoutAnAccountIdBelongToItsOneAccount()
        {
            var untagged = Task(string.Empty, "us-east-1", "x");
            var old = new MemorySource("/in/old", HeaderOf(Monday, new[] { A }, East), new object[] { untagged, Execution(string.Empty, "us-east-1", "x", Monday.AddDays(-1)) });
            var newer = new MemorySource("/in/new", HeaderOf(Monday.AddHours(1), new[] { A }, East), new object[] { Task(A, "us-east-1", "y") });
            using var builder = new ReportBuilder();
            var counts = Plan(old, newer).Stream(builder, null, CancellationToken.None);
            Assert.Equal(1, counts.Added);
            Assert.Equal(2, counts.Skipped);
            Assert.Equal(0, builder.Executions);
        }

        [Fact]
        public void ACorruptFileStopsTheMergeWithItsFileAndLine()
        {
            var bad = new FailingSource("/in/bad.jsonl.gz", HeaderOf(Monday, new[] { B }, East), afterObjects: 1);
            var merge = Plan(new MemorySource("/in/good", HeaderOf(Monday, new[] { A }, East), new object[] { Task(A, "us-east-1", "1") }), bad);
            var seen = new List<string>();
            using var builder = new ReportBuilder();
            var e = Assert.Throws<InventoryFileException>(() => merge.Stream(builder, (i, s) => seen.Add(i + " " + s.Path), CancellationToken.None));
            Assert.Equal(("/in/bad.jsonl.gz", 3L, InventoryFileProblem.CorruptLine), (e.Path, e.LineNumber, e.Problem));
            Assert.Equal(new[] { "0 /in/good", "1 /in/bad.jsonl.gz" }, seen);
        }

        [Fact]
        public void TheSummaryShowsTheNotesAfterItsHeaderBlockAndAReportWithoutNotesHasNoNotesRows()
        {
            var old = new MemorySource("/in/old", HeaderOf(Monday, new[] { A }, East), new object[] { Task(A, "us-east-1", "1") });
            var newer = new MemorySource("/in/new", HeaderOf(Monday.AddHours(2), new[] { A }, East), new object[] { Task(A, "us-east-1", "2") });
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "merge-notes-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(folder);
            try
            {
                var merge = Plan(old, newer);
                var path = System.IO.Path.Combine(folder, "merged.xlsx");
                using (var builder = new ReportBuilder())
                {
                    merge.Stream(builder, null, CancellationToken.None);
                    builder.WriteFile(path, ReportData.FromInventory(merge, Naming), overwrite: false);
                }

                var summary = Tests.Report.WorkbookReader.Read(path).Single(s => s.Name == "Summary").Rows;
                int notes = summary.FindIndex(r => r.Length > 0 && r[0] as string == "Notes");
                Assert.True(notes > summary.FindIndex(r => r.Length > 0 && r[0] as string == "Execution Window"));
                Assert.True(notes < summary.FindIndex(r => r.Length > 0 && r[0] as string == "Tasks"));
                Assert.Equal(2.0, summary[notes][1]);
                Assert.StartsWith("Account 111122223333 us-east-1: the scan of '/in/new'", (string)summary[notes + 1][0]!);
                Assert.Equal("'/in/old' adds nothing: every account and Region it covers is in a newer file.", summary[notes + 2][0]);
                Assert.Equal("task 2", Tests.Report.WorkbookReader.Read(path).Single(s => s.Name == "Tasks").Cell(0, "Task Name"));

                var plain = System.IO.Path.Combine(folder, "plain.xlsx");
                WorkbookWriter.WriteFile(plain, new ReportData { AccountId = A, ScanTimeUtc = Monday }, overwrite: false);
                Assert.DoesNotContain(Tests.Report.WorkbookReader.Read(plain).Single(s => s.Name == "Summary").Rows, r => r.Length > 0 && r[0] as string == "Notes");
            }
            finally
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void AFileSourceHoldsNothingOpenBetweenItsHeaderAndItsObjectsAndRefusesAFileThatChanged()
        {
            var header = HeaderOf(Monday, new[] { A }, East);
            var opened = new List<DisposableSource>();
            IInventorySource Open(string path)
            {
                var source = new DisposableSource(path, header, new object[] { Task(A, "us-east-1", "1"), Task(A, "us-east-1", "2") });
                opened.Add(source);
                return source;
            }

            var file = InventoryFileSource.Read("/in/a.jsonl", Open);
            Assert.Same(header, file.Header);
            Assert.True(Assert.Single(opened).Disposed, "the header is read and the file closed");
            var objects = file.ReadObjects(CancellationToken.None);
            Assert.Single(opened);
            Assert.Equal(2, objects.Count());
            Assert.Equal(2, opened.Count);
            Assert.True(opened[1].Disposed, "closed once its objects are read");

            header = HeaderOf(Monday.AddHours(1), new[] { A }, East);
            var e = Assert.Throws<InventoryFileException>(() => file.ReadObjects(CancellationToken.None).ToList());
            Assert.Equal(("/in/a.jsonl", 1L), (e.Path, e.LineNumber));
            Assert.True(opened[2].Disposed);
        }

        private sealed class DisposableSource : IInventorySource, IDisposable
        {
            private readonly MemorySource _inner;

            public DisposableSource(string path, InventoryHeader header, object[] objects) => _inner = new MemorySource(path, header, objects);

            public string Path => _inner.Path;
            public InventoryHeader Header => _inner.Header;
            public bool Disposed { get; private set; }

            public IEnumerable<object> ReadObjects(CancellationToken cancellationToken) => _inner.ReadObjects(cancellationToken);

            public void Dispose() => Disposed = true;
        }

        private sealed class FailingSource : IInventorySource
        {
            private readonly int _afterObjects;

            public FailingSource(string path, InventoryHeader header, int afterObjects)
            {
                Path = path;
                Header = header;
                _afterObjects = afterObjects;
            }

            public string Path { get; }
            public InventoryHeader Header { get; }

            public IEnumerable<object> ReadObjects(CancellationToken cancellationToken)
            {
                for (int i = 0; i < _afterObjects; i++) yield return Task(Header.Accounts[0].AccountId, "us-east-1", "ok" + i);
                throw new InventoryFileException(Path, 2 + _afterObjects, InventoryFileProblem.CorruptLine, Path + " line 3 is not valid JSON.");
            }
        }
    }
}
