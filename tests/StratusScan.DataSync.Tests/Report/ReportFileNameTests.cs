using System;
using System.IO;
using StratusScan.DataSync.Report;

namespace StratusScan.DataSync.Tests.Report
{
    public sealed class ReportFileNameTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "ss-name-" + Guid.NewGuid().ToString("N"));

        public ReportFileNameTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Theory]
        [InlineData("Production", "Production-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("111122223333", "111122223333-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("Team A/B\\C", "Team A_B_C-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("..\\..\\etc/passwd", "_.._etc_passwd-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("a<b>c:d\"e|f?g*h", "a_b_c_d_e_f_g_h-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("tab\there\u0001", "tab_here_-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("  .hidden. ", "hidden-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("", "unknown-account-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("  ...  ", "unknown-account-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("///", "unknown-account-datasync-all-export-03.07.2026.xlsx")]
        [InlineData(null, "unknown-account-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("CON", "CON_-datasync-all-export-03.07.2026.xlsx")]
        [InlineData("Übersee Konto é", "Übersee Konto é-datasync-all-export-03.07.2026.xlsx")]
        public void TheAccountNameIsMadeSafeForAFileName(string? account, string expected)
        {
            Assert.Equal(expected, ReportFileName.For(account, new DateTime(2026, 3, 7, 23, 59, 0)));
            Assert.Equal(-1, ReportFileName.For(account, new DateTime(2026, 3, 7)).IndexOfAny(Path.GetInvalidFileNameChars()));
        }

        [Fact]
        public void TheDateIsMonthDayYearWhateverTheCulture()
        {
            var saved = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = WorkbookWriterTests.German();
                Assert.Equal("x-datasync-all-export-12.31.2025.xlsx", ReportFileName.For("x", new DateTime(2025, 12, 31)));
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = saved;
            }
        }

        [Fact]
        public void NextFreeAppendsV2V3BeforeTheExtension()
        {
            const string name = "acct-datasync-all-export-03.07.2026.xlsx";
            Assert.Equal(name, ReportFileName.NextFree(_directory, name));
            File.WriteAllText(Path.Combine(_directory, name), "1");
            Assert.Equal("acct-datasync-all-export-03.07.2026-v2.xlsx", ReportFileName.NextFree(_directory, name));
            File.WriteAllText(Path.Combine(_directory, "acct-datasync-all-export-03.07.2026-v2.xlsx"), "2");
            Assert.Equal("acct-datasync-all-export-03.07.2026-v3.xlsx", ReportFileName.NextFree(_directory, name));
            File.WriteAllText(Path.Combine(_directory, "acct-datasync-all-export-03.07.2026-v4.xlsx"), "4");
            Assert.Equal("acct-datasync-all-export-03.07.2026-v3.xlsx", ReportFileName.NextFree(_directory, name));
        }
    }
}
