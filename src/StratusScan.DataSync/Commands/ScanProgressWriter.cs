using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// Draws a scan's <see cref="ProgressBoard"/> as Write-Progress records: worker threads report to the board (constant
    /// work each) and ask for a drawing at most every <see cref="DrawIntervalMs"/>; the pipeline thread draws, writing
    /// only the records whose text changed, and once more at the end before closing them.
    /// </summary>
    internal sealed class ScanProgressWriter : IProgress<ScanProgress>
    {
        /// <summary>The shortest time between two drawings: a few a second is what a person can read.</summary>
        public const int DrawIntervalMs = 250;

        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private readonly Action<Action> _post;
        private readonly ProgressBoard _board;
        private int _lastDraw;
        private int _drawPending;

        // Pipeline thread only: what each record shows, and each open record's parent (0 for a top-level record).
        private readonly Dictionary<int, string> _shown = new Dictionary<int, string>();
        private readonly Dictionary<int, int> _open = new Dictionary<int, int>();

        /// <param name="post">Runs an action on the pipeline thread (the scan's <see cref="PipelinePump"/>).</param>
        /// <param name="accountCount">The accounts of an organisation-wide scan; 0 for the credentials' own account.</param>
        public ScanProgressWriter(Cmdlet cmdlet, string activity, Action<Action> post, int accountCount)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _post = post;
            _board = new ProgressBoard(activity, accountCount);
            _lastDraw = Environment.TickCount - DrawIntervalMs;
        }

        /// <summary>From any thread: how far one kind of one Region has come.</summary>
        public void Report(ScanProgress value)
        {
            _board.Report(value);
            RequestDraw();
        }

        /// <summary>From any thread: one account of an organisation-wide scan has ended.</summary>
        public void AccountDone(bool scanned)
        {
            _board.AccountDone(scanned);
            RequestDraw();
        }

        /// <summary>On the pipeline thread: draws the final state, then closes every record, children first.</summary>
        public void Complete()
        {
            Draw();
            foreach (var parents in new[] { false, true })
            {
                foreach (var record in _open)
                {
                    if ((record.Value == 0) != parents) continue;
                    _cmdlet.WriteProgress(new ProgressRecord(record.Key, _activity, "Done")
                    {
                        ParentActivityId = record.Value == 0 ? -1 : record.Value,
                        RecordType = ProgressRecordType.Completed,
                    });
                }
            }

            _open.Clear();
            _shown.Clear();
        }

        private void RequestDraw()
        {
            var now = Environment.TickCount;
            if (unchecked(now - Volatile.Read(ref _lastDraw)) < DrawIntervalMs) return;
            if (Interlocked.Exchange(ref _drawPending, 1) != 0) return;
            Volatile.Write(ref _lastDraw, now);
            _post(Draw);
        }

        private void Draw()
        {
            Volatile.Write(ref _drawPending, 0);
            foreach (var line in _board.Lines())
            {
                var text = line.Activity + "|" + line.Status + "|" + line.Percent;
                if (_shown.TryGetValue(line.Id, out var previous) && previous == text) continue;
                _shown[line.Id] = text;
                _open[line.Id] = line.ParentId;
                _cmdlet.WriteProgress(new ProgressRecord(line.Id, line.Activity, line.Status)
                {
                    ParentActivityId = line.ParentId == 0 ? -1 : line.ParentId,
                    PercentComplete = line.Percent,
                });
            }
        }
    }
}
