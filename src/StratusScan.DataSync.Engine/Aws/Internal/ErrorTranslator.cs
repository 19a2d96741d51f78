using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using Amazon.Runtime;

namespace StratusScan.DataSync.Aws.Internal
{
    /// <summary>Maps what the SDK throws (after its retries) to the engine's public exceptions, by error
    /// code (__type), keeping the SDK's exception as InnerException.</summary>
    internal static class ErrorTranslator
    {
        private static readonly HashSet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException", "RequestThrottled",
            "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
            "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "SlowDown",
            "PriorRequestNotComplete", "EC2ThrottledException",
        };

        private static readonly HashSet<string> AuthenticationCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "IncompleteSignatureException",
            "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException", "MissingAuthenticationToken",
            "MissingAuthenticationTokenException", "RequestExpired", "AuthFailure", "InvalidAccessKeyId", "InvalidToken",
            "InvalidClientTokenIdException", "NotAuthorized",
        };

        private static readonly HashSet<string> AccessDeniedCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnauthorizedException",
        };

        private static readonly HashSet<string> InternalCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "InternalException", "InternalFailure", "InternalError", "InternalServerError", "InternalServerException",
            "ServiceUnavailable", "ServiceUnavailableException",
        };

        /// <summary>Returns the exception to throw instead of <paramref name="ex"/> (maybe itself).</summary>
        public static Exception Translate(Exception ex, string service, string operation, string region, CancellationToken cancellationToken)
        {
            switch (ex)
            {
                case AwsCredentialsNotFoundException _:
                case DataSyncServiceException _:
                case AwsNetworkException _:
                    return ex;
                case AmazonServiceException ase:
                    return FromServiceException(ase, service, operation, region);
                case OperationCanceledException _ when !cancellationToken.IsCancellationRequested:
                    return new AwsNetworkException($"{service}:{operation} in {region} timed out.", ex, service, operation, region, true);
                case AmazonClientException ace:
                    if (FindCredentialsProblem(ace) is AwsCredentialsNotFoundException own) return own;
                    if (IsNetwork(ace.InnerException)) return Network(ace, service, operation, region);
                    if (LooksLikeCredentials(ace))
                    {
                        return new AwsCredentialsNotFoundException("AWS credentials could not be loaded: " + ace.Message, ace);
                    }
                    return new AwsClientException($"{service}:{operation} in {region} failed in the AWS SDK: {ace.Message}", ace, service, operation, region);
                default:
                    if (IsNetwork(ex)) return Network(ex, service, operation, region);
                    return ex;
            }
        }

        internal static DataSyncServiceException FromServiceException(AmazonServiceException ase, string service, string operation, string region)
        {
            int status = (int)ase.StatusCode;
            string code = NormalizeCode(ase.ErrorCode);
            if (code.Length == 0)
            {
                code = status == 429 ? "ThrottlingException"
                    : status == 403 ? "AccessDeniedException"
                    : status >= 500 ? "InternalException"
                    : status > 0 ? "Http" + status : "UnknownError";
            }
            string message = string.IsNullOrEmpty(ase.Message) ? code : ase.Message;
            string text = $"{service}:{operation} in {region} failed with {code}" + (status > 0 ? $" (HTTP {status})" : "") + ": " + message;
            string type = ase.ErrorType.ToString();
            string? requestId = string.IsNullOrEmpty(ase.RequestId) ? null : ase.RequestId;

            if (code == "InvalidRequestException")
            {
                string? dsCode = (ase as DataSyncSdkServiceException)?.DataSyncErrorCode;
                return new DataSyncInvalidRequestException(text, ase, code, status, requestId, service, operation, region, type, dsCode);
            }
            if (code == "AWSOrganizationsNotInUseException")
            {
                return new OrganizationsNotInUseException(text, ase, code, status, requestId, service, operation, region, type);
            }
            if (code == "UnrecognizedClientException")
            {
                return new DataSyncUnrecognizedClientException(text + " (is the region enabled for the account?)", ase, code, status,
                    requestId, service, operation, region, type);
            }
            if (ThrottlingCodes.Contains(code))
                return new DataSyncThrottlingException(text, ase, code, status, requestId, service, operation, region, type);
            if (AuthenticationCodes.Contains(code))
                return new DataSyncAuthenticationException(text, ase, code, status, requestId, service, operation, region, type);
            if (AccessDeniedCodes.Contains(code))
                return new DataSyncAccessDeniedException(text + $" (IAM action {service}:{operation})", ase, code, status,
                    requestId, service, operation, region, type);
            if (InternalCodes.Contains(code) || (status >= 500 && !ase.ErrorCode.HasValue()))
                return new DataSyncInternalException(text, ase, code, status, requestId, service, operation, region, type);
            return new DataSyncServiceException(text, ase, code, status, requestId, service, operation, region, type);
        }

        private static bool HasValue(this string? value) => !string.IsNullOrEmpty(value);

        /// <summary>"aws.protocol#ThrottlingException:http://..." → "ThrottlingException".</summary>
        internal static string NormalizeCode(string? code)
        {
            if (string.IsNullOrEmpty(code)) return string.Empty;
            string c = code!;
            int hash = c.LastIndexOf('#');
            if (hash >= 0) c = c.Substring(hash + 1);
            int colon = c.IndexOf(':');
            if (colon >= 0) c = c.Substring(0, colon);
            return c.Trim();
        }

        private static AwsCredentialsNotFoundException? FindCredentialsProblem(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is AwsCredentialsNotFoundException own) return own;
            }
            return null;
        }

        private static bool LooksLikeCredentials(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                string name = e.GetType().Name;
                if (name.IndexOf("Credential", StringComparison.OrdinalIgnoreCase) >= 0 ||
                    name.IndexOf("SSO", StringComparison.Ordinal) >= 0 ||
                    e.Message.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
            return false;
        }

        internal static bool IsNetwork(Exception? ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is HttpRequestException || e is SocketException || e is WebException || e is IOException || e is TimeoutException)
                {
                    return true;
                }
            }
            return false;
        }

        private static AwsNetworkException Network(Exception ex, string service, string operation, string region)
        {
            bool timeout = false;
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is TimeoutException || e is OperationCanceledException) timeout = true;
            }
            string detail = ex.InnerException?.Message ?? ex.Message;
            return new AwsNetworkException($"{service}:{operation} in {region} could not reach the service: {detail}", ex, service, operation, region, timeout);
        }
    }
}
