using System;
using System.IO;

namespace StratusScan.DataSync.Tests.Aws
{
    internal static class TestPaths
    {
        /// <summary>shared/aws-models/datasync-2018-11-09.json, found by walking up from the test binaries
        /// (shared/ sits beside the repository, or inside it).</summary>
        public static string? FindDataSyncModel()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "aws-models", "datasync-2018-11-09.json");
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }
}
