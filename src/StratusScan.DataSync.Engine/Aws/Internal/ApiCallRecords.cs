using System;

namespace StratusScan.DataSync.Aws.Internal
{
    internal static class ApiCallRecords
    {
        public static void Publish(Action<ApiCallRecord> sink, string service, string operation, string region, DateTime start,
            TimeSpan duration, int attempts, Exception? error, int? status, string? requestId, string? endpoint, bool canceled)
        {
            string? errorCode = null;
            switch (error)
            {
                case null:
                    break;
                case DataSyncServiceException se:
                    errorCode = se.ErrorCode;
                    status = se.StatusCode > 0 ? se.StatusCode : (int?)null;
                    requestId = se.RequestId;
                    break;
                case AwsNetworkException ne:
                    errorCode = ne.IsTimeout ? "Timeout" : "NetworkError";
                    break;
                case AwsCredentialsNotFoundException _:
                    errorCode = "CredentialsNotFound";
                    break;
                case DataSyncPaginationException _:
                    errorCode = "PaginationLoop";
                    break;
                case OperationCanceledException _:
                    errorCode = "Canceled";
                    break;
                default:
                    errorCode = error.GetType().Name;
                    break;
            }
            var record = new ApiCallRecord(service, operation, region, start, duration, attempts, error == null, canceled,
                errorCode, status, requestId, endpoint);
            try
            {
                sink(record);
            }
            catch (Exception)
            {
                // An observer's failure must not fail or hide the API call it observes.
            }
        }
    }
}
