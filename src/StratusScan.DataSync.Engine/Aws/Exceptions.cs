using System;

namespace StratusScan.DataSync.Aws
{
    /// <summary>
    /// An error response from an AWS service (DataSync or STS), after the SDK's retries. The SDK's own
    /// exception is the <see cref="Exception.InnerException"/>. Subclasses name the errors callers treat
    /// differently; anything else is this type with its <see cref="ErrorCode"/>.
    /// </summary>
    public class DataSyncServiceException : Exception
    {
        internal DataSyncServiceException(string message, Exception? inner, string errorCode, int statusCode,
            string? requestId, string service, string operation, string region, string errorType)
            : base(message, inner)
        {
            ErrorCode = errorCode;
            StatusCode = statusCode;
            RequestId = requestId;
            Service = service;
            Operation = operation;
            Region = region;
            ErrorType = errorType;
        }

        /// <summary>The service's error code (the <c>__type</c> of a JSON error, without namespace).</summary>
        public string ErrorCode { get; }

        /// <summary>The HTTP status code (0 when none was received).</summary>
        public int StatusCode { get; }

        /// <summary>The AWS request id, for AWS Support.</summary>
        public string? RequestId { get; }

        /// <summary>"datasync" or "sts".</summary>
        public string Service { get; }

        /// <summary>The API operation that failed, e.g. "DescribeTask".</summary>
        public string Operation { get; }

        /// <summary>The region the call was made for.</summary>
        public string Region { get; }

        /// <summary>"Sender" (the request's fault), "Receiver" (the service's) or "Unknown".</summary>
        public string ErrorType { get; }

        /// <summary>The IAM action the call needs, e.g. "datasync:ListTasks".</summary>
        public string IamAction => Service + ":" + Operation;
    }

    /// <summary>
    /// AWSOrganizationsNotInUseException: the caller's account is not in an organisation (or the credentials are
    /// not the management account's or a delegated administrator's of one). Not retried.
    /// </summary>
    public sealed class OrganizationsNotInUseException : DataSyncServiceException
    {
        internal OrganizationsNotInUseException(string message, Exception? inner, string errorCode, int statusCode,
            string? requestId, string service, string operation, string region, string errorType)
            : base(message, inner, errorCode, statusCode, requestId, service, operation, region, errorType)
        {
        }
    }

    /// <summary>DataSync's InvalidRequestException: a malformed request, an unknown or wrong-type ARN,
    /// a resource that does not exist. Not retried.</summary>
    public sealed class DataSyncInvalidRequestException : DataSyncServiceException
    {
        internal DataSyncInvalidRequestException(string message, Exception? inner, string errorCode, int statusCode,
            string? requestId, string service, string operation, string region, string errorType,
            string? dataSyncErrorCode)
            : base(message, inner, errorCode, statusCode, requestId, service, operation, region, errorType)
        {
            DataSyncErrorCode = dataSyncErrorCode;
        }

        /// <summary>DataSync's own <c>errorCode</c> member of the error body, when present.</summary>
        public string? DataSyncErrorCode { get; }
    }

    /// <summary>DataSync's InternalException (a 5xx the SDK retried until it gave up).</summary>
    public sealed class DataSyncInternalException : DataSyncServiceException
    {
        internal DataSyncInternalException(string message, Exception? inner, string errorCode, int statusCode,
            string? requestId, string service, string operation, string region, string errorType)
            : base(message, inner, errorCode, statusCode, requestId, service, operation, region, errorType) { }
    }

    /// <summary>The caller lacks the IAM permission (AccessDeniedException, AccessDenied); see
    /// <see cref="DataSyncServiceException.IamAction"/>.</summary>
    public sealed class DataSyncAccessDeniedException : DataSyncServiceException
    {
        internal DataSyncAccessDeniedException(string message, Exception? inner, string errorCode, int statusCode,
            string? requestId, string service, string operation, string region, string errorType)
            : base(message, inner, errorCode, statusCode, requestId, service, operation, region, errorType) { }
    }

    /// <summary>Still throttled after every retry the SDK allowed.</summary>
    public sealed class DataSyncThrottlingException : DataSyncServiceException
    {
        internal DataSyncThrottlingException(string message, Exception? inner, string errorCode, int statusCode,
            string? requestId, string service, string operation, string region, string errorType)
            : base(message, inner, errorCode, statusCode, requestId, service, operation, region, errorType) { }
    }

