using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// The describes of one kind collector that are started and not yet handed on, at most a fixed number: the
    /// listing waits for a free slot before it starts another, so the items waiting for a call or for the sink
    /// stay bounded however many the listing returns. The first failure of one is rethrown by <see cref="DrainAsync"/>.
    /// </summary>
    internal sealed class PendingDescribes
    {
        private readonly SemaphoreSlim _slots;
        private readonly int _capacity;
        private readonly CancellationToken _token;
        private ExceptionDispatchInfo? _fault;

        public PendingDescribes(int capacity, CancellationToken token)
        {
            _capacity = Math.Max(1, capacity);
            _slots = new SemaphoreSlim(_capacity, _capacity);
            _token = token;
        }

        /// <summary>Waits for a free slot (the listing pauses here), then starts <paramref name="work"/> without waiting for it.</summary>
        public async Task StartAsync(Func<Task> work)
        {
            await _slots.WaitAsync(_token).ConfigureAwait(false);
            Volatile.Read(ref _fault)?.Throw();
            _ = RunAsync(work);
        }

        private async Task RunAsync(Func<Task> work)
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _fault, ExceptionDispatchInfo.Capture(e), null);
            }
            finally
            {
                _slots.Release();
            }
        }

        /// <summary>Waits until every describe started has ended (also after a cancellation, so none is left running).</summary>
        public async Task DrainAsync()
        {
            for (var i = 0; i < _capacity; i++) await _slots.WaitAsync().ConfigureAwait(false);
            _slots.Release(_capacity);
        }

        /// <summary>Rethrows the first failure of a describe, if any.</summary>
        public void ThrowIfFaulted() => Volatile.Read(ref _fault)?.Throw();
    }
}
