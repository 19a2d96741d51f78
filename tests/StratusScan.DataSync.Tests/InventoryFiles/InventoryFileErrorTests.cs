using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using StratusScan.DataSync.Inventory;
using StratusScan.DataSync.InventoryFiles;

namespace StratusScan.DataSync.Tests.InventoryFiles
{
    /// <summary>Every reader error with its problem and line, and the writer's atomicity.</summary>
    public sealed class InventoryFileErrorTests : IClassFixture<InventoryFileFixture>
    {
        private readonly InventoryFileFixture _fixture;

        public InventoryFileErrorTests(InventoryFileFixture fixture) => _fixture = fixture;

        /// <summary>A valid file of the first 3 tasks and 2 agents: header, then 5 object lines.</summary>
        private string ValidFile(string extension = ".jsonl")
        {
            var path = _fixture.NewPath(extension);
            using var writer = new InventoryFileWriter(path, overwrite: false);
            foreach (var task in _fixture.Scan.Tasks.Take(3)) writer.Add(task);
            foreach (var agent in _fixture.Scan.Agents.Take(2)) writer.Add(agent);
            writer.Complete(InventoryFileFixture.Header());
            return path;
        }

        private static InventoryFileException ReadAll(string path)
        {
            return Assert.Throws<InventoryFileException>(() =>
            {
                using var reader = InventoryFileReader.Open(path);
                reader.ReadObjects(CancellationToken.None).ToList();
            });
        }

        private static void AssertProblem(InventoryFileException e, string path, InventoryFileProblem problem, long line)
        {
            Assert.Equal(problem, e.Problem);
            Assert.Equal(line, e.LineNumber);
            Assert.Equal(Path.GetFullPath(path), e.Path);
            Assert.Contains(Path.GetFullPath(path), e.Message);
        }

        private static void Rewrite(string path, Func<string[], string[]> change) =>
            File.WriteAllText(path, string.Join("\n", change(File.ReadAllText(path).TrimEnd('\n').Split('\n'))) + "\n", new UTF8Encoding(false));

        [Theory]
        [InlineData("AccountId,Region\n111122223333,us-east-1\n")]
        [InlineData("")]
        [InlineData("{\"Kind\":\"Task\",\"TaskArn\":\"x\"}\n")]
        [InlineData("PK\u0003\u0004 not a zip either")]
        public void AFileWithoutAnInventoryHeaderIsNotAnInventoryFile(string content)
        {
            var path = _fixture.NewPath(".jsonl");
            File.WriteAllText(path, content);
            var e = Assert.Throws<InventoryFileException>(() => InventoryFileReader.Open(path));
            AssertProblem(e, path, InventoryFileProblem.NotAnInventoryFile, 1);
        }

        [Fact]
        public void AnotherFormatVersionNamesTheVersionFoundAndTheOneSupported()
        {
            var path = ValidFile();
            Rewrite(path, lines => { lines[0] = lines[0].Replace("\"FormatVersion\":1,", "\"FormatVersion\":2,"); return lines; });
            var e = Assert.Throws<InventoryFileException>(() => InventoryFileReader.Open(path));
            AssertProblem(e, path, InventoryFileProblem.UnsupportedFormatVersion, 1);
            Assert.Contains("format version 2", e.Message);
            Assert.Contains("reads version 1 only", e.Message);
        }

        [Fact]
        public void ALineThatIsNotJsonIsCorruptAtItsLineNumberAfterTheObjectsBeforeIt()
        {
            var path = ValidFile();
            Rewrite(path, lines => { lines[3] = lines[3].Substring(0, 40) + "#"; return lines; });
            using var reader = InventoryFileReader.Open(path);
            var read = 0;
            var e = Assert.Throws<InventoryFileException>(() => { foreach (var _ in reader.ReadObjects(CancellationToken.None)) read++; });
            AssertProblem(e, path, InventoryFileProblem.CorruptLine, 4);
            Assert.Equal(2, read);
            Assert.Contains("re-run", e.Message);
        }

        [Fact]
        public void AnUnknownKindIsACorruptLine()
        {
            var path = ValidFile();
            Rewrite(path, lines => { lines[2] = lines[2].Replace("{\"Kind\":\"Task\"", "{\"Kind\":\"Bucket\""); return lines; });
            var e = ReadAll(path);
            AssertProblem(e, path, InventoryFileProblem.CorruptLine, 3);
            Assert.Contains("Unknown Kind 'Bucket'", e.Message);
        }

