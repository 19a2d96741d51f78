using System;
using System.Linq;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>A Region's agents: ListAgents (or the ARNs given), then DescribeAgent for each, each handed on when described.</summary>
    internal sealed class AgentCollection : KindCollector<DataSyncAgent>
    {
        public AgentCollection(RegionScanContext context, CallPolicy calls, Listing listing, Tagging tagging)
            : base(context, calls, listing, tagging)
        {
        }

        public async Task CollectAsync()
        {
            var counter = new ProgressCounter(Context, "Agents");
            await ProduceAsync(async pending =>
            {
                if (Request.AgentArns != null)
                {
                    foreach (var arn in Request.AgentArns.Where(Context.InThisRegion))
                    {
                        counter.Listed(1);
                        var entry = new AgentListEntry { AgentArn = arn };
                        await pending.StartAsync(() => DescribeAsync(entry, counter, keepListing: false)).ConfigureAwait(false);
                    }
                }
                else
                {
                    await Listing.ListAsync("ListAgents", "agents", Context.Client.ListAllAgentsAsync(Context.Token), (Func<AgentListEntry, Task>)(entry =>
                    {
                        counter.Listed(1);
                        return pending.StartAsync(() => DescribeAsync(entry, counter, keepListing: true));
                    })).ConfigureAwait(false);
                }

                counter.ListingDone();
            }).ConfigureAwait(false);
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
                await HandOnAsync(agent, agent.AccountId, (a, name) => a.AccountName = name).ConfigureAwait(false);
            }

            counter.Completed();
        }
    }
}
