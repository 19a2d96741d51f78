using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.InventoryFiles
{
    /// <summary>
    /// Writes an inventory file (docs/inventory-format.md) as a scan's <see cref="IScanSink"/>: each object's line goes
    /// at once to a temporary body file beside the target (nothing is held in memory), counted per kind.
    /// <see cref="Complete"/> writes the header and the body into a second temporary file (gzip when the path ends in
    /// .gz) and renames it onto the path, so the file appears whole or not at all. Disposing without Complete deletes
    /// the temporary files and leaves an existing file untouched.
    /// </summary>
    public sealed class InventoryFileWriter : IScanSink, IDisposable
    {
        private readonly object _gate = new object();
        private readonly bool _overwrite;
        private readonly string _bodyPath;
        private FileStream? _body;
        private bool _completed;
        private long _tasks, _locations, _agents, _executions;

        /// <summary>
        /// Checks the target before anything is scanned: its folder must exist, and an existing file is an
        /// <see cref="InventoryFileExistsException"/> unless <paramref name="overwrite"/>.
        /// </summary>
        public InventoryFileWriter(string path, bool overwrite)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            Path = System.IO.Path.GetFullPath(path);
            _overwrite = overwrite;
            var directory = System.IO.Path.GetDirectoryName(Path) ?? throw new ArgumentException("The path has no folder: " + path, nameof(path));
            if (!Directory.Exists(directory)) throw new DirectoryNotFoundException("The folder '" + directory + "' does not exist.");
            if (Directory.Exists(Path)) throw new IOException("'" + Path + "' is a folder; give the inventory file's path.");
            if (!overwrite && File.Exists(Path)) throw new InventoryFileExistsException(Path);
            _bodyPath = System.IO.Path.Combine(directory, AtomicFile.TempName(System.IO.Path.GetFileName(Path), "body"));
            // DeleteOnClose: the body goes away with the stream whatever happens, even if Dispose is never reached.
            _body = new FileStream(_bodyPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        }

        /// <summary>The file's full path.</summary>
        public string Path { get; }

        /// <summary>True when the path ends in .gz (case-insensitive): the file is gzip-compressed.</summary>
        public bool Compressed => IsGzipPath(Path);

        public long Tasks { get { lock (_gate) return _tasks; } }
        public long Locations { get { lock (_gate) return _locations; } }
        public long Agents { get { lock (_gate) return _agents; } }
        public long Executions { get { lock (_gate) return _executions; } }

        /// <summary>Whether <paramref name="path"/> names a gzip-compressed inventory file.</summary>
        public static bool IsGzipPath(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

        public Task WriteAsync(object item, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Add(item);
            return Task.CompletedTask;
        }

        /// <summary>Writes one object's line to the body (thread-safe); anything but the four object classes is an ArgumentException.</summary>
        public void Add(object item)
        {
            var line = InventoryJson.SerializeObject(item);
            lock (_gate)
            {
                var body = _body ?? throw new ObjectDisposedException(nameof(InventoryFileWriter), _completed ? "The inventory file is already complete." : null);
                body.Write(line, 0, line.Length);
                body.WriteByte((byte)'\n');
                switch (item)
                {
                    case DataSyncTask _: _tasks++; break;
                    case DataSyncLocation _: _locations++; break;
                    case DataSyncAgent _: _agents++; break;
                    default: _executions++; break;
                }
            }
        }

        /// <summary>
        /// Sets the header's counts (keeping its ExecutionsOutsideWindow), writes the header and the objects into a
        /// temporary file and renames it onto <see cref="Path"/>. A failure leaves no partial file.
        /// </summary>
        public void Complete(InventoryHeader header, CancellationToken cancellationToken = default)
        {
            if (header is null) throw new ArgumentNullException(nameof(header));
            lock (_gate)
            {
                var body = _body ?? throw new ObjectDisposedException(nameof(InventoryFileWriter));
                header.Counts = new InventoryCounts
                {
                    Tasks = _tasks,
                    Locations = _locations,
                    Agents = _agents,
                    Executions = _executions,
                    ExecutionsOutsideWindow = header.Counts?.ExecutionsOutsideWindow ?? 0,
                };
                var temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, AtomicFile.TempName(System.IO.Path.GetFileName(Path)));
                try
                {
                    using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                    {
                        using (var output = Compressed ? (Stream)new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true) : new NonClosing(file))
                        {
                            var headerLine = InventoryJson.SerializeHeader(header);
                            output.Write(headerLine, 0, headerLine.Length);
                            output.WriteByte((byte)'\n');
                            body.Flush();
                            body.Position = 0;
                            var buffer = new byte[1 << 16];
                            int read;
                            while ((read = body.Read(buffer, 0, buffer.Length)) > 0)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                                output.Write(buffer, 0, read);
                            }
                        }

                        file.Flush(true);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    Commit(temp);
                }
                catch
                {
                    AtomicFile.TryDelete(temp);
                    throw;
                }

                _completed = true;
                body.Dispose();
                _body = null;
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _body?.Dispose();
                _body = null;
                AtomicFile.TryDelete(_bodyPath);
            }
        }

        private void Commit(string temp)
        {
            // Without -Force, an existing file (one that appeared since the check) is this module's own error; AtomicFile's
            // move would fail on it too, leaving it alone.
            if (!_overwrite && File.Exists(Path)) throw new InventoryFileExistsException(Path);
            AtomicFile.Commit(temp, Path, _overwrite);
        }

        // Lets the plain (uncompressed) path share the using block of the gzip one without closing the file early.
        private sealed class NonClosing : Stream
        {
            private readonly Stream _inner;
            public NonClosing(Stream inner) => _inner = inner;
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

    /// <summary>The inventory file exists and replacing it was not asked for (-Force).</summary>
    public sealed class InventoryFileExistsException : IOException
    {
        public InventoryFileExistsException(string path)
            : base("The inventory file '" + path + "' exists. Pass -Force to replace it, or give another -Path.") => Path = path;

        public string Path { get; }
    }
}
