using System.Threading;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// Receives each object of a scan as soon as it is complete (its account name and, for an execution, its task
    /// name set): a <see cref="DataSyncTask"/>, <see cref="DataSyncLocation"/>, <see cref="DataSyncAgent"/> or
    /// <see cref="DataSyncTaskExecution"/>. Called from worker threads, several at once; the collector waits for
    /// the returned task before it hands on more, so a slow consumer slows the scan instead of filling memory.
    /// </summary>
    public interface IScanSink
    {
        Task WriteAsync(object item, CancellationToken cancellationToken);
    }
}
