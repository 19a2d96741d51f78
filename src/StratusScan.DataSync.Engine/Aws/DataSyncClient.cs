using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json.Serialization.Metadata;
using StratusScan.DataSync.Aws.Internal;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Aws
{
    /// <summary>The <see cref="IDataSyncClient"/> of one region: the SDK client, error translation,
    /// call records and paginators. Each operation's method is generated (Generated/Operations/) and
    /// calls <see cref="CallAsync"/>.</summary>
    internal sealed partial class DataSyncClient : IDataSyncClient, IDisposable
    {
        private readonly DataSyncServiceClient _sdk;
        private readonly Action<ApiCallRecord>? _onApiCall;

        /// <param name="sdk">The SDK client; it paces each attempt and takes a call slot for it (<see cref="CallSlotHandler"/>).</param>
        internal DataSyncClient(DataSyncServiceClient sdk, string region, Action<ApiCallRecord>? onApiCall)
        {
            _sdk = sdk;
            Region = region;
            _onApiCall = onApiCall;
        }

        public string Region { get; }

        /// <summary>The rate this client's calls are paced at after throttling (calls/s), or 0 when not paced.</summary>
        internal double PacedRate => _sdk.Pacer.Rate;

        public IAsyncEnumerable<TaskListEntry> ListAllTasksAsync(CancellationToken cancellationToken = default) =>
            ListAllTasksAsync(null, cancellationToken);

        public IAsyncEnumerable<TaskListEntry> ListAllTasksAsync(IReadOnlyList<TaskFilter>? filters, CancellationToken cancellationToken = default) =>
            AllPagesAsync(DataSyncApi.ListTasks,
                (next, t) => ListTasksAsync(new ListTasksRequest { MaxResults = DataSyncClientDefaults.MaxResults, NextToken = next, Filters = filters }, t),
                page => page.Tasks, page => page.NextToken, cancellationToken);

        public IAsyncEnumerable<LocationListEntry> ListAllLocationsAsync(CancellationToken cancellationToken = default) =>
            ListAllLocationsAsync(null, cancellationToken);

        public IAsyncEnumerable<LocationListEntry> ListAllLocationsAsync(IReadOnlyList<LocationFilter>? filters, CancellationToken cancellationToken = default) =>
            AllPagesAsync(DataSyncApi.ListLocations,
                (next, t) => ListLocationsAsync(new ListLocationsRequest { MaxResults = DataSyncClientDefaults.MaxResults, NextToken = next, Filters = filters }, t),
                page => page.Locations, page => page.NextToken, cancellationToken);

        public IAsyncEnumerable<AgentListEntry> ListAllAgentsAsync(CancellationToken cancellationToken = default) =>
            AllPagesAsync(DataSyncApi.ListAgents,
                (next, t) => ListAgentsAsync(new ListAgentsRequest { MaxResults = DataSyncClientDefaults.MaxResults, NextToken = next }, t),
                page => page.Agents, page => page.NextToken, cancellationToken);

        public IAsyncEnumerable<TaskExecutionListEntry> ListAllTaskExecutionsAsync(string? taskArn, CancellationToken cancellationToken = default) =>
            AllPagesAsync(DataSyncApi.ListTaskExecutions,
                (next, t) => ListTaskExecutionsAsync(
                    new ListTaskExecutionsRequest { TaskArn = taskArn, MaxResults = DataSyncClientDefaults.MaxResults, NextToken = next }, t),
                page => page.TaskExecutions, page => page.NextToken, cancellationToken);

        public IAsyncEnumerable<TagListEntry> ListAllTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default) =>
            AllPagesAsync(DataSyncApi.ListTagsForResource,
                (next, t) => ListTagsForResourceAsync(
                    new ListTagsForResourceRequest { ResourceArn = RequireArn(resourceArn), MaxResults = DataSyncClientDefaults.MaxResults, NextToken = next }, t),
                page => page.Tags, page => page.NextToken, cancellationToken);

        private IAsyncEnumerable<TItem> AllPagesAsync<TPage, TItem>(string operation,
            Func<string?, CancellationToken, Task<TPage>> requestPage, Func<TPage, IReadOnlyList<TItem>?> items, Func<TPage, string?> nextToken,
            CancellationToken cancellationToken) =>
            JsonCall.AllPagesAsync(operation, Region, requestPage, items, nextToken, cancellationToken);

        private static string RequireArn(string resourceArn) =>
            string.IsNullOrEmpty(resourceArn) ? throw new ArgumentException("A resource ARN is required.", nameof(resourceArn)) : resourceArn;

        private Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo,
            JsonRpcUnmarshaller<TResponse> unmarshaller, CancellationToken cancellationToken)
            where TResponse : class, new() =>
            JsonCall.InvokeAsync(_sdk, "datasync", Region, _onApiCall, operation, request, requestInfo, unmarshaller, cancellationToken);

        public void Dispose() => _sdk.Dispose();
    }

    /// <summary>Follows NextToken and stops a listing whose token repeats (it would never end).</summary>
    internal sealed class NextTokenTracker
    {
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly string _operation;
        private readonly string _region;
        private int _pages;

        public NextTokenTracker(string operation, string region)
        {
            _operation = operation;
            _region = region;
        }

        /// <summary>The token for the next request, or null at the end.</summary>
        public string? Next(string? token)
        {
            _pages++;
            if (string.IsNullOrEmpty(token)) return null;
            if (!_seen.Add(token!)) throw new DataSyncPaginationException(_operation, _region, _pages);
            return token;
        }
    }
}
