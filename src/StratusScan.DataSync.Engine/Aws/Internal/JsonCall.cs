using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Aws.Internal
{
    /// <summary>
    /// One call of an awsJson operation through <see cref="DataSyncServiceClient"/>, and the pager that follows
    /// NextToken, shared by the DataSync and Organizations clients: a failure is translated once
    /// (<see cref="ErrorTranslator"/>) and every call can be reported as an <see cref="ApiCallRecord"/>.
    /// </summary>
    internal static class JsonCall
    {
        /// <param name="service">The IAM service prefix: "datasync", "organizations".</param>
        public static async Task<TResponse> InvokeAsync<TRequest, TResponse>(DataSyncServiceClient sdk, string service, string region,
            Action<ApiCallRecord>? onApiCall, string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo,
            JsonRpcUnmarshaller<TResponse> unmarshaller, CancellationToken cancellationToken)
            where TResponse : class, new()
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var sdkRequest = new DataSyncSdkRequest<TRequest>(operation, request, requestInfo);
            DateTime start = DateTime.UtcNow;
            var watch = Stopwatch.StartNew();
            try
            {
                DataSyncSdkResponse<TResponse> response = await sdk.CallAsync(sdkRequest, unmarshaller, cancellationToken).ConfigureAwait(false);
                Report(onApiCall, service, sdkRequest, operation, region, start, watch, null, (int)response.HttpStatusCode,
                    response.ResponseMetadata?.RequestId, false);
                return response.Result;
            }
            catch (Exception ex)
            {
                Exception translated = ErrorTranslator.Translate(ex, service, operation, region, cancellationToken);
                bool canceled = translated is OperationCanceledException;
                Report(onApiCall, service, sdkRequest, operation, region, start, watch, translated, null, null, canceled);
                if (ReferenceEquals(translated, ex)) throw;
                throw translated;
            }
        }

        /// <summary>
        /// The one pager: requests page after page (each request built from the previous page's NextToken) and
        /// yields their items until a page has no NextToken; a token that repeats stops the listing with
        /// <see cref="DataSyncPaginationException"/>. Nothing is requested before the first item is asked for.
        /// </summary>
        public static async IAsyncEnumerable<TItem> AllPagesAsync<TPage, TItem>(string operation, string region,
            Func<string?, CancellationToken, Task<TPage>> requestPage, Func<TPage, IReadOnlyList<TItem>?> items, Func<TPage, string?> nextToken,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var tokens = new NextTokenTracker(operation, region);
            string? next = null;
            do
            {
                TPage page = await requestPage(next, cancellationToken).ConfigureAwait(false);
                IReadOnlyList<TItem>? pageItems = items(page);
                if (pageItems != null)
                {
                    foreach (TItem item in pageItems) yield return item;
                }
                next = tokens.Next(nextToken(page));
            }
            while (next != null);
        }

        private static void Report(Action<ApiCallRecord>? onApiCall, string service, DataSyncSdkRequest request, string operation, string region,
            DateTime start, Stopwatch watch, Exception? error, int? status, string? requestId, bool canceled)
        {
            if (onApiCall == null) return;
            (int attempts, string? endpoint) = AttemptCounterHandler.Read(request);
            ApiCallRecords.Publish(onApiCall, service, operation, region, start, watch.Elapsed, attempts, error, status, requestId, endpoint, canceled);
        }
    }
}
