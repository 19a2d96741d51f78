using System;
using System.Globalization;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// The window of execution start times a scan keeps, always compared in UTC. DataSync keeps a task's
    /// execution history for 30 days (DataSync quotas), so a longer window cannot return older executions.
    /// </summary>
    public sealed class ExecutionWindow
    {
        public const int DefaultDays = 30;
        public const int HistoryDays = 30;

        private ExecutionWindow(DateTime sinceUtc, DateTime nowUtc, string description)
        {
            SinceUtc = sinceUtc;
            NowUtc = nowUtc;
            Description = description;
        }

        public DateTime SinceUtc { get; }
        public DateTime NowUtc { get; }

        /// <summary>e.g. "30 days" or "since 2026-11-01 00:00 UTC".</summary>
        public string Description { get; }

        /// <summary>Whether the window reaches back beyond the history DataSync keeps.</summary>
        public bool ExceedsHistory => NowUtc - SinceUtc > TimeSpan.FromDays(HistoryDays) + TimeSpan.FromMinutes(1);

        /// <summary>Whether an execution that started at <paramref name="startTime"/> is in the window (one with no start time is).</summary>
        public bool Includes(DateTime? startTime) => StartsWithin(startTime, SinceUtc);

        /// <summary>The window's one rule: an execution is in it unless it started before <paramref name="sinceUtc"/> (null: no window).</summary>
        public static bool StartsWithin(DateTime? startTime, DateTime? sinceUtc) =>
            !sinceUtc.HasValue || !startTime.HasValue || startTime.Value >= sinceUtc.Value;

        /// <summary>
        /// The window of -Since when it is given, else of -Days. Throws <see cref="ArgumentOutOfRangeException"/>
        /// for a window in the future or of fewer than one day.
        /// </summary>
        public static ExecutionWindow Resolve(DateTime? since, int days, DateTime nowUtc) =>
            since.HasValue ? Since(since.Value, nowUtc) : LastDays(days, nowUtc);

        /// <summary>The warning a window reaching beyond the history DataSync keeps deserves; null when it does not.</summary>
        public string? HistoryWarning => ExceedsHistory
            ? "DataSync keeps a task's execution history for " + HistoryDays + " days; executions older than that are no longer available, so the window (" + Description + ") returns at most " + HistoryDays + " days of them."
            : null;

        public static ExecutionWindow LastDays(int days, DateTime nowUtc)
        {
            if (days < 1) throw new ArgumentOutOfRangeException(nameof(days), days, "The window must be at least one day.");
            return new ExecutionWindow(nowUtc.AddDays(-days), nowUtc, days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days"));
        }

        /// <summary>From an instant; a time of unspecified kind is taken as local, as PowerShell's Get-Date gives it.</summary>
        public static ExecutionWindow Since(DateTime since, DateTime nowUtc)
        {
            var sinceUtc = since.Kind == DateTimeKind.Utc ? since : since.ToUniversalTime();
            if (sinceUtc > nowUtc) throw new ArgumentOutOfRangeException(nameof(since), since, "The start of the window is in the future.");
            return new ExecutionWindow(sinceUtc, nowUtc, "since " + sinceUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");
        }

        /// <summary>A window already applied by an earlier scan (an inventory file's header): as recorded, not checked against now.</summary>
        public static ExecutionWindow Recorded(DateTime sinceUtc, DateTime nowUtc, string description) =>
            new ExecutionWindow(DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc), DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), description ?? string.Empty);
    }
}
