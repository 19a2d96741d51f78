using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.Report
{
    /// <summary>How the file is written: culture, a non-seekable stream, cancellation, overwrite, failures, sheet limits.</summary>
    public sealed partial class WorkbookWriterTests
    {
        [Fact]
        public void UnderAGermanCultureTheWorkbookIsByteForByteTheSame()
        {
            var directory = _fixture.NewDirectory();
            var saved = CultureInfo.CurrentCulture;
            var savedUi = CultureInfo.CurrentUICulture;
            string path = Path.Combine(directory, "de.xlsx");
            try
            {
                CultureInfo.CurrentCulture = German();
                CultureInfo.CurrentUICulture = German();
                Assert.Equal("1.234,5", 1234.5.ToString("N1")); // the culture is really in effect
                WorkbookWriter.WriteFile(path, Data, overwrite: false);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = savedUi;
            }

            Assert.Equal(File.ReadAllBytes(_fixture.WorkbookPath), File.ReadAllBytes(path));
            var sheets = WorkbookReader.Read(path);
            ExpectedColumns.AssertExecutions(sheets[4], Data.Executions.InSheetOrder());
        }

        /// <summary>de-DE, or (under invariant globalization) a culture with its separators and date order.</summary>
        internal static CultureInfo German()
        {
            try
            {
                return new CultureInfo("de-DE");
            }
            catch (CultureNotFoundException)
            {
                var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
                culture.NumberFormat.NumberDecimalSeparator = ",";
                culture.NumberFormat.NumberGroupSeparator = ".";
                culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
                culture.DateTimeFormat.LongTimePattern = "HH:mm:ss";
                culture.DateTimeFormat.DateSeparator = ".";
                return culture;
            }
        }

        [Fact]
        public void AWriteOnlyNonSeekableStreamIsEnough()
        {
            using var sink = new MemoryStream();
            var result = WorkbookWriter.Write(new WriteOnlyStream(sink), Data, CancellationToken.None);
            Assert.Null(result.Path);
            Assert.Equal(sink.Length, result.Bytes);
            var bytes = sink.ToArray();
            var sheets = WorkbookReader.Read(new MemoryStream(bytes));
            Assert.Equal(SheetOrder, sheets.Select(s => s.Name).ToArray());
            ExpectedColumns.AssertAgents(sheets[3], Data.Agents.InSheetOrder());
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(new OpenXmlValidator().Validate(document));
        }

        [Fact]
        public void CancellationMidWriteLeavesNoFileAndNoTemporaryFile()
        {
            var directory = _fixture.NewDirectory();
            string path = Path.Combine(directory, "cancelled.xlsx");
            using var cancellation = new CancellationTokenSource();
            var seen = new List<string>();
            var settings = new WriterSettings
            {
                CheckEvery = 5,
                OnRows = (sheet, rows) =>
                {
                    seen.Add(sheet);
                    if (sheet == "Recent Executions") cancellation.Cancel();
                },
            };

            Assert.ThrowsAny<OperationCanceledException>(() => WorkbookWriter.WriteFile(path, Data, false, cancellation.Token, settings));
            Assert.Contains("Tasks", seen); // it was well into the write
            Assert.Empty(Directory.GetFileSystemEntries(directory));
        }

        [Fact]
        public void AnExistingFileIsNeverTouchedWithoutOverwrite()
        {
            var directory = _fixture.NewDirectory();
            string path = Path.Combine(directory, "existing.xlsx");
            File.WriteAllText(path, "keep me");
            var stamp = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, stamp);

            Assert.Throws<IOException>(() => WorkbookWriter.WriteFile(path, Data, overwrite: false));
            Assert.Equal("keep me", File.ReadAllText(path));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
            Assert.Single(Directory.GetFileSystemEntries(directory));

            var result = WorkbookWriter.WriteFile(path, Data, overwrite: true);
            Assert.Equal(path, result.Path);
            Assert.Equal(SheetOrder, WorkbookReader.Read(path).Select(s => s.Name).ToArray());
            Assert.Single(Directory.GetFileSystemEntries(directory));
        }

        [Fact]
        public void AFailedWriteRemovesItsTemporaryFileAndLeavesNoTarget()
        {
            var directory = _fixture.NewDirectory();
            string path = Path.Combine(directory, "failing.xlsx");
            var settings = new WriterSettings { CheckEvery = 3, OnRows = (sheet, _) => { if (sheet == "Agents") throw new InvalidDataException("boom"); } };
            Assert.Throws<InvalidDataException>(() => WorkbookWriter.WriteFile(path, Data, false, CancellationToken.None, settings));
            Assert.Empty(Directory.GetFileSystemEntries(directory));
        }

        [Fact]
        public void RowsBeyondTheSheetLimitContinueOnFurtherSheetsAndNoneIsDropped()
        {
            var directory = _fixture.NewDirectory();
            string path = Path.Combine(directory, "overflow.xlsx");
            var result = WorkbookWriter.WriteFile(path, Data, false, CancellationToken.None, new WriterSettings { MaxDataRows = 3 });

            Assert.False(result.Overflowed);
            Assert.All(result.RowsNotWritten.Values, v => Assert.Equal(0, v));
            var sheets = WorkbookReader.Read(path);
            var tasks = Data.Tasks.InSheetOrder();
            var taskSheets = sheets.Where(s => s.Name == "Tasks" || s.Name.StartsWith("Tasks (", StringComparison.Ordinal)).ToList();
            Assert.Equal((tasks.Count + 2) / 3, taskSheets.Count);
            Assert.Equal(new[] { "Tasks", "Tasks (2)" }, taskSheets.Take(2).Select(s => s.Name));
            Assert.Equal(3, result.RowsPerSheet["Tasks"]);
            for (int i = 0; i < taskSheets.Count; i++)
            {
                ExpectedColumns.AssertTasks(taskSheets[i], tasks.Skip(3 * i).Take(3).ToList());
            }

            // Each continuation sheet follows its sheet; the next kind starts after the last of them.
            int first = sheets.FindIndex(s => s.Name == "Tasks");
            Assert.Equal("Locations", sheets[first + taskSheets.Count].Name);

            var header = new SummaryView(sheets[0]).Block(null);
            long continuation = result.RowsPerSheet.Keys.Count(k => k.EndsWith(")", StringComparison.Ordinal));
            Assert.Equal((double)continuation, header["Continuation Sheets"]);
            Assert.StartsWith(tasks.Count.ToString("N0", CultureInfo.InvariantCulture) + " rows on " + taskSheets.Count + " sheets: Tasks, Tasks (2), Tasks (3)",
                (string)header["Continued: Tasks"]!, StringComparison.Ordinal);
            Assert.False(header.ContainsKey("Rows Not Written (Sheet Full)"));
            Assert.Empty(new OpenXmlValidator().Validate(SpreadsheetDocument.Open(path, false)));
        }

        private sealed class WriteOnlyStream : Stream
        {
            private readonly Stream _inner;

            public WriteOnlyStream(Stream inner) => _inner = inner;

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() => _inner.Flush();
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
        }
    }
}
