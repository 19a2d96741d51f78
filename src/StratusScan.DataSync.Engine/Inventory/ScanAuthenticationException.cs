using System;

namespace StratusScan.DataSync.Inventory
{
    /// <summary>
    /// AWS rejected the credentials themselves (a wrong secret key, an unknown or revoked access key, a missing or
    /// expired session token): nothing can be scanned with them, so the scan stops. <see cref="Describe"/> says
    /// which problem it is and what to check, naming the access key id (never the secret).
    /// </summary>
    public sealed class ScanAuthenticationException : Exception
    {
        public ScanAuthenticationException(string errorCode, string region, string service, Exception? innerException = null)
            : base(Describe(errorCode, region, service, null, out _), innerException)
        {
            ErrorCode = errorCode;
            Region = region;
            Service = service;
        }

        /// <summary>The issue that showed it, e.g. InvalidSignatureException.</summary>
        public string ErrorCode { get; }

        /// <summary>The Region of the rejected call.</summary>
        public string Region { get; }

        /// <summary>datasync or sts.</summary>
        public string Service { get; }

        /// <summary>True when AWS knows the access key but the signature does not match it (the secret key is wrong).</summary>
        public static bool IsWrongSecret(string? errorCode) =>
            errorCode == "InvalidSignatureException" || errorCode == "SignatureDoesNotMatch"
            || errorCode == "IncompleteSignature" || errorCode == "IncompleteSignatureException";

        /// <summary>True when AWS does not know the access key (or its session token).</summary>
        public static bool IsUnknownKey(string? errorCode) =>
            errorCode == "UnrecognizedClientException" || errorCode == "InvalidClientTokenId"
            || errorCode == "InvalidClientTokenIdException" || errorCode == "InvalidAccessKeyId";

        /// <summary>One sentence that says which problem it is, naming the access key id, and in <paramref name="action"/> what to check.</summary>
        public static string Describe(string errorCode, string region, string service, string? accessKeyId, out string action)
        {
            var key = string.IsNullOrEmpty(accessKeyId) ? "the access key" : "access key " + accessKeyId;
            var call = service + " in " + region + " answered " + errorCode;
            if (IsWrongSecret(errorCode))
            {
                action = "Check the secret access key paired with " + key + " (in the profile, -SecretKey, -Credential or AWS_SECRET_ACCESS_KEY) and that this computer's clock is right.";
                return "The secret access key does not match " + key + " (" + call + ").";
            }

            if (IsUnknownKey(errorCode))
            {
                action = "Check in IAM that " + key + " exists and is active, and give temporary credentials with their session token before they expire.";
                return "AWS does not recognise " + key + ": it is unknown, deleted or deactivated, or its session token is missing or wrong (" + call + ").";
            }

            action = "Get new credentials for " + key + " (temporary credentials expire) and check the computer's clock.";
            return "AWS rejected the credentials of " + key + " (" + call + ").";
        }
    }
}
