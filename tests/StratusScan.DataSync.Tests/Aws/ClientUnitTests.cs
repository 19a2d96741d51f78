using System;
using System.Collections.Generic;
using System.IO;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Aws.Internal;

namespace StratusScan.DataSync.Tests.Aws
{
    /// <summary>Tests that need no server: endpoints, option validation, credentials, paging guard.</summary>
    [Collection(EnvironmentCollection.Name)]
    public sealed class ClientUnitTests
    {
        private static AwsSession KeySession(Action<AwsConnectionOptions>? configure = null)
        {
            var options = new AwsConnectionOptions { AccessKey = "AKIAUNITTEST00000001", SecretKey = "secret" };
            configure?.Invoke(options);
            return AwsSession.Create(options);
        }

        [Theory]
        [InlineData("us-east-1", false, false, "https://datasync.us-east-1.amazonaws.com/")]
        [InlineData("eu-central-1", false, false, "https://datasync.eu-central-1.amazonaws.com/")]
        [InlineData("us-east-1", true, false, "https://datasync-fips.us-east-1.amazonaws.com/")]
        [InlineData("us-gov-west-1", false, false, "https://datasync.us-gov-west-1.amazonaws.com/")]
        [InlineData("us-gov-west-1", true, false, "https://datasync-fips.us-gov-west-1.amazonaws.com/")]
        [InlineData("cn-north-1", false, false, "https://datasync.cn-north-1.amazonaws.com.cn/")]
        [InlineData("cn-northwest-1", false, false, "https://datasync.cn-northwest-1.amazonaws.com.cn/")]
        [InlineData("eu-west-1", false, true, "https://datasync.eu-west-1.api.aws/")]
        public void EndpointsFollowThePartition(string region, bool fips, bool dualStack, string expected)
        {
            using var env = new EnvironmentScope("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DATASYNC");
            using AwsSession session = KeySession(o => { o.UseFipsEndpoint = fips; o.UseDualStackEndpoint = dualStack; });
            Assert.Equal(expected, session.GetDataSyncEndpoint(region).ToString());
        }

        [Fact]
        public void EndpointUrlOptionWins()
        {
            using var env = new EnvironmentScope("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DATASYNC");
            using AwsSession session = KeySession(o => o.EndpointUrl = "http://127.0.0.1:4566");
            Assert.Equal("http://127.0.0.1:4566/", session.GetDataSyncEndpoint("eu-central-1").ToString());
        }

        [Fact]
        public void EndpointFromEnvironmentVariables()
        {
            using var env = new EnvironmentScope("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DATASYNC", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", "http://127.0.0.1:1111");
            using (AwsSession session = KeySession())
            {
                Assert.Equal("http://127.0.0.1:1111/", session.GetDataSyncEndpoint("eu-west-1").ToString());
            }
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DATASYNC", "http://127.0.0.1:2222");
            using (AwsSession session = KeySession())
            {
                Assert.Equal("http://127.0.0.1:2222/", session.GetDataSyncEndpoint("eu-west-1").ToString());
            }
            Environment.SetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
            using (AwsSession session = KeySession())
            {
                Assert.Equal("https://datasync.eu-west-1.amazonaws.com/", session.GetDataSyncEndpoint("eu-west-1").ToString());
            }
        }

        [Fact]
        public void InvalidOptionsAreRejected()
        {
            Assert.Throws<ArgumentException>(() => KeySession(o => o.RetryMode = "sometimes"));
            Assert.Throws<ArgumentException>(() => KeySession(o => o.MaxErrorRetry = -1));
            Assert.Throws<ArgumentException>(() => KeySession(o => o.EndpointUrl = "not a url"));
            Assert.Throws<ArgumentException>(() => KeySession(o => { o.EndpointUrl = "http://localhost:1"; o.UseFipsEndpoint = true; }));
            Assert.Throws<ArgumentException>(() => AwsSession.Create(new AwsConnectionOptions { AccessKey = "AKIA" }));
            using AwsSession adaptive = KeySession(o => o.RetryMode = "adaptive");
            Assert.NotNull(adaptive.GetDataSyncClient("us-east-1"));
        }

        [Fact]
        public void ClientsAreCachedPerRegion()
        {
            using AwsSession session = KeySession();
            IDataSyncClient a = session.GetDataSyncClient("us-east-1");
            Assert.Same(a, session.GetDataSyncClient("us-east-1"));
            IDataSyncClient b = session.GetDataSyncClient("eu-west-1");
            Assert.NotSame(a, b);
            Assert.Equal("eu-west-1", b.Region);
            Assert.Contains("AKIA", session.CredentialSource);
            Assert.DoesNotContain("secret", session.CredentialSource);
        }

        [Fact]
        public void MissingProfileGivesGuidance()
        {
            string file = Path.Combine(Path.GetTempPath(), "ss-creds-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(file, "[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = x\n");
            try
            {
                var ex = Assert.Throws<AwsCredentialsNotFoundException>(() =>
                    AwsSession.Create(new AwsConnectionOptions { ProfileName = "nope", ProfileLocation = file }));
                Assert.Contains("nope", ex.Message);
                Assert.Contains("aws configure", ex.Message);
                Assert.Contains("-ProfileName", ex.Message);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void NoCredentialsAnywhereGivesGuidance()
        {
            string empty = Path.Combine(Path.GetTempPath(), "ss-empty-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(empty, "");
            using var env = new EnvironmentScope("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_EC2_METADATA_DISABLED");
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", empty);
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", empty);
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            try
            {
                var ex = Assert.Throws<AwsCredentialsNotFoundException>(() => AwsSession.Create(new AwsConnectionOptions()));
                Assert.Contains("aws configure", ex.Message);
                Assert.Contains("AWS_PROFILE", ex.Message);
            }
            finally
            {
                File.Delete(empty);
            }
        }

        [Fact]
        public void ACredentialsObjectWithoutGetCredentialsIsRejected()
        {
            Assert.Throws<ArgumentException>(() => AwsSession.Create(new AwsConnectionOptions { Credentials = new object() }));
        }

        [Fact]
        public void NextTokenLoopIsDetected()
        {
            var tracker = new NextTokenTracker("ListTasks", "us-east-1");
            Assert.Equal("a", tracker.Next("a"));
            Assert.Equal("b", tracker.Next("b"));
            var ex = Assert.Throws<DataSyncPaginationException>(() => tracker.Next("a"));
            Assert.Equal(3, ex.Pages);
            Assert.Null(new NextTokenTracker("ListTasks", "us-east-1").Next(""));
        }
    }

    /// <summary>Tests that change process-wide environment variables run one at a time.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class EnvironmentCollection
    {
        public const string Name = "AWS environment variables";
    }

    /// <summary>Clears the named environment variables and restores them on dispose.</summary>
    internal sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _saved = new Dictionary<string, string?>();

        public EnvironmentScope(params string[] names)
        {
            foreach (string name in names)
            {
                _saved[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        public void Set(string name, string? value)
        {
            if (!_saved.ContainsKey(name)) _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose()
        {
            foreach (KeyValuePair<string, string?> pair in _saved) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
        }
    }
}
