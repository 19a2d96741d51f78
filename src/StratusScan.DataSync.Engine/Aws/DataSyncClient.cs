using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
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

        public async IAsyncEnumerable<TaskListEntry> ListAllTasksAsync(IReadOnlyList<TaskFilter>? filters,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var tokens = new NextTokenTracker(DataSyncApi.ListTasks, Region);
            string? next = null;
            do
            {
                var request = new ListTasksRequest { MaxResults = DataSyncClientDefaults.MaxResults, NextToken = next, Filters = filters };
                ListTasksResponse page = await ListTasksAsync(request, cancellationToken).ConfigureAwait(false);
                if (page.Tasks != null)
                {
                    foreach (TaskListEntry item in page.Tasks) yield return item;
                }
                next = tokens.Next(page.NextToken);
            }
            while (next != null);
        }

        public IAsyncEnumerable<LocationListEntry> ListAllLocationsAsync(CancellationToken cancellationToken = default) =>
            ListAllLocationsAsync(null, cancellationToken);

        public async IAsyncEnumerable<LocationListEntry> ListAllLocationsAsync(IReadOnlyList<LocationFilter>? filters,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var tokens = new NextTokenTracker(DataSyncApi.ListLocations, Region);
            string? next = null;
            do
            {
                var request = new ListLocationsRequest { MaxResults = DataSyncClientDefaults.MaxResults, NextToken = next, Filters = filters };
                ListLocationsResponse page = await ListLocationsAsync(request, cancellationToken).ConfigureAwait(false);
                if (page.Locations != null)
                {
                    foreach (LocationListEntry item in page.Locations) yield return item;
                }
                next = tokens.Next(page.NextToken);
            }
            while (next != null);
        }

        public async IAsyncEnumerable<AgentListEntry> ListAllAgentsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var tokens = new NextTokenTracker(DataSyncApi.ListAgents, Region);
            string? next = null;
            do
            {
                var request = new ListAgentsRequest { MaxResults = DataSyncClientDefaults.MaxResults, NextToken = next };
                ListAgentsResponse page = await ListAgentsAsync(request, cancellationToken).ConfigureAwait(false);
                if (page.Agents != null)
                {
                    foreach (AgentListEntry item in page.Agents) yield return item;
                }
                next = tokens.Next(page.NextToken);
            }
            while (next != null);
        }

        public async IAsyncEnumerable<TaskExecutionListEntry> ListAllTaskExecutionsAsync(string? taskArn,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var tokens = new NextTokenTracker(DataSyncApi.ListTaskExecutions, Region);
            string? next = null;
            do
            {
                var request = new ListTaskExecutionsRequest { TaskArn = taskArn, MaxResults = DataSyncClientDefaults.MaxResults, NextToken = next };
                ListTaskExecutionsResponse page = await ListTaskExecutionsAsync(request, cancellationToken).ConfigureAwait(false);
                if (page.TaskExecutions != null)
                {
                    foreach (TaskExecutionListEntry item in page.TaskExecutions) yield return item;
                }
                next = tokens.Next(page.NextToken);
            }
            while (next != null);
        }

        public async IAsyncEnumerable<TagListEntry> ListAllTagsForResourceAsync(string resourceArn,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(resourceArn)) throw new ArgumentException("A resource ARN is required.", nameof(resourceArn));
            var tokens = new NextTokenTracker(DataSyncApi.ListTagsForResource, Region);
            string? next = null;
            do
            {
                var request = new ListTagsForResourceRequest { ResourceArn = resourceArn, MaxResults = DataSyncClientDefaults.MaxResults, NextToken = next };
                ListTagsForResourceResponse page = await ListTagsForResourceAsync(request, cancellationToken).ConfigureAwait(false);
                if (page.Tags != null)
                {
                    foreach (TagListEntry item in page.Tags) yield return item;
                }
                next = tokens.Next(page.NextToken);
            }
            while (next != null);
        }

        private async Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo,
            JsonRpcUnmarshaller<TResponse> unmarshaller, CancellationToken cancellationToken)
            where TResponse : class, new()
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var sdkRequest = new DataSyncSdkRequest<TRequest>(operation, request, requestInfo);
            DateTime start = DateTime.UtcNow;
            var watch = Stopwatch.StartNew();
            try
            {
                DataSyncSdkResponse<TResponse> response = await _sdk.CallAsync(sdkRequest, unmarshaller, cancellationToken).ConfigureAwait(false);
                Report(sdkRequest, operation, start, watch, null, (int)response.HttpStatusCode, response.ResponseMetadata?.RequestId, false);
                return response.Result;
            }
            catch (Exception ex)
            {
                Exception translated = ErrorTranslator.Translate(ex, "datasync", operation, Region, cancellationToken);
                bool canceled = translated is OperationCanceledException;
                Report(sdkRequest, operation, start, watch, translated, null, null, canceled);
                if (ReferenceEquals(translated, ex)) throw;
                throw translated;
            }
        }

        private void Report(DataSyncSdkRequest request, string operation, DateTime start, Stopwatch watch, Exception? error,
            int? status, string? requestId, bool canceled)
        {
            if (_onApiCall == null) return;
            (int attempts, string? endpoint) = AttemptCounterHandler.Read(request);
            ApiCallRecords.Publish(_onApiCall, "datasync", operation, Region, start, watch.Elapsed, attempts, error, status, requestId, endpoint, canceled);
        }

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
