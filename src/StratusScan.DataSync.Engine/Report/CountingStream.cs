using System;
using System.IO;

namespace StratusScan.DataSync.Report
{
    /// <summary>Passes writes to the output and counts them; seeks only when the output can.</summary>
    internal sealed class CountingStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _start;
        private long _written;

        public CountingStream(Stream inner)
        {
            _inner = inner;
            _start = inner.CanSeek ? inner.Position : 0;
        }

        /// <summary>Bytes of the workbook: its length on a seekable output, else the bytes written.</summary>
        public long Bytes => _inner.CanSeek ? _inner.Length - _start : _written;

        public override bool CanRead => false;
        public override bool CanSeek => _inner.CanSeek;
        public override bool CanWrite => true;
        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.CanSeek ? _inner.Position : _written;
            set => _inner.Position = value;
        }

        public override void Flush() => _inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
        public override void SetLength(long value) => _inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
            _written += count;
        }

        public override void WriteByte(byte value)
        {
            _inner.WriteByte(value);
            _written++;
        }
    }
}
