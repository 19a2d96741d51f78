using System;
using System.IO;

namespace StratusScan.DataSync.Testing
{
    /// <summary>
    /// Files of the repository the tests read (the committed API models, the generated code), found from the
    /// test binaries by walking up to the solution file. One copy, linked into every test project.
    /// </summary>
    internal static class RepositoryFiles
    {
        private const string SolutionFile = "StratusScan.DataSync.sln";

        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        /// <summary>The repository's root folder (where the solution file is).</summary>
        public static string Root => RootPath.Value;

        /// <summary>The official DataSync API model, models/datasync-2018-11-09.json.</summary>
        public static string DataSyncModel => Existing(Path.Combine(Root, "models", "datasync-2018-11-09.json"));

        /// <summary>The official AWS Organizations API model, models/organizations-2016-11-28.json.</summary>
        public static string OrganizationsModel => Existing(Path.Combine(Root, "models", "organizations-2016-11-28.json"));

        /// <summary>A path under the repository root, from its parts.</summary>
        public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string Existing(string path) =>
            File.Exists(path) ? path : throw new FileNotFoundException("The repository file " + path + " is missing.", path);

        private static string FindRoot()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
            }
            throw new DirectoryNotFoundException(SolutionFile + " was not found above " + AppContext.BaseDirectory + ".");
        }
    }
}
