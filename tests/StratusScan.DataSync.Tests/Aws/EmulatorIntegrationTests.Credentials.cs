using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws;
using StratusScan.DataSync.Aws.Model;
using StratusScan.DataSync.Emulator;

namespace StratusScan.DataSync.Tests.Aws
{
    /// <summary>Credentials: a wrong secret, a profile file, another SDK's credentials object, and STS.</summary>
    public sealed partial class EmulatorIntegrationTests
    {
        [Fact]
        public async Task WrongSecretIsAnAuthenticationError()
        {
            await using EmulatorServer server = await StartAsync();
            using AwsSession session = AwsSession.Create(Connect(server, o => o.SecretKey = "not-the-secret"));
            var ex = await Assert.ThrowsAsync<DataSyncAuthenticationException>(() =>
                session.GetDataSyncClient("us-east-1").ListTasksAsync(new ListTasksRequest()));
            Assert.Equal(403, ex.StatusCode);
            Assert.Equal("InvalidSignatureException", ex.ErrorCode);
            Assert.DoesNotContain("not-the-secret", ex.ToString());
        }

        [Fact]
        public async Task CredentialsFromAProfileFile()
        {
            await using EmulatorServer server = await StartAsync();
            string file = Path.Combine(Path.GetTempPath(), "ss-profile-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(file,
                "[default]\naws_access_key_id = AKIAWRONG\naws_secret_access_key = wrong\n\n" +
                $"[emulator]\naws_access_key_id = {EmulatorCredentials.DefaultAccessKeyId}\naws_secret_access_key = {EmulatorCredentials.DefaultSecretAccessKey}\nregion = eu-west-1\n");
            try
            {
                using AwsSession session = AwsSession.Create(new AwsConnectionOptions
                {
                    ProfileName = "emulator",
                    ProfileLocation = file,
                    EndpointUrl = server.Endpoint.ToString(),
                });
                Assert.Equal("profile 'emulator'", session.CredentialSource);
                Assert.Equal("eu-west-1", session.DefaultRegion);
                ListTasksResponse page = await session.GetDataSyncClient("eu-west-1").ListTasksAsync(new ListTasksRequest { MaxResults = 100 });
                Assert.Equal(5, page.Tasks!.Count);
                Assert.NotNull(page.NextToken);
            }
            finally
            {
                File.Delete(file);
            }
        }

        /// <summary>Stands for a credentials object of another AWS SDK version (AWS Tools for PowerShell's
        /// AWSSDK.Core 3.7 BasicAWSCredentials): the client only sees GetCredentials() and the property names.</summary>
        public sealed class OtherSdkCredentials
        {
            private readonly string _key, _secret;
            public int Calls;
            public OtherSdkCredentials(string key, string secret) { _key = key; _secret = secret; }
            public OtherSdkImmutable GetCredentials() { Interlocked.Increment(ref Calls); return new OtherSdkImmutable(_key, _secret, null); }
        }

        public sealed class OtherSdkImmutable
        {
            public OtherSdkImmutable(string accessKey, string secretKey, string? token) { AccessKey = accessKey; SecretKey = secretKey; Token = token; }
            public string AccessKey { get; }
            public string SecretKey { get; }
            public string? Token { get; }
        }

        [Fact]
        public async Task CredentialsObjectOfAnotherSdk()
        {
            await using EmulatorServer server = await StartAsync();
            var foreign = new OtherSdkCredentials(EmulatorCredentials.DefaultAccessKeyId, EmulatorCredentials.DefaultSecretAccessKey);
            using AwsSession session = AwsSession.Create(new AwsConnectionOptions { Credentials = foreign, EndpointUrl = server.Endpoint.ToString() });
            List<AgentListEntry> agents = await ToListAsync(session.GetDataSyncClient("us-east-1").ListAllAgentsAsync());
            Assert.Equal(Data(server, "us-east-1").Agents.Count, agents.Count);
            Assert.True(foreign.Calls >= 2, "asked at creation and before signing");

            CallerIdentity identity = await session.GetCallerIdentityAsync("us-east-1");
            Assert.Equal(EmulatorCredentials.DefaultAccountId, identity.Account);
        }

        [Fact]
        public async Task GetCallerIdentityThroughTheEmulatorsSts()
        {
            await using EmulatorServer server = await StartAsync();
            var records = new ConcurrentBag<ApiCallRecord>();
            using AwsSession session = AwsSession.Create(Connect(server, o => o.OnApiCall = records.Add));
            CallerIdentity identity = await session.GetCallerIdentityAsync("eu-west-1");
            Assert.Equal(EmulatorCredentials.DefaultAccountId, identity.Account);
            Assert.StartsWith("arn:aws:", identity.Arn);
            Assert.Equal("aws", identity.Partition);
            ApiCallRecord record = Assert.Single(records);
            Assert.Equal("sts", record.Service);
            Assert.Equal("GetCallerIdentity", record.Operation);
            Assert.True(record.Succeeded);
            Assert.Equal(1, record.Attempts);

            using AwsSession wrong = AwsSession.Create(Connect(server, o => o.SecretKey = "nope"));
            await Assert.ThrowsAnyAsync<DataSyncAuthenticationException>(() => wrong.GetCallerIdentityAsync("eu-west-1"));
        }
    }
}
