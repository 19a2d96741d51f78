using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// One Region of one account: the kinds asked for collected at once (executions named after the tasks), each
    /// call through the Region's <see cref="CallPolicy"/>.
    /// </summary>
    internal sealed class RegionScan
    {
        private readonly RegionScanContext _context;
        private readonly CallPolicy _calls;

        public RegionScan(RegionScanContext context)
        {
            _context = context;
            _calls = new CallPolicy(context);
            var listing = new Listing(_calls);
            var tagging = new Tagging(context, listing);
            Tasks = new TaskCollection(context, _calls, listing, tagging);
            Locations = new LocationCollection(context, _calls, listing, tagging);
            Agents = new AgentCollection(context, _calls, listing, tagging);
            Executions = new ExecutionCollection(context, _calls, listing, tagging);
        }

        public string Region => _context.Region;
        public TaskCollection Tasks { get; }
        public LocationCollection Locations { get; }
        public AgentCollection Agents { get; }
        public ExecutionCollection Executions { get; }
        public IEnumerable<ScanIssue> Issues => _calls.Issues;

        /// <summary>No call of this Region succeeded.</summary>
        public bool Failed => _calls.Failed;

        public async Task RunAsync()
        {
            var kinds = _context.Request.Kinds;
            var work = new List<Task>();
            Task<IReadOnlyDictionary<string, string?>>? taskNames = null;
            if ((kinds & ResourceKinds.Tasks) != 0)
            {
                var tasksDone = Tasks.CollectAsync();
                work.Add(tasksDone);
                taskNames = Tasks.NamesOfCollectedAsync(tasksDone);
            }

            if ((kinds & ResourceKinds.Locations) != 0) work.Add(Locations.CollectAsync());
            if ((kinds & ResourceKinds.Agents) != 0) work.Add(Agents.CollectAsync());
            if ((kinds & ResourceKinds.Executions) != 0) work.Add(Executions.CollectAsync(taskNames ?? Tasks.ListNamesAsync()));

            try
            {
                await Task.WhenAll(work).ConfigureAwait(false);
            }
            catch (System.OperationCanceledException) when (!_context.UserToken.IsCancellationRequested)
            {
                // The Region was abandoned (not enabled); its issue is recorded.
            }
            finally
            {
                _context.Dispose();
            }
        }
    }
}
