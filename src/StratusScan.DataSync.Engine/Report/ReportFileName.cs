using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace StratusScan.DataSync.Report
{
    /// <summary>StratusScan's workbook file name: <c>{AccountName}-datasync-all-export-{MM.DD.YYYY}.xlsx</c>.</summary>
    public static class ReportFileName
    {
        public const string Extension = ".xlsx";
        public const string UnknownAccount = "unknown-account";

        // Invalid in a file name on Windows, macOS or Linux (plus the path separators of each).
        private const string InvalidChars = "<>:\"/\\|?*";

        /// <summary>The file name for an account on a (local) date; the account name is made safe for any OS.</summary>
        public static string For(string? accountName, DateTime localDate) =>
            SafeName(accountName) + "-datasync-all-export-" + localDate.ToString("MM'.'dd'.'yyyy", CultureInfo.InvariantCulture) + Extension;

        /// <summary>
        /// The account name with path separators, characters invalid in a file name on any OS and control
        /// characters replaced by '_', leading and trailing dots and spaces removed; empty gives "unknown-account".
        /// Names Windows reserves (CON, NUL, COM1, …) get a trailing '_'.
        /// </summary>
        public static string SafeName(string? accountName)
        {
            if (accountName is null) return UnknownAccount;
            var builder = new StringBuilder(accountName.Length);
            foreach (char c in accountName)
            {
                bool bad = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || InvalidChars.IndexOf(c) >= 0;
                builder.Append(bad ? '_' : c);
            }

            var name = builder.ToString().Trim(' ', '.', '\t');
            name = CellText.StripInvalid(name);
            if (name.Length == 0 || name.Trim('_').Length == 0) return UnknownAccount;
            if (name.Length > 100) name = name.Substring(0, char.IsHighSurrogate(name[99]) ? 99 : 100).TrimEnd(' ', '.');
            if (IsReservedOnWindows(name)) name += "_";
            return name;
        }

        /// <summary>
        /// <paramref name="fileName"/> when no such file exists in <paramref name="directory"/>, else the first free
        /// of <c>name-v2.xlsx</c>, <c>name-v3.xlsx</c>, …
        /// </summary>
        public static string NextFree(string directory, string fileName)
        {
            if (directory is null) throw new ArgumentNullException(nameof(directory));
            if (fileName is null) throw new ArgumentNullException(nameof(fileName));
            if (!File.Exists(Path.Combine(directory, fileName))) return fileName;

            string stem = Path.GetFileNameWithoutExtension(fileName);
            string extension = Path.GetExtension(fileName);
            for (int version = 2; ; version++)
            {
                string candidate = stem + "-v" + version.ToString(CultureInfo.InvariantCulture) + extension;
                if (!File.Exists(Path.Combine(directory, candidate))) return candidate;
            }
        }

        private static bool IsReservedOnWindows(string name)
        {
            int dot = name.IndexOf('.');
            string stem = (dot < 0 ? name : name.Substring(0, dot)).TrimEnd(' ').ToUpperInvariant();
            switch (stem)
            {
                case "CON": case "PRN": case "AUX": case "NUL":
                    return true;
            }

            return stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal))
                && stem[3] >= '1' && stem[3] <= '9';
        }
    }
}