        [Fact]
        public void MoreObjectsThanTheHeaderCountsIsACorruptLine()
        {
            var path = ValidFile();
            Rewrite(path, lines => lines.Concat(new[] { lines[1] }).ToArray());
            AssertProblem(ReadAll(path), path, InventoryFileProblem.CorruptLine, 7);
        }

        [Fact]
        public void ACorruptHeaderIsACorruptLineOne()
        {
            var path = ValidFile();
            Rewrite(path, lines => { lines[0] = lines[0].Replace("\"Regions\":[", "\"Regions\":3,\"X\":["); return lines; });
            var e = Assert.Throws<InventoryFileException>(() => InventoryFileReader.Open(path));
            AssertProblem(e, path, InventoryFileProblem.CorruptLine, 1);
        }

        [Fact]
        public void ALastLineWithoutItsEndIsTruncated()
        {
            var path = ValidFile();
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes.Take(bytes.Length - 30).ToArray());
            AssertProblem(ReadAll(path), path, InventoryFileProblem.Truncated, 6);
        }

        [Fact]
        public void FewerObjectsThanTheHeaderCountsIsTruncated()
        {
            var path = ValidFile();
            Rewrite(path, lines => lines.Take(5).ToArray());
            var e = ReadAll(path);
            AssertProblem(e, path, InventoryFileProblem.Truncated, 6);
            Assert.Contains("1 agents of the 2", e.Message);
        }

        [Fact]
        public void ACutGzipStreamIsTruncated()
        {
            var path = ValidFile(".jsonl.gz");
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes.Take(bytes.Length * 2 / 3).ToArray());
            var e = ReadAll(path);
            Assert.Equal(InventoryFileProblem.Truncated, e.Problem);
            Assert.InRange(e.LineNumber, 2, 6);
        }

        [Fact]
        public void AGzipFileIsRecognisedByItsBytesWhateverItsName()
        {
            var gz = ValidFile(".jsonl.gz");
            var renamed = _fixture.NewPath(".jsonl");
            File.Copy(gz, renamed);
            using var reader = InventoryFileReader.Open(renamed);
            Assert.Equal(5, reader.ReadObjects(CancellationToken.None).Count());
        }

        [Fact]
        public void AnExistingFileIsRefusedAtConstructionWithoutOverwrite()
        {
            var path = ValidFile();
            var e = Assert.Throws<InventoryFileExistsException>(() => new InventoryFileWriter(path, overwrite: false));
            Assert.IsAssignableFrom<IOException>(e);
            Assert.Contains("-Force", e.Message);
        }

        [Fact]
        public void DisposingWithoutCompleteLeavesTheExistingFileUntouchedAndNoTemporaryFile()
        {
            var path = ValidFile();
            var before = File.ReadAllBytes(path);
            using (var writer = new InventoryFileWriter(path, overwrite: true))
            {
                foreach (var task in _fixture.Scan.Tasks) writer.Add(task);
                Assert.Single(TemporaryFiles(path));
            }

            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Empty(TemporaryFiles(path));
        }

        [Fact]
        public void AFailureWhileCompletingLeavesNoPartialFile()
        {
            var path = _fixture.NewPath(".jsonl.gz");
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            using (var writer = new InventoryFileWriter(path, overwrite: false))
            {
                foreach (var execution in _fixture.Scan.Executions) writer.Add(execution);
                Assert.Throws<OperationCanceledException>(() => writer.Complete(InventoryFileFixture.Header(), cancelled.Token));
                Assert.Throws<ArgumentException>(() => writer.Add("not an object of the scan"));
            }

            Assert.False(File.Exists(path));
            Assert.Empty(TemporaryFiles(path));
        }

        [Fact]
        public void ReplacingWithOverwriteWritesTheNewContent()
        {
            var path = ValidFile();
            using (var writer = new InventoryFileWriter(path, overwrite: true))
            {
                writer.Add(_fixture.Scan.Locations[0]);
                writer.Complete(InventoryFileFixture.Header());
                Assert.Throws<ObjectDisposedException>(() => writer.Add(_fixture.Scan.Locations[1]));
            }

            using var reader = InventoryFileReader.Open(path);
            Assert.Equal(1, reader.Header.Counts.Locations);
            Assert.Equal(0, reader.Header.Counts.Tasks);
            Assert.Equal(_fixture.Scan.Locations[0].LocationArn, ((DataSyncLocation)reader.ReadObjects(CancellationToken.None).Single()).LocationArn);
            Assert.Empty(TemporaryFiles(path));
        }

        private static string[] TemporaryFiles(string path) =>
            Directory.GetFiles(Path.GetDirectoryName(path)!, ".~" + Path.GetFileName(path) + ".*");
    }
}
