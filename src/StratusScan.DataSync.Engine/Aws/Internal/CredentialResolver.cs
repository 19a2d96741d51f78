using System;
using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace StratusScan.DataSync.Aws.Internal
{
    /// <summary>Turns <see cref="AwsConnectionOptions"/> into one SDK credentials object (resolved once
    /// per session; refreshing credentials refresh themselves).</summary>
    internal static class CredentialResolver
    {
        internal sealed class Resolved
        {
            public Resolved(AWSCredentials credentials, string source, string? profileRegion)
            {
                Credentials = credentials;
                Source = source;
                ProfileRegion = profileRegion;
            }

            public AWSCredentials Credentials { get; }
            public string Source { get; }
            public string? ProfileRegion { get; }
        }

        public static Resolved Resolve(AwsConnectionOptions options)
        {
            UseCurrentSharedFiles();
            if (options.Credentials != null)
            {
                return new Resolved(FromObject(options.Credentials), "credentials object (" + options.Credentials.GetType().FullName + ")", null);
            }

            bool hasKey = !string.IsNullOrEmpty(options.AccessKey);
            bool hasSecret = !string.IsNullOrEmpty(options.SecretKey);
            if (hasKey || hasSecret)
            {
                if (!hasKey || !hasSecret)
                {
                    throw new ArgumentException("An access key needs its secret key, and a secret key its access key.");
                }
                AWSCredentials keys = string.IsNullOrEmpty(options.SessionToken)
                    ? new BasicAWSCredentials(options.AccessKey, options.SecretKey)
                    : new SessionAWSCredentials(options.AccessKey, options.SecretKey, options.SessionToken);
                return new Resolved(keys, "access key " + MaskKey(options.AccessKey!), null);
            }

            if (!string.IsNullOrEmpty(options.ProfileName))
            {
                return FromProfile(options.ProfileName!, options.ProfileLocation);
            }

            return FromDefaultChain(options.ProfileLocation);
        }

        private static Resolved FromProfile(string profileName, string? profileLocation)
        {
            var chain = string.IsNullOrEmpty(profileLocation)
                ? new CredentialProfileStoreChain()
                : new CredentialProfileStoreChain(profileLocation);
            string where = string.IsNullOrEmpty(profileLocation)
                ? "the shared credentials and config files"
                : "'" + profileLocation + "'";
            CredentialProfile profile;
            try
            {
                if (!chain.TryGetProfile(profileName, out profile))
                {
                    throw new AwsCredentialsNotFoundException("The AWS profile '" + profileName + "' was not found in " + where + ".");
                }
            }
            catch (AwsCredentialsNotFoundException)
            {
                throw;
            }
            catch (Exception ex)
            {
                throw new AwsCredentialsNotFoundException("The AWS profile '" + profileName + "' could not be read from " + where + ": " + ex.Message, ex);
            }

            AWSCredentials credentials;
            try
            {
                credentials = profile.GetAWSCredentials(chain);
            }
            catch (Exception ex)
            {
                throw new AwsCredentialsNotFoundException("The AWS profile '" + profileName + "' in " + where + " gives no usable credentials: " + ex.Message, ex);
            }
            if (credentials == null)
            {
                throw new AwsCredentialsNotFoundException("The AWS profile '" + profileName + "' in " + where + " gives no usable credentials.");
            }
            return new Resolved(credentials, "profile '" + profileName + "'", profile.Region?.SystemName);
        }

        private static Resolved FromDefaultChain(string? profileLocation)
        {
            AWSCredentials? credentials;
            try
            {
                // A resolver of its own: the SDK's shared one keeps what it found for the life of the process.
                using var resolver = new DefaultAWSCredentialsIdentityResolver();
                credentials = resolver.ResolveIdentity(new DataSyncClientConfig());
            }
            catch (Exception ex)
            {
                throw new AwsCredentialsNotFoundException("No AWS credentials were found (environment variables, AWS_PROFILE or the default " +
                    "profile, web identity, container and EC2 instance credentials were tried): " + ex.Message, ex);
            }
            if (credentials == null)
            {
                throw new AwsCredentialsNotFoundException("No AWS credentials were found.");
            }
            string? profileName = Environment.GetEnvironmentVariable("AWS_PROFILE");
            string? region = null;
            try
            {
                var chain = string.IsNullOrEmpty(profileLocation) ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(profileLocation);
                if (chain.TryGetProfile(string.IsNullOrEmpty(profileName) ? "default" : profileName, out CredentialProfile profile))
                {
                    region = profile.Region?.SystemName;
                }
            }
            catch (Exception)
            {
                // The region of the default profile is a convenience only.
            }
            return new Resolved(credentials, "default chain (" + credentials.GetType().Name + ")", region);
        }

        /// <summary>
        /// Points the SDK at the shared credentials and config files the environment names now. The SDK reads
        /// AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE once per process (SharedCredentialsFile's static default
        /// paths, and only when the file exists then); a PowerShell session outlives many commands and users change
        /// these variables between them. As in the AWS CLI, a variable naming a missing file means no such file.
        /// </summary>
        internal static void UseCurrentSharedFiles()
        {
            string home = FirstNonEmpty(Environment.GetEnvironmentVariable("HOME"), Environment.GetEnvironmentVariable("USERPROFILE"))
                ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            string credentials = FirstNonEmpty(Environment.GetEnvironmentVariable(SharedCredentialsFile.SharedCredentialsFileEnvVar))
                ?? System.IO.Path.Combine(home, ".aws", "credentials");
            string config = FirstNonEmpty(Environment.GetEnvironmentVariable(SharedCredentialsFile.SharedConfigFileEnvVar))
                ?? System.IO.Path.Combine(home, ".aws", "config");
            SetDefaultPath(nameof(SharedCredentialsFile.DefaultFilePath), credentials);
            SetDefaultPath(nameof(SharedCredentialsFile.DefaultConfigFilePath), config);
        }

        private static void SetDefaultPath(string property, string path)
        {
            var setter = typeof(SharedCredentialsFile).GetProperty(property, BindingFlags.Public | BindingFlags.Static)?.GetSetMethod(nonPublic: true)
                ?? throw new InvalidOperationException("AWSSDK.Core has no settable SharedCredentialsFile." + property + ".");
            setter.Invoke(null, new object[] { path });
        }

        private static string? FirstNonEmpty(params string?[] values)
        {
            foreach (var value in values)
            {
                if (!string.IsNullOrEmpty(value)) return value;
            }

            return null;
        }

        /// <summary>A credentials object of another AWS SDK version (or of this one).</summary>
        internal static AWSCredentials FromObject(object value)
        {
            if (value is AWSCredentials own)
            {
                return own;
            }
            MethodInfo? getCredentials = value.GetType().GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            if (getCredentials == null)
            {
                throw new ArgumentException("The credentials object (" + value.GetType().FullName + ") has no public GetCredentials() method: " +
                    "pass an AWS SDK credentials object (such as AWS Tools for PowerShell's), or an access key and secret key.");
            }
            var foreign = new ForeignSdkCredentials(value, getCredentials);
            foreign.GetCredentials(); // fail now, not at the first call
            return foreign;
        }

        internal static string MaskKey(string accessKey) =>
            accessKey.Length <= 8 ? "****" : accessKey.Substring(0, 4) + "…" + accessKey.Substring(accessKey.Length - 4);

        /// <summary>
        /// Wraps a credentials object of any AWS SDK version: its GetCredentials() is called by reflection
        /// before each signing (so it may refresh itself), and AccessKey, SecretKey and Token are read
        /// from the result by name.
        /// </summary>
        private sealed class ForeignSdkCredentials : AWSCredentials
        {
            private readonly object _source;
            private readonly MethodInfo _getCredentials;

            public ForeignSdkCredentials(object source, MethodInfo getCredentials)
            {
                _source = source;
                _getCredentials = getCredentials;
            }

            public override ImmutableCredentials GetCredentials()
            {
                object? result;
                try
                {
                    result = _getCredentials.Invoke(_source, null);
                }
                catch (TargetInvocationException ex) when (ex.InnerException != null)
                {
                    throw new AwsCredentialsNotFoundException("The credentials object (" + _source.GetType().FullName +
                        ") failed to give credentials: " + ex.InnerException.Message, ex.InnerException);
                }
                if (result == null)
                {
                    throw new AwsCredentialsNotFoundException("The credentials object (" + _source.GetType().FullName + ") gave no credentials.");
                }
                string? accessKey = Read(result, "AccessKey");
                string? secretKey = Read(result, "SecretKey");
                string? token = Read(result, "Token");
                if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
                {
                    throw new AwsCredentialsNotFoundException("The credentials object (" + _source.GetType().FullName +
                        ") gave no access key or no secret key.");
                }
                return new ImmutableCredentials(accessKey, secretKey, string.IsNullOrEmpty(token) ? null : token);
            }

            private static string? Read(object result, string name) =>
                result.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(result) as string;
        }
    }
}
