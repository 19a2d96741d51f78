using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace StratusScan.DataSync.Logging
{
    /// <summary>
    /// The run's log file (StratusScan's <c>logs/logs-datasync-export-{MM.DD.YYYY-HHMM}.log</c>): one UTC-stamped
    /// line per event, written from any thread. Callers log outcomes, counts and ARNs, never credentials.
    /// </summary>
    public sealed class RunLog : IDisposable
    {
        private readonly object _gate = new object();
        private StreamWriter? _writer;

        private RunLog(string path, StreamWriter writer)
        {
            Path = path;
            _writer = writer;
        }

        public string Path { get; }

        /// <summary>The StratusScan log file name for a local time.</summary>
        public static string FileNameFor(DateTime localTime) =>
            "logs-datasync-export-" + localTime.ToString("MM.dd.yyyy-HHmm", CultureInfo.InvariantCulture) + ".log";

        /// <summary>Opens (appends to) the log file, creating its folder.</summary>
        public static RunLog Open(string path)
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            return new RunLog(path, new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = false });
        }

        public void Write(string level, string message)
        {
            var line = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "Z " + level + " " + message.Replace("\r", " ").Replace("\n", " ");
            lock (_gate)
            {
                _writer?.WriteLine(line);
            }
        }

        public void Info(string message) => Write("INFO ", message);

        public void Warn(string message) => Write("WARN ", message);

        public void Error(string message) => Write("ERROR", message);

        public void Dispose()
        {
            lock (_gate)
            {
                _writer?.Dispose();
                _writer = null;
            }
        }
    }
}
