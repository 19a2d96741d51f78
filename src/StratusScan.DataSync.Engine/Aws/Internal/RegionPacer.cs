using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Aws.Internal
{
    /// <summary>
    /// Paces the calls of one client (one account and Region, the scope of AWS's request-rate limits) once the
    /// service has throttled it: additive increase, multiplicative decrease on the rate of calls. Unthrottled,
    /// calls are not paced at all. The first throttle sets the rate just under the rate the service accepted
    /// calls at over the last second; each later throttle of an attempt sent at the current rate cuts it by 30% (one burst of
    /// rejections counts once); every second without a throttle raises it by 25%. Under a steady limit R the
    /// rate swings between about 0.7 R and R, so a scan takes a little over calls / R instead of failing, and
    /// few calls are wasted on throttles.
    /// </summary>
    internal sealed class RegionPacer
    {
        private static readonly long Second = Stopwatch.Frequency;
        private readonly object _gate = new object();
        private readonly Queue<long> _recentSuccesses = new Queue<long>();
        private double _rate; // calls per second; 0 = not paced
        private long _nextSlot;
        private long _lastDecrease = long.MinValue / 2;
        private long _lastIncrease;
        private int _generation;

        /// <summary>The current rate in calls per second, or 0 when calls are not paced.</summary>
        public double Rate
        {
            get { lock (_gate) return _rate; }
        }

        /// <summary>Bumped at every cut of the rate: a turn taken before a cut is no longer valid.</summary>
        public int Generation
        {
            get { lock (_gate) return _generation; }
        }

        /// <summary>
        /// Waits for this call's turn (at once when not paced) and returns the <see cref="Generation"/> it was
        /// granted in; if the rate is cut while the call waits, it takes a new turn at the new rate.
        /// </summary>
        public async Task<int> WaitTurnAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                long delay;
                int generation;
                lock (_gate)
                {
                    generation = _generation;
                    if (_rate <= 0) return generation;
                    var now = Stopwatch.GetTimestamp();
                    var slot = Math.Max(now, _nextSlot);
                    _nextSlot = slot + (long)(Second / _rate);
                    delay = slot - now;
                }

                if (delay > 0)
                {
                    await Task.Delay(TimeSpan.FromTicks(delay * TimeSpan.TicksPerSecond / Second), cancellationToken).ConfigureAwait(false);
                }

                lock (_gate)
                {
                    if (_generation == generation) return generation;
                }
            }
        }

        /// <summary>An attempt that the service accepted.</summary>
        public void OnAccepted()
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                _recentSuccesses.Enqueue(now);
                Trim(now);
                if (_rate > 0 && now - _lastIncrease >= Second && now - _lastDecrease >= Second)
                {
                    _rate += Math.Max(0.5, _rate * 0.25);
                    _lastIncrease = now;
                }
            }
        }

        /// <summary>The timestamp to pass to <see cref="OnThrottled"/> for an attempt sent now.</summary>
        public static long Now => Stopwatch.GetTimestamp();

        /// <summary>An attempt, sent at <paramref name="sentAt"/>, that the service throttled.</summary>
        public void OnThrottled(long sentAt)
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                // An attempt sent before the last cut says nothing about the new rate; and one burst of
                // rejections counts once.
                if (sentAt < _lastDecrease || now - _lastDecrease < Second / 2) return;
                Trim(now);
                _rate = _rate <= 0 ? Math.Max(1, AcceptedRate(now) * 0.9) : Math.Max(0.5, _rate * 0.7);
                _lastDecrease = now;
                _lastIncrease = now;
                _generation++;
                _nextSlot = now + (long)(Second / _rate); // turns granted at the old rate are void: their callers take new ones
            }
        }

        // The rate the service accepted calls at over the last second (over less when the client is younger).
        private double AcceptedRate(long now)
        {
            if (_recentSuccesses.Count == 0) return 1;
            var span = Math.Max(Second / 10, now - _recentSuccesses.Peek());
            return _recentSuccesses.Count * (double)Second / span;
        }

        private void Trim(long now)
        {
            while (_recentSuccesses.Count > 0 && now - _recentSuccesses.Peek() > Second) _recentSuccesses.Dequeue();
        }
    }
}
