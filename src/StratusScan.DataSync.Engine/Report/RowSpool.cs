using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace StratusScan.DataSync.Report
{
    /// <summary>
    /// Where a row sorts: <see cref="Primary"/> ascending, then the three texts ordinal. A row of the inventory
    /// sheets is (0, account, Region, ARN); an execution is (-start ticks, execution ARN) so the newest comes first
    /// and an execution without a start time last.
    /// </summary>
    internal readonly struct RowKey
    {
        public RowKey(long primary, string? first, string? second, string? third)
        {
            Primary = primary;
            First = first ?? string.Empty;
            Second = second ?? string.Empty;
            Third = third ?? string.Empty;
        }

        public long Primary { get; }
        public string First { get; }
        public string Second { get; }
        public string Third { get; }

        public static RowKey Inventory(string? accountId, string? region, string? arn) => new RowKey(0, accountId, region, arn);

        public static RowKey NewestFirst(DateTime? start, string? arn) =>
            new RowKey(start.HasValue ? -Utc(start.Value).Ticks : 1, arn, null, null);

        private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;

        /// <summary>Bytes the key's texts hold in memory.</summary>
        public int Size => 2 * (First.Length + Second.Length + Third.Length) + 80;
    }

    /// <summary>One spooled row: its key, whether the sheet's second view takes it, and its cells encoded.</summary>
    internal readonly struct SpooledRow
    {
        public SpooledRow(RowKey key, bool flagged, byte[] cells)
        {
            Key = key;
            Flagged = flagged;
            Cells = cells;
        }

        public RowKey Key { get; }
        public bool Flagged { get; }
        public byte[] Cells { get; }

        /// <summary>Key, then the cells' bytes: rows that differ never tie, so the order does not depend on arrival.</summary>
        public static int Compare(SpooledRow a, SpooledRow b)
        {
            int c = a.Key.Primary.CompareTo(b.Key.Primary);
            if (c != 0) return c;
            c = string.CompareOrdinal(a.Key.First, b.Key.First);
            if (c != 0) return c;
            c = string.CompareOrdinal(a.Key.Second, b.Key.Second);
            if (c != 0) return c;
            c = string.CompareOrdinal(a.Key.Third, b.Key.Third);
            if (c != 0) return c;
            return CompareBytes(a.Cells, b.Cells);
        }

        private static int CompareBytes(byte[] a, byte[] b)
        {
            int n = Math.Min(a.Length, b.Length);
            for (int i = 0; i < n; i++)
            {
                if (a[i] != b[i]) return a[i].CompareTo(b[i]);
            }

            return a.Length.CompareTo(b.Length);
        }
    }

    /// <summary>
    /// The rows of one data sheet, sorted outside memory: rows are buffered up to a byte budget, then the buffer is
    /// sorted and written to a run file in the spill folder; reading merges the runs (k-way) in key order. Each row
    /// carries a flag for the sheet's filtered view (Active Tasks, Failed Executions), read by a second merge.
    /// Column widths are the maximum over all rows (and over the flagged rows), so they do not depend on arrival order.
    /// Not thread-safe: the builder serialises calls.
    /// </summary>
    internal sealed class RowSpool
    {
        private const byte NullTag = 0, TextTag = 1, IntegerTag = 2, NumberTag = 3, DateTimeTag = 4, DurationTag = 5, Utf16Tag = 6;
        private const int ReadBuffer = 1 << 15;

        private readonly SheetLayout _layout;
        private readonly long _budget;
        private readonly Func<string> _spillFolder;
        private readonly List<SpooledRow> _buffer = new List<SpooledRow>();
        private readonly List<string> _runs = new List<string>();
        private readonly MemoryStream _encoded = new MemoryStream();
        private readonly BinaryWriter _encoder;
        private long _buffered;
        private bool _finished;

        public RowSpool(SheetLayout layout, long budgetBytes, Func<string> spillFolder)
        {
            _layout = layout;
            _budget = Math.Max(1, budgetBytes);
            _spillFolder = spillFolder;
            _encoder = new BinaryWriter(_encoded, Encoding.UTF8, leaveOpen: true);
            Widths = layout.MinimumWidths();
            FlaggedWidths = layout.MinimumWidths();
        }

        public SheetLayout Layout => _layout;

        public long Count { get; private set; }
        public long FlaggedCount { get; private set; }
        public double[] Widths { get; }
        public double[] FlaggedWidths { get; }

        /// <summary>Run files written so far.</summary>
        public int Runs => _runs.Count;

        /// <summary>Encodes a row (values as the columns give them) and spills the buffer when it passes the budget.</summary>
        public void Add(RowKey key, bool flagged, object?[] values)
        {
            if (_finished) throw new InvalidOperationException("The report was already written; no rows can be added.");
            _encoded.SetLength(0);
            for (int c = 0; c < values.Length; c++)
            {
                var value = values[c];
                double width = _layout.Width(c, value);
                if (width > Widths[c]) Widths[c] = width;
                if (flagged && width > FlaggedWidths[c]) FlaggedWidths[c] = width;
                Encode(_encoder, value);
            }

            _encoder.Flush();
            var row = new SpooledRow(key, flagged, _encoded.ToArray());
            _buffer.Add(row);
            _buffered += row.Cells.Length + key.Size;
            Count++;
            if (flagged) FlaggedCount++;
            if (_buffered >= _budget) Spill();
        }

        /// <summary>Ends the input: the last buffer is sorted (and spilled when runs exist already, so memory holds no rows).</summary>
        public void Finish()
        {
            if (_finished) return;
            _finished = true;
            if (_runs.Count > 0 && _buffer.Count > 0) Spill();
            else _buffer.Sort(SpooledRow.Compare);
        }

        /// <summary>The rows in order (only the flagged ones when <paramref name="flaggedOnly"/>), as cell values; the array is reused.</summary>
        public IEnumerable<object?[]> Read(bool flaggedOnly, CancellationToken cancellationToken)
        {
            Finish();
            var values = new object?[_layout.ValueCount];
            foreach (var row in Merged(cancellationToken))
            {
                if (flaggedOnly && !row.Flagged) continue;
                Decode(row.Cells, values);
                yield return values;
            }
        }

        private IEnumerable<SpooledRow> Merged(CancellationToken cancellationToken)
        {
            if (_runs.Count == 0)
            {
                foreach (var row in _buffer) yield return row;
                yield break;
            }

            var readers = new List<RunReader>();
            try
            {
                // A binary min-heap of the runs by their current row.
                var heap = new List<RunReader>();
                foreach (var run in _runs)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var reader = new RunReader(run);
                    readers.Add(reader);
                    if (reader.Next()) Push(heap, reader);
                }

                while (heap.Count > 0)
                {
                    var top = heap[0];
                    yield return top.Current;
                    if (top.Next()) SiftDown(heap, 0);
                    else
                    {
                        heap[0] = heap[heap.Count - 1];
                        heap.RemoveAt(heap.Count - 1);
                        if (heap.Count > 0) SiftDown(heap, 0);
                    }
                }
            }
            finally
            {
                foreach (var reader in readers) reader.Dispose();
            }
        }

        private static void Push(List<RunReader> heap, RunReader reader)
        {
            heap.Add(reader);
            int i = heap.Count - 1;
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (SpooledRow.Compare(heap[i].Current, heap[parent].Current) >= 0) break;
                (heap[i], heap[parent]) = (heap[parent], heap[i]);
                i = parent;
            }
        }

        private static void SiftDown(List<RunReader> heap, int i)
        {
            while (true)
            {
                int left = 2 * i + 1, right = left + 1, least = i;
                if (left < heap.Count && SpooledRow.Compare(heap[left].Current, heap[least].Current) < 0) least = left;
                if (right < heap.Count && SpooledRow.Compare(heap[right].Current, heap[least].Current) < 0) least = right;
                if (least == i) return;
                (heap[i], heap[least]) = (heap[least], heap[i]);
                i = least;
            }
        }

        private void Spill()
        {
            _buffer.Sort(SpooledRow.Compare);
            var path = Path.Combine(_spillFolder(), _layout.TableName + "-" + _runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".run");
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(file, Encoding.UTF8))
            {
                foreach (var row in _buffer)
                {
                    writer.Write(row.Key.Primary);
                    WriteText(writer, row.Key.First);
                    WriteText(writer, row.Key.Second);
                    WriteText(writer, row.Key.Third);
                    writer.Write(row.Flagged);
                    writer.Write(row.Cells.Length);
                    writer.Write(row.Cells);
                }
            }

            _runs.Add(path);
            _buffer.Clear();
            _buffer.TrimExcess();
            _buffered = 0;
        }

        private static void Encode(BinaryWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.Write(NullTag);
                    return;
                case string text:
                    WriteText(writer, text);
                    return;
                case long number:
                    writer.Write(IntegerTag);
                    writer.Write(number);
                    return;
                case int number:
                    writer.Write(IntegerTag);
                    writer.Write((long)number);
                    return;
                case double number:
                    writer.Write(NumberTag);
                    writer.Write(number);
                    return;
                case DateTime date:
                    writer.Write(DateTimeTag);
                    if (date.Kind == DateTimeKind.Local) date = date.ToUniversalTime();
                    writer.Write(date.Ticks);
                    writer.Write((byte)date.Kind);
                    return;
                case TimeSpan span:
                    writer.Write(DurationTag);
                    writer.Write(span.Ticks);
                    return;
                case bool flag:
                    WriteText(writer, flag ? "TRUE" : "FALSE");
                    return;
                default:
                    WriteText(writer, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                    return;
            }
        }

        /// <summary>
        /// A text cell or key, tagged: UTF-8 when that is lossless, else its UTF-16 units as they are (UTF-8 would turn
        /// a lone surrogate into U+FFFD, where the sheet writer strips it).
        /// </summary>
        private static void WriteText(BinaryWriter writer, string text)
        {
            bool surrogates = false;
            foreach (char ch in text)
            {
                if (char.IsSurrogate(ch))
                {
                    surrogates = true;
                    break;
                }
            }

            if (!surrogates)
            {
                writer.Write(TextTag);
                writer.Write(text);
                return;
            }

            writer.Write(Utf16Tag);
            writer.Write(text.Length);
            foreach (char ch in text) writer.Write((ushort)ch);
        }

        private static string ReadText(BinaryReader reader, byte tag)
        {
            if (tag == TextTag) return reader.ReadString();
            int length = reader.ReadInt32();
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = (char)reader.ReadUInt16();
            return new string(chars);
        }

        private static void Decode(byte[] cells, object?[] values)
        {
            using var reader = new BinaryReader(new MemoryStream(cells, writable: false), Encoding.UTF8);
            for (int c = 0; c < values.Length; c++)
            {
                byte tag = reader.ReadByte();
                switch (tag)
                {
                    case NullTag: values[c] = null; break;
                    case TextTag:
                    case Utf16Tag: values[c] = ReadText(reader, tag); break;
                    case IntegerTag: values[c] = reader.ReadInt64(); break;
                    case NumberTag: values[c] = reader.ReadDouble(); break;
                    case DateTimeTag:
                        long ticks = reader.ReadInt64();
                        values[c] = new DateTime(ticks, (DateTimeKind)reader.ReadByte());
                        break;
                    case DurationTag: values[c] = new TimeSpan(reader.ReadInt64()); break;
                    default: throw new InvalidDataException("A spilled row holds an unknown cell tag " + tag + ".");
                }
            }
        }

        /// <summary>Reads one run file forward.</summary>
        private sealed class RunReader : IDisposable
        {
            private readonly BinaryReader _reader;

            public RunReader(string path)
            {
                var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBuffer, FileOptions.SequentialScan);
                _reader = new BinaryReader(file, Encoding.UTF8);
            }

            public SpooledRow Current { get; private set; }

            public bool Next()
            {
                if (_reader.BaseStream.Position >= _reader.BaseStream.Length) return false;
                long primary = _reader.ReadInt64();
                var key = new RowKey(primary, ReadText(_reader, _reader.ReadByte()), ReadText(_reader, _reader.ReadByte()), ReadText(_reader, _reader.ReadByte()));
                bool flagged = _reader.ReadBoolean();
                int length = _reader.ReadInt32();
                Current = new SpooledRow(key, flagged, _reader.ReadBytes(length));
                return true;
            }

            public void Dispose() => _reader.Dispose();
        }
    }
}
