using System;
using System.Globalization;
using System.IO;

namespace StratusScan.DataSync
{
    /// <summary>
    /// The one way the module puts a finished file in place (the workbook, an inventory file): written whole to a
    /// temporary file beside the target, then moved or swapped onto it, so a reader never sees half a file.
    /// </summary>
    internal static class AtomicFile
    {
        /// <summary>A hidden temporary name beside <paramref name="fileName"/>: ".~name.guid.suffix".</summary>
        public static string TempName(string fileName, string suffix = "tmp") =>
            ".~" + fileName + "." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + "." + suffix;

        /// <summary>
        /// Moves <paramref name="temp"/> onto <paramref name="full"/>. Without <paramref name="overwrite"/> the move fails,
        /// leaving an existing file alone, if one appeared since the caller checked; with it an existing file is replaced.
        /// </summary>
        public static void Commit(string temp, string full, bool overwrite)
        {
            if (!overwrite)
            {
                File.Move(temp, full);
                return;
            }

            if (File.Exists(full))
            {
                File.Replace(temp, full, null, ignoreMetadataErrors: true);
                return;
            }

            try
            {
                File.Move(temp, full);
            }
            catch (IOException) when (File.Exists(full))
            {
                File.Replace(temp, full, null, ignoreMetadataErrors: true);
            }
        }

        /// <summary>Deletes a temporary file, if it is there; a file that cannot be deleted is left behind.</summary>
        public static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
