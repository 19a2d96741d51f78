using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>A Region's agents: ListAgents (or the ARNs given), then DescribeAgent for each.</summary>
    internal sealed class AgentCollection : KindCollector<DataSyncAgent>
    {
        public AgentCollection(RegionScanContext context, CallPolicy calls, Listing listing, Tagging tagging)
            : base(context, calls, listing, tagging)
        {
        }

        public async Task CollectAsync()
        {
            var counter = new ProgressCounter(Context, "Agents");
            var describes = new List<Task>();
            if (Request.AgentArns != null)
            {
                foreach (var arn in Request.AgentArns.Where(Context.InThisRegion))
                {
                    counter.Listed(1);
                    describes.Add(DescribeAsync(new AgentListEntry { AgentArn = arn }, counter, keepListing: false));
                }
            }
            else
            {
                await Listing.ListAsync("ListAgents", "agents", Context.Client.ListAllAgentsAsync(Context.Token), entry =>
                {
                    counter.Listed(1);
                    describes.Add(DescribeAsync(entry, counter, keepListing: true));
                }).ConfigureAwait(false);
            }

            counter.ListingDone();
            await Task.WhenAll(describes).ConfigureAwait(false);
        }

        private async Task DescribeAsync(AgentListEntry entry, ProgressCounter counter, bool keepListing)
        {
            var arn = entry.AgentArn ?? string.Empty;
            var response = await Calls.CallAsync("DescribeAgent", arn, "the agent's endpoint and connection details", t => Context.Client.DescribeAgentAsync(new DescribeAgentRequest { AgentArn = arn }, t)).ConfigureAwait(false);
            DataSyncAgent? agent = response != null
                ? DataSyncAgent.From(response, Region, AccountOf(arn))
                : keepListing ? new DataSyncAgent { AgentArn = arn, Region = Region, AccountId = AccountOf(arn), Name = entry.Name, Status = entry.Status, PlatformVersion = entry.Platform?.Version, Platform = entry.Platform } : null;
            if (agent != null)
            {
                agent.Tags = await Tagging.TagsAsync(arn).ConfigureAwait(false);
                Items.Add(agent);
            }

            counter.Completed();
        }
    }
}