    /// <summary>The request's authentication failed: a wrong secret key (InvalidSignatureException,
    /// SignatureDoesNotMatch), an expired session token (ExpiredToken, ExpiredTokenException), an unknown
    /// access key (InvalidClientTokenId), a clock too far off (RequestExpired, InvalidSignatureException),
    /// a missing signature (MissingAuthenticationToken, IncompleteSignature).</summary>
    public class DataSyncAuthenticationException : DataSyncServiceException
    {
        internal DataSyncAuthenticationException(string message, Exception? inner, string errorCode, int statusCode,
            string? requestId, string service, string operation, string region, string errorType)
            : base(message, inner, errorCode, statusCode, requestId, service, operation, region, errorType) { }
    }

    /// <summary>UnrecognizedClientException: the access key or token is not valid in this region — most
    /// often because the region is an opt-in region not enabled for the account.</summary>
    public sealed class DataSyncUnrecognizedClientException : DataSyncAuthenticationException
    {
        internal DataSyncUnrecognizedClientException(string message, Exception? inner, string errorCode, int statusCode,
            string? requestId, string service, string operation, string region, string errorType)
            : base(message, inner, errorCode, statusCode, requestId, service, operation, region, errorType) { }
    }

    /// <summary>No AWS credentials could be found, or the configured ones could not be loaded (a missing
    /// profile, an expired SSO session, a failing credential_process).</summary>
    public sealed class AwsCredentialsNotFoundException : Exception
    {
        /// <summary>How to configure credentials, appended to every message.</summary>
        public const string Guidance =
            "Configure credentials with `aws configure` (or `aws configure sso` then `aws sso login`), set AWS_PROFILE, " +
            "pass -ProfileName (and -ProfileLocation), -Credential, or -AccessKey/-SecretKey, or set the environment " +
            "variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN).";

        internal AwsCredentialsNotFoundException(string problem, Exception? inner = null)
            : base(problem.TrimEnd() + " " + Guidance, inner)
        {
            Problem = problem;
        }

        /// <summary>What went wrong, without the guidance.</summary>
        public string Problem { get; }
    }

    /// <summary>The service could not be reached, or did not answer in time, after the SDK's retries
    /// (DNS, connection refused, TLS, timeout).</summary>
    public sealed class AwsNetworkException : Exception
    {
        internal AwsNetworkException(string message, Exception? inner, string service, string operation,
            string region, bool isTimeout)
            : base(message, inner)
        {
            Service = service;
            Operation = operation;
            Region = region;
            IsTimeout = isTimeout;
        }

        /// <summary>"datasync" or "sts".</summary>
        public string Service { get; }

        /// <summary>The API operation that failed.</summary>
        public string Operation { get; }

        /// <summary>The region the call was made for.</summary>
        public string Region { get; }

        /// <summary>Whether the attempt timed out (rather than failing to connect).</summary>
        public bool IsTimeout { get; }
    }

    /// <summary>A client-side failure of the AWS SDK that is neither a service error, a network error
    /// nor missing credentials (for example an invalid configuration, or a response that could not be
    /// parsed).</summary>
    public sealed class AwsClientException : Exception
    {
        internal AwsClientException(string message, Exception? inner, string service, string operation, string region)
            : base(message, inner)
        {
            Service = service;
            Operation = operation;
            Region = region;
        }

        /// <summary>"datasync" or "sts".</summary>
        public string Service { get; }

        /// <summary>The API operation that failed.</summary>
        public string Operation { get; }

        /// <summary>The region the call was made for.</summary>
        public string Region { get; }
    }

    /// <summary>A paginated list returned a NextToken it had returned before: following it would loop
    /// forever, so the listing stops with this error.</summary>
    public sealed class DataSyncPaginationException : Exception
    {
        internal DataSyncPaginationException(string operation, string region, int pages)
            : base($"{operation} in {region} returned a NextToken it had already returned (after {pages} page(s)); " +
                   "stopped to avoid an endless loop.")
        {
            Operation = operation;
            Region = region;
            Pages = pages;
        }

        /// <summary>The list operation.</summary>
        public string Operation { get; }

        /// <summary>The region.</summary>
        public string Region { get; }

        /// <summary>Pages read before the repeat.</summary>
        public int Pages { get; }
    }
}
