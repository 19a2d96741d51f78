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
    /// call records and paginators.</summary>
    internal sealed class DataSyncClient : IDataSyncClient, IDisposable
    {
        private static DataSyncJsonContext Json => DataSyncJsonContext.Default;
        private static readonly JsonRpcUnmarshaller<ListTasksResponse> UListTasks = new JsonRpcUnmarshaller<ListTasksResponse>(Json.ListTasksResponse);
        private static readonly JsonRpcUnmarshaller<ListLocationsResponse> UListLocations = new JsonRpcUnmarshaller<ListLocationsResponse>(Json.ListLocationsResponse);
        private static readonly JsonRpcUnmarshaller<ListAgentsResponse> UListAgents = new JsonRpcUnmarshaller<ListAgentsResponse>(Json.ListAgentsResponse);
        private static readonly JsonRpcUnmarshaller<ListTaskExecutionsResponse> UListTaskExecutions = new JsonRpcUnmarshaller<ListTaskExecutionsResponse>(Json.ListTaskExecutionsResponse);
        private static readonly JsonRpcUnmarshaller<DescribeTaskResponse> UDescribeTask = new JsonRpcUnmarshaller<DescribeTaskResponse>(Json.DescribeTaskResponse);
        private static readonly JsonRpcUnmarshaller<DescribeAgentResponse> UDescribeAgent = new JsonRpcUnmarshaller<DescribeAgentResponse>(Json.DescribeAgentResponse);
        private static readonly JsonRpcUnmarshaller<DescribeTaskExecutionResponse> UDescribeTaskExecution = new JsonRpcUnmarshaller<DescribeTaskExecutionResponse>(Json.DescribeTaskExecutionResponse);
        private static readonly JsonRpcUnmarshaller<DescribeLocationS3Response> UDescribeLocationS3 = new JsonRpcUnmarshaller<DescribeLocationS3Response>(Json.DescribeLocationS3Response);
        private static readonly JsonRpcUnmarshaller<DescribeLocationEfsResponse> UDescribeLocationEfs = new JsonRpcUnmarshaller<DescribeLocationEfsResponse>(Json.DescribeLocationEfsResponse);
        private static readonly JsonRpcUnmarshaller<DescribeLocationFsxWindowsResponse> UDescribeLocationFsxWindows = new JsonRpcUnmarshaller<DescribeLocationFsxWindowsResponse>(Json.DescribeLocationFsxWindowsResponse);
        private static readonly JsonRpcUnmarshaller<DescribeLocationFsxLustreResponse> UDescribeLocationFsxLustre = new JsonRpcUnmarshaller<DescribeLocationFsxLustreResponse>(Json.DescribeLocationFsxLustreResponse);
        private static readonly JsonRpcUnmarshaller<DescribeLocationFsxOpenZfsResponse> UDescribeLocationFsxOpenZfs = new JsonRpcUnmarshaller<DescribeLocationFsxOpenZfsResponse>(Json.DescribeLocationFsxOpenZfsResponse);
        private static readonly JsonRpcUnmarshaller<DescribeLocationFsxOntapResponse> UDescribeLocationFsxOntap = new JsonRpcUnmarshaller<DescribeLocationFsxOntapResponse>(Json.DescribeLocationFsxOntapResponse);
        private static readonly JsonRpcUnmarshaller<DescribeLocationNfsResponse> UDescribeLocationNfs = new JsonRpcUnmarshaller<DescribeLocationNfsResponse>(Json.DescribeLocationNfsResponse);
        private static readonly JsonRpcUnmarshaller<DescribeLocationSmbResponse> UDescribeLocationSmb = new JsonRpcUnmarshaller<DescribeLocationSmbResponse>(Json.DescribeLocationSmbResponse);
        private static readonly JsonRpcUnmarshaller<DescribeLocationHdfsResponse> UDescribeLocationHdfs = new JsonRpcUnmarshaller<DescribeLocationHdfsResponse>(Json.DescribeLocationHdfsResponse);
        private static readonly JsonRpcUnmarshaller<DescribeLocationObjectStorageResponse> UDescribeLocationObjectStorage = new JsonRpcUnmarshaller<DescribeLocationObjectStorageResponse>(Json.DescribeLocationObjectStorageResponse);
        private static readonly JsonRpcUnmarshaller<DescribeLocationAzureBlobResponse> UDescribeLocationAzureBlob = new JsonRpcUnmarshaller<DescribeLocationAzureBlobResponse>(Json.DescribeLocationAzureBlobResponse);
        private static readonly JsonRpcUnmarshaller<ListTagsForResourceResponse> UListTagsForResource = new JsonRpcUnmarshaller<ListTagsForResourceResponse>(Json.ListTagsForResourceResponse);
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

        public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("ListTasks", request, Json.ListTasksRequest, UListTasks, cancellationToken);

        public Task<ListLocationsResponse> ListLocationsAsync(ListLocationsRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("ListLocations", request, Json.ListLocationsRequest, UListLocations, cancellationToken);

        public Task<ListAgentsResponse> ListAgentsAsync(ListAgentsRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("ListAgents", request, Json.ListAgentsRequest, UListAgents, cancellationToken);

        public Task<ListTaskExecutionsResponse> ListTaskExecutionsAsync(ListTaskExecutionsRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("ListTaskExecutions", request, Json.ListTaskExecutionsRequest, UListTaskExecutions, cancellationToken);

        public Task<DescribeTaskResponse> DescribeTaskAsync(DescribeTaskRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeTask", request, Json.DescribeTaskRequest, UDescribeTask, cancellationToken);

        public Task<DescribeAgentResponse> DescribeAgentAsync(DescribeAgentRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeAgent", request, Json.DescribeAgentRequest, UDescribeAgent, cancellationToken);

        public Task<DescribeTaskExecutionResponse> DescribeTaskExecutionAsync(DescribeTaskExecutionRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeTaskExecution", request, Json.DescribeTaskExecutionRequest, UDescribeTaskExecution, cancellationToken);

        public Task<DescribeLocationS3Response> DescribeLocationS3Async(DescribeLocationS3Request request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationS3", request, Json.DescribeLocationS3Request, UDescribeLocationS3, cancellationToken);

        public Task<DescribeLocationEfsResponse> DescribeLocationEfsAsync(DescribeLocationEfsRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationEfs", request, Json.DescribeLocationEfsRequest, UDescribeLocationEfs, cancellationToken);

        public Task<DescribeLocationFsxWindowsResponse> DescribeLocationFsxWindowsAsync(DescribeLocationFsxWindowsRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationFsxWindows", request, Json.DescribeLocationFsxWindowsRequest, UDescribeLocationFsxWindows, cancellationToken);

        public Task<DescribeLocationFsxLustreResponse> DescribeLocationFsxLustreAsync(DescribeLocationFsxLustreRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationFsxLustre", request, Json.DescribeLocationFsxLustreRequest, UDescribeLocationFsxLustre, cancellationToken);

        public Task<DescribeLocationFsxOpenZfsResponse> DescribeLocationFsxOpenZfsAsync(DescribeLocationFsxOpenZfsRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationFsxOpenZfs", request, Json.DescribeLocationFsxOpenZfsRequest, UDescribeLocationFsxOpenZfs, cancellationToken);

        public Task<DescribeLocationFsxOntapResponse> DescribeLocationFsxOntapAsync(DescribeLocationFsxOntapRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationFsxOntap", request, Json.DescribeLocationFsxOntapRequest, UDescribeLocationFsxOntap, cancellationToken);

        public Task<DescribeLocationNfsResponse> DescribeLocationNfsAsync(DescribeLocationNfsRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationNfs", request, Json.DescribeLocationNfsRequest, UDescribeLocationNfs, cancellationToken);

        public Task<DescribeLocationSmbResponse> DescribeLocationSmbAsync(DescribeLocationSmbRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationSmb", request, Json.DescribeLocationSmbRequest, UDescribeLocationSmb, cancellationToken);

        public Task<DescribeLocationHdfsResponse> DescribeLocationHdfsAsync(DescribeLocationHdfsRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationHdfs", request, Json.DescribeLocationHdfsRequest, UDescribeLocationHdfs, cancellationToken);

        public Task<DescribeLocationObjectStorageResponse> DescribeLocationObjectStorageAsync(DescribeLocationObjectStorageRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationObjectStorage", request, Json.DescribeLocationObjectStorageRequest, UDescribeLocationObjectStorage, cancellationToken);

        public Task<DescribeLocationAzureBlobResponse> DescribeLocationAzureBlobAsync(DescribeLocationAzureBlobRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("DescribeLocationAzureBlob", request, Json.DescribeLocationAzureBlobRequest, UDescribeLocationAzureBlob, cancellationToken);

        public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default) =>
            CallAsync("ListTagsForResource", request, Json.ListTagsForResourceRequest, UListTagsForResource, cancellationToken);

        public IAsyncEnumerable<TaskListEntry> ListAllTasksAsync(CancellationToken cancellationToken = default) =>
            ListAllTasksAsync(null, cancellationToken);

        public async IAsyncEnumerable<TaskListEntry> ListAllTasksAsync(IReadOnlyList<TaskFilter>? filters,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var tokens = new NextTokenTracker("ListTasks", Region);
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
            var tokens = new NextTokenTracker("ListLocations", Region);
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
            var tokens = new NextTokenTracker("ListAgents", Region);
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
            var tokens = new NextTokenTracker("ListTaskExecutions", Region);
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
            var tokens = new NextTokenTracker("ListTagsForResource", Region);
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
