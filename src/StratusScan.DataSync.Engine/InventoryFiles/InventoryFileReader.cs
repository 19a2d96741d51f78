using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text.Json;
using System.Threading;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.InventoryFiles
{
    /// <summary>
    /// Reads an inventory file (docs/inventory-format.md), plain or gzip (recognised by its first bytes, whatever its
    /// name): <see cref="Open"/> reads and checks the header; <see cref="ReadObjects"/> streams the objects one line at
    /// a time. Every problem is an <see cref="InventoryFileException"/> naming the file and the line.
    /// </summary>
    public sealed class InventoryFileReader : IInventorySource, IDisposable
    {
        private const string Advice = " Write the file again (re-run the Export-SSDataSyncInventory of that shard).";
        private readonly Stream _stream;
        private readonly LineReader _lines;
        private bool _read;

        private InventoryFileReader(string path, Stream stream, LineReader lines, InventoryHeader header)
        {
            Path = path;
            _stream = stream;
            _lines = lines;
            Header = header;
        }

        public string Path { get; }
        public InventoryHeader Header { get; }

        /// <summary>
        /// Opens the file and reads line 1. FileNotFoundException when it does not exist; InventoryFileException
        /// (NotAnInventoryFile, UnsupportedFormatVersion, CorruptLine, Truncated) when line 1 is not a header this module reads.
        /// </summary>
        public static InventoryFileReader Open(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            try
            {
                var stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
                var lines = new LineReader(stream);
                var header = ReadHeader(full, lines);
                return new InventoryFileReader(full, stream, lines, header);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        private static bool IsGzip(FileStream file)
        {
            var magic = new byte[2];
            var read = file.Read(magic, 0, 2);
            file.Position = 0;
            return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        }

        private static InventoryHeader ReadHeader(string path, LineReader lines)
        {
            byte[]? line;
            bool ended;
            try
            {
                line = lines.Next(out ended);
            }
            catch (Exception e) when (e is InvalidDataException || e is EndOfStreamException)
            {
                throw new InventoryFileException(path, 1, InventoryFileProblem.NotAnInventoryFile,
                    "'" + path + "' is not an inventory file: it cannot be read as gzip (" + e.Message + ").", e);
            }

            string? format = null;
            int? version = null;
            if (line != null)
            {
                try
                {
                    using var document = JsonDocument.Parse(line);
                    if (document.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        if (document.RootElement.TryGetProperty("Format", out var f) && f.ValueKind == JsonValueKind.String) format = f.GetString();
                        if (document.RootElement.TryGetProperty("FormatVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)) version = n;
                    }
                }
                catch (JsonException)
                {
                    // Not JSON: not an inventory file.
                }
            }

            if (format != InventoryHeader.FormatName)
            {
                throw new InventoryFileException(path, 1, InventoryFileProblem.NotAnInventoryFile,
                    "'" + path + "' is not an inventory file: line 1 is not a header with \"Format\": \"" + InventoryHeader.FormatName + "\". Give a .jsonl or .jsonl.gz file written by Export-SSDataSyncInventory.");
            }

            if (version != InventoryHeader.CurrentFormatVersion)
            {
                throw new InventoryFileException(path, 1, InventoryFileProblem.UnsupportedFormatVersion,
                    "'" + path + "' line 1: the header is of inventory format version " + (version?.ToString(CultureInfo.InvariantCulture) ?? "(none)") + "; this module (" + EngineInfo.Version
                    + ") reads version " + InventoryHeader.CurrentFormatVersion + " only. Read it with the module version that wrote it, or write it again with this one.");
            }

            if (!ended)
            {
                throw new InventoryFileException(path, 1, InventoryFileProblem.Truncated, "'" + path + "' ends in the middle of line 1 (the header): the file is cut short." + Advice);
            }

            try
            {
                return InventoryJson.DeserializeHeader(line!);
            }
            catch (Exception e) when (e is JsonException || e is NotSupportedException || e is ArgumentException || e is InvalidOperationException)
            {
                throw new InventoryFileException(path, 1, InventoryFileProblem.CorruptLine, "'" + path + "' line 1: the header cannot be read (" + e.Message + ")." + Advice, e);
            }
        }

        /// <summary>
        /// The objects in file order, one line read per item. Throws <see cref="InventoryFileException"/>: CorruptLine
        /// (bad JSON, unknown Kind, more objects than the header counts), Truncated (cut gzip stream, a last line without
        /// its end, fewer objects than the header counts). Can be enumerated once.
        /// </summary>
        public IEnumerable<object> ReadObjects(CancellationToken cancellationToken)
        {
            if (_read) throw new InvalidOperationException("The objects of '" + Path + "' have already been read.");
            _read = true;
            return Objects(cancellationToken);
        }

        private IEnumerable<object> Objects(CancellationToken cancellationToken)
        {
            var expected = Header.Counts ?? new InventoryCounts();
            var counts = new long[4];
            long lineNumber = 1;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                byte[]? line;
                bool ended;
                lineNumber++;
                try
                {
                    line = _lines.Next(out ended);
                }
                catch (Exception e) when (e is InvalidDataException || e is EndOfStreamException)
                {
                    throw new InventoryFileException(Path, lineNumber, InventoryFileProblem.Truncated,
                        "'" + Path + "' line " + lineNumber + ": the gzip stream is cut short or damaged (" + e.Message + ")." + Advice, e);
                }

                if (line is null) break;
                if (!ended)
                {
                    throw new InventoryFileException(Path, lineNumber, InventoryFileProblem.Truncated,
                        "'" + Path + "' line " + lineNumber + " has no line end: the file is cut short." + Advice);
                }

                object item;
                try
                {
                    item = InventoryJson.DeserializeObject(line);
                }
                catch (Exception e) when (e is JsonException || e is NotSupportedException || e is ArgumentException || e is InvalidOperationException)
                {
                    throw new InventoryFileException(Path, lineNumber, InventoryFileProblem.CorruptLine,
                        "'" + Path + "' line " + lineNumber + " is not an inventory object: " + e.Message + Advice, e);
                }

                var index = IndexOf(item);
                if (++counts[index] > Expected(expected, index))
                {
                    throw new InventoryFileException(Path, lineNumber, InventoryFileProblem.CorruptLine,
                        "'" + Path + "' line " + lineNumber + ": more " + Plural(index) + " than the header counts (" + Expected(expected, index).ToString(CultureInfo.InvariantCulture) + ")." + Advice);
                }

                yield return item;
            }

            for (var index = 0; index < 4; index++)
            {
                if (counts[index] < Expected(expected, index))
                {
                    throw new InventoryFileException(Path, lineNumber, InventoryFileProblem.Truncated,
                        "'" + Path + "' ends at line " + (lineNumber - 1).ToString(CultureInfo.InvariantCulture) + " with " + counts[index].ToString(CultureInfo.InvariantCulture) + " " + Plural(index)
                        + " of the " + Expected(expected, index).ToString(CultureInfo.InvariantCulture) + " its header counts: the file is cut short." + Advice);
                }
            }
        }

        private static int IndexOf(object item) => item switch
        {
            DataSyncTask _ => 0,
            DataSyncLocation _ => 1,
            DataSyncAgent _ => 2,
            _ => 3,
        };

        private static long Expected(InventoryCounts counts, int index) => index switch
        {
            0 => counts.Tasks,
            1 => counts.Locations,
            2 => counts.Agents,
            _ => counts.Executions,
        };

        private static string Plural(int index) => index switch
        {
            0 => "tasks",
            1 => "locations",
            2 => "agents",
            _ => "executions",
        };

        public void Dispose() => _stream.Dispose();

        /// <summary>Splits a stream into lines at '\n' (a '\r' before it is dropped), telling whether each line had its end.</summary>
        private sealed class LineReader
        {
            private readonly Stream _stream;
            private readonly byte[] _buffer = new byte[1 << 16];
            private int _position, _length;
            private readonly MemoryStream _line = new MemoryStream();

            public LineReader(Stream stream) => _stream = stream;

            /// <summary>The next line without its end; null at the end of the stream.</summary>
            public byte[]? Next(out bool ended)
            {
                _line.SetLength(0);
                while (true)
                {
                    if (_position == _length)
                    {
                        _length = _stream.Read(_buffer, 0, _buffer.Length);
                        _position = 0;
                        if (_length == 0)
                        {
                            ended = false;
                            return _line.Length == 0 ? null : _line.ToArray();
                        }
                    }

                    var end = Array.IndexOf(_buffer, (byte)'\n', _position, _length - _position);
                    if (end >= 0)
                    {
                        _line.Write(_buffer, _position, end - _position);
                        _position = end + 1;
                        ended = true;
                        var bytes = _line.ToArray();
                        return bytes.Length > 0 && bytes[bytes.Length - 1] == (byte)'\r' ? Trim(bytes) : bytes;
                    }

                    _line.Write(_buffer, _position, _length - _position);
                    _position = _length;
                }
            }

            private static byte[] Trim(byte[] bytes)
            {
                var trimmed = new byte[bytes.Length - 1];
                Buffer.BlockCopy(bytes, 0, trimmed, 0, trimmed.Length);
                return trimmed;
            }
        }
    }
}
