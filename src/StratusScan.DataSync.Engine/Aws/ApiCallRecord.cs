using System;

namespace StratusScan.DataSync.Aws
{
    /// <summary>The outcome of one API call, after the SDK's retries. Holds no secrets.</summary>
    public sealed class ApiCallRecord
    {
        internal ApiCallRecord(string service, string operation, string region, DateTime startTimeUtc,
            TimeSpan duration, int attempts, bool succeeded, bool canceled, string? errorCode,
            int? statusCode, string? requestId, string? endpoint)
        {
            Service = service;
            Operation = operation;
            Region = region;
            StartTimeUtc = startTimeUtc;
            Duration = duration;
            Attempts = attempts;
            Succeeded = succeeded;
            Canceled = canceled;
            ErrorCode = errorCode;
            StatusCode = statusCode;
            RequestId = requestId;
            Endpoint = endpoint;
        }

        /// <summary>"datasync" or "sts".</summary>
        public string Service { get; }

        /// <summary>The API operation, e.g. "ListTasks".</summary>
        public string Operation { get; }

        /// <summary>The region the call was made for (and signed for).</summary>
        public string Region { get; }

        /// <summary>When the call started (UTC).</summary>
        public DateTime StartTimeUtc { get; }

        /// <summary>Wall time of the call, retries and back-off included.</summary>
        public TimeSpan Duration { get; }

        /// <summary>HTTP attempts made (1 = no retry); 0 when the call failed before sending.</summary>
        public int Attempts { get; }

        /// <summary>Retries made (Attempts - 1, at least 0).</summary>
        public int Retries => Attempts > 0 ? Attempts - 1 : 0;

        /// <summary>Whether the call succeeded.</summary>
        public bool Succeeded { get; }

        /// <summary>Whether the caller cancelled the call.</summary>
        public bool Canceled { get; }

        /// <summary>The service's error code (e.g. "ThrottlingException"), or a client-side kind
        /// ("NetworkError", "CredentialsNotFound"), when the call failed.</summary>
        public string? ErrorCode { get; }

        /// <summary>The HTTP status of the last response, when one was received.</summary>
        public int? StatusCode { get; }

        /// <summary>The AWS request id of the last response, when known.</summary>
        public string? RequestId { get; }

        /// <summary>The endpoint host the call went to, when known (no path, no query).</summary>
        public string? Endpoint { get; }

        /// <inheritdoc />
        public override string ToString()
        {
            string outcome = Succeeded ? "OK" : Canceled ? "canceled" : "failed: " + (ErrorCode ?? "error");
            return $"{Service}:{Operation} [{Region}] {outcome} in {Duration.TotalMilliseconds:0} ms, " +
                   $"{Attempts} attempt(s)" + (RequestId != null ? ", request id " + RequestId : "");
        }
    }
}
