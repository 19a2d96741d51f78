using System;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Commands
{
    /// <summary>
    /// Hands each object of a scan to the pipeline thread as it arrives: the write is posted to the
    /// <see cref="PipelinePump"/> and runs on the pipeline thread, at most <see cref="MaxPending"/> objects wait
    /// there at once, and the scan waits (its listing pauses) while the pipeline thread catches up.
    /// </summary>
    internal sealed class PipelineSink : IScanSink
    {
        /// <summary>Objects posted and not yet written.</summary>
        internal const int MaxPending = 256;

        private readonly SemaphoreSlim _slots = new SemaphoreSlim(MaxPending, MaxPending);
        private readonly PipelinePump _pump;
        private readonly Action<object> _write;

        /// <param name="pump">The pump the scan runs in.</param>
        /// <param name="write">Runs on the pipeline thread for each object (filters, then WriteObject).</param>
        public PipelineSink(PipelinePump pump, Action<object> write)
        {
            _pump = pump;
            _write = write;
        }

        public async Task WriteAsync(object item, CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            _pump.Post(() =>
            {
                try
                {
                    _write(item);
                }
                finally
                {
                    _slots.Release();
                }
            });
        }
    }
}
