using System;
using System.Collections.Generic;
using System.Threading;

namespace StratusScan.DataSync.InventoryFiles
{
    /// <summary>
    /// An inventory file that holds nothing open between its header and its objects: <see cref="Read"/> opens the file,
    /// keeps its header and closes it; <see cref="ReadObjects"/> opens it again and closes it at the end. A merge of a
    /// thousand files thus holds a thousand headers, never a thousand open streams and their buffers.
    /// </summary>
    public sealed class InventoryFileSource : IInventorySource
    {
        private readonly Func<string, IInventorySource> _open;

        private InventoryFileSource(string path, InventoryHeader header, Func<string, IInventorySource> open)
        {
            Path = path;
            Header = header;
            _open = open;
        }

        public string Path { get; }
        public InventoryHeader Header { get; }

        /// <summary>Reads the header of the file at <paramref name="path"/> through <paramref name="open"/> (e.g. InventoryFileReader.Open) and closes it.</summary>
        public static InventoryFileSource Read(string path, Func<string, IInventorySource> open)
        {
            if (open is null) throw new ArgumentNullException(nameof(open));
            var source = open(path);
            try
            {
                return new InventoryFileSource(source.Path, source.Header, open);
            }
            finally
            {
                (source as IDisposable)?.Dispose();
            }
        }

        /// <summary>The objects, the file opened again (a file changed since its header was read is <see cref="InventoryFileProblem.CorruptLine"/> at line 1).</summary>
        public IEnumerable<object> ReadObjects(CancellationToken cancellationToken)
        {
            var source = _open(Path);
            try
            {
                if (source.Header.ScanStartUtc != Header.ScanStartUtc || source.Header.Counts.Tasks != Header.Counts.Tasks || source.Header.Counts.Executions != Header.Counts.Executions)
                {
                    throw new InventoryFileException(Path, 1, InventoryFileProblem.CorruptLine,
                        "'" + Path + "' changed while it was being merged (its header is not the one read first). Run the merge again.");
                }

                foreach (var item in source.ReadObjects(cancellationToken)) yield return item;
            }
            finally
            {
                (source as IDisposable)?.Dispose();
            }
        }
    }
}
