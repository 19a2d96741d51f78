using System;

namespace StratusScan.DataSync.Aws
{
    /// <summary>The result of STS GetCallerIdentity.</summary>
    public sealed class CallerIdentity
    {
        internal CallerIdentity(string account, string arn, string userId)
        {
            Account = account;
            Arn = arn;
            UserId = userId;
        }

        /// <summary>The 12-digit account id.</summary>
        public string Account { get; }

        /// <summary>The caller's ARN (user, assumed role or root).</summary>
        public string Arn { get; }

        /// <summary>The caller's unique id.</summary>
        public string UserId { get; }

        /// <summary>The partition from the ARN ("aws", "aws-us-gov", "aws-cn", …).</summary>
        public string Partition
        {
            get
            {
                string[] parts = Arn.Split(':');
                return parts.Length > 1 && parts[1].Length > 0 ? parts[1] : "aws";
            }
        }

        /// <inheritdoc />
        public override string ToString() => Arn;
    }

    /// <summary>Temporary credentials from STS AssumeRole. Holds secrets: never log the object's members
    /// (its <see cref="ToString"/> shows none).</summary>
    public sealed class AssumedRoleCredentials
    {
        internal AssumedRoleCredentials(string accessKeyId, string secretAccessKey, string sessionToken, DateTime expirationUtc,
            string assumedRoleArn, string assumedRoleId)
        {
            AccessKeyId = accessKeyId;
            SecretAccessKey = secretAccessKey;
            SessionToken = sessionToken;
            ExpirationUtc = expirationUtc;
            AssumedRoleArn = assumedRoleArn;
            AssumedRoleId = assumedRoleId;
        }

        /// <summary>The temporary access key id.</summary>
        public string AccessKeyId { get; }

        /// <summary>The temporary secret key (a secret).</summary>
        public string SecretAccessKey { get; }

        /// <summary>The session token (a secret).</summary>
        public string SessionToken { get; }

        /// <summary>When the credentials expire (UTC).</summary>
        public DateTime ExpirationUtc { get; }

        /// <summary>The assumed role session's ARN.</summary>
        public string AssumedRoleArn { get; }

        /// <summary>The assumed role session's id.</summary>
        public string AssumedRoleId { get; }

        /// <inheritdoc />
        public override string ToString() => AssumedRoleArn + " (expires " + ExpirationUtc.ToString("u") + ")";
    }
}
