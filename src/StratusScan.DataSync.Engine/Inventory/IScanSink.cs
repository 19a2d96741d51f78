using System.Threading;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// Receives each object of a scan as soon as it is complete (its account name and, for an execution, its task
    /// name set): a <see cref="DataSyncTask"/>, <see cref="DataSyncLocation"/>, <see cref="DataSyncAgent"/> or
    /// <see cref="DataSyncTaskExecution"/>. Called from worker threads, several at once; the collector waits for
    /// the returned task before it hands on more, so a slow consumer slows the scan instead of filling memory.
    /// Objects of every kind arrive mixed, in no order; a sink must not wait for one kind before it accepts another
    /// (an execution is handed on only once its Region's tasks have been). An exception it throws ends the scan.
    /// </summary>
    public interface IScanSink
    {
        Task WriteAsync(object item, CancellationToken cancellationToken);
    }
}
