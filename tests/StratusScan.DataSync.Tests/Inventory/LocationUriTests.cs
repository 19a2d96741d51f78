using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Tests.Inventory
{
    public class LocationUriTests
    {
        [Theory]
        [InlineData("s3://my-bucket/prefix/", "S3")]
        [InlineData("efs://us-east-1.fs-0123abcd/data/", "EFS")]
        [InlineData("fsxw://us-east-1.fs-0123456789abcdef0/share/", "FSx-Windows")]
        [InlineData("fsxl://us-east-1.fs-0123456789abcdef0/", "FSx-Lustre")]
        [InlineData("fsxz://us-east-1.fs-0123456789abcdef0/fsx/vol/", "FSx-OpenZFS")]
        [InlineData("fsxn-nfs://us-west-2.fs-0123456789abcdef0.svm-0123456789abcdef0/vol1/", "FSx-ONTAP")]
        [InlineData("fsxn-smb://us-west-2.fs-0123456789abcdef0.svm-0123456789abcdef0/share/", "FSx-ONTAP")]
        [InlineData("nfs://10.0.0.5/exports/data/", "NFS")]
        [InlineData("smb://fileserver.corp.example/share/path/", "SMB")]
        [InlineData("hdfs://namenode.example:8020/user/", "HDFS")]
        [InlineData("object-storage://minio.example/bucket/prefix/", "Object Storage")]
        [InlineData("azure-blob://acct.blob.core.windows.net/container/dir/", "Azure Blob")]
        [InlineData("S3://UPPER/", "S3")]
        [InlineData("gopher://x/", "Unknown")]
        [InlineData("no-scheme", "Unknown")]
        [InlineData("", "Unknown")]
        public void TheSchemeGivesTheType(string uri, string type) => Assert.Equal(type, LocationUri.Parse(uri).Type);

        [Fact]
        public void S3GivesBucketAndPrefix()
        {
            var uri = LocationUri.Parse("s3://my-bucket/prefix/sub/");
            Assert.Equal("my-bucket", uri.BucketName);
            Assert.Equal("/prefix/sub/", uri.Subdirectory);
            Assert.Equal("/", LocationUri.Parse("s3://bucket").Subdirectory);
        }

        [Fact]
        public void EfsAndFsxGiveFileSystemIdRegionAndPath()
        {
            var efs = LocationUri.Parse("efs://eu-west-1.fs-0123abcd/data/");
            Assert.Equal("fs-0123abcd", efs.FileSystemId);
            Assert.Equal("eu-west-1", efs.HostRegion);
            Assert.Equal("/data/", efs.Subdirectory);
            var ontap = LocationUri.Parse("fsxn-nfs://us-west-2.fs-0abc.svm-0def/vol1/");
            Assert.Equal("fs-0abc", ontap.FileSystemId);
            Assert.Null(LocationUri.Parse("nfs://host/x").FileSystemId);
        }

        [Fact]
        public void ServersGiveHostWithoutPort()
        {
            Assert.Equal("namenode.example", LocationUri.Parse("hdfs://namenode.example:8020/user/").ServerHostname);
            Assert.Equal("10.0.0.5", LocationUri.Parse("nfs://10.0.0.5/exports/").ServerHostname);
            Assert.Null(LocationUri.Parse("s3://bucket/").ServerHostname);
        }

        [Fact]
        public void ObjectStorageAndAzureSplitBucketOrContainerFromPath()
        {
            var os = LocationUri.Parse("object-storage://minio.example/bucket/prefix/a/");
            Assert.Equal("minio.example", os.ServerHostname);
            Assert.Equal("bucket", os.BucketName);
            Assert.Equal("/prefix/a/", os.Subdirectory);
            var az = LocationUri.Parse("azure-blob://acct.blob.core.windows.net/container/dir/");
            Assert.Equal("https://acct.blob.core.windows.net/container", az.AzureContainerUrl);
            Assert.Equal("/dir/", az.Subdirectory);
            Assert.Equal("/", LocationUri.Parse("azure-blob://acct.blob.core.windows.net/container/").Subdirectory);
        }
    }

    public class FilterPatternsTests
    {
        [Fact]
        public void PatternsAreThePipeSeparatedPiecesOfEveryRule()
        {
            Assert.Equal(new[] { "/a", "/b*", "*.tmp" }, FilterPatterns.Split(new[] { "/a|/b*", "*.tmp" }));
            Assert.Empty(FilterPatterns.Split(null));
            Assert.Empty(FilterPatterns.Split(new string?[] { null, "" }));
            Assert.Equal(new[] { "/x", "/y" }, FilterPatterns.Split(new[] { "/x||/y|" }));
        }
    }

    public class AwsArnTests
    {
        [Fact]
        public void ParsesADataSyncTaskArn()
        {
            var arn = AwsArn.ParseDataSync("arn:aws-us-gov:datasync:us-gov-west-1:123456789012:task/task-0123456789abcdef0", "task");
            Assert.Equal("aws-us-gov", arn.Partition);
            Assert.Equal("us-gov-west-1", arn.Region);
            Assert.Equal("123456789012", arn.AccountId);
            Assert.Equal("task", arn.ResourceType);
        }

        [Theory]
        [InlineData("arn:aws:datasync:us-east-1:123456789012:location/loc-0123456789abcdef0", "task")]
        [InlineData("arn:aws:datasync:us-east-1:12345678901:task/task-0123456789abcdef0", "task")]
        [InlineData("arn:aws:s3:::bucket", "task")]
        [InlineData("task-0123456789abcdef0", "task")]
        [InlineData("", "agent")]
        public void RejectsWhatIsNotAnArnOfTheType(string text, string type)
        {
            var error = Assert.Throws<System.FormatException>(() => AwsArn.ParseDataSync(text, type));
            Assert.Contains("arn:aws:datasync:us-east-1:123456789012:", error.Message);
        }

        [Fact]
        public void ExecutionArnsAreTheirOwnType()
        {
            var arn = AwsArn.ParseDataSync("arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0", "execution");
            Assert.Equal("execution", arn.ResourceType);
        }
    }
}
