using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>Pages a list call to the end through the Region's <see cref="CallPolicy"/>, handing on each item once.</summary>
    internal sealed class Listing
    {
        private readonly CallPolicy _calls;

        public Listing(CallPolicy calls) => _calls = calls;

        /// <summary>Pages a list to the end; on failure keeps what arrived and records the issue (false).</summary>
        public Task<bool> ListAsync<T>(string operation, string what, IAsyncEnumerable<T> pages, Action<T> onItem, string? target = null) =>
            ListAsync(operation, what, pages, item =>
            {
                onItem(item);
                return Task.CompletedTask;
            }, target);

        /// <summary>
        /// Pages a list to the end, waiting for <paramref name="onItem"/> before the next item (so a consumer that
        /// falls behind pauses the listing); on failure keeps what arrived and records the issue (false).
        /// </summary>
        public async Task<bool> ListAsync<T>(string operation, string what, IAsyncEnumerable<T> pages, Func<T, Task> onItem, string? target = null)
        {
            // A listing re-attempted after throttling starts again at the first page (the order is stable):
            // the items already handed on are skipped, so none is handed on twice.
            var delivered = 0;
            var result = await _calls.CallAsync<object>(operation, target, what + " (listing incomplete)", async t =>
            {
                var index = 0;
                await foreach (var item in pages.ConfigureAwait(false))
                {
                    if (index++ < delivered) continue;
                    await onItem(item).ConfigureAwait(false);
                    delivered++;
                }

                return true;
            }).ConfigureAwait(false);
            return result != null;
        }
    }
}
