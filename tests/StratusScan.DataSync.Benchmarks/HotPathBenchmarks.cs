using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using StratusScan.DataSync.Aws.Model;
using StratusScan.DataSync.Inventory;

namespace StratusScan.DataSync.Benchmarks
{
    /// <summary>
    /// The per-resource work of a scan, paid once per location or execution (200,000 times on a large
    /// account): reading a DescribeTaskExecution body through the engine's source-generated JSON context,
    /// turning it into the pipeline object, and parsing a LocationUri into type, host and path.
    /// Run: <c>dotnet run -c Release --project tests/StratusScan.DataSync.Benchmarks -- micro --filter *</c>.
    /// </summary>
    [MemoryDiagnoser]
    public class HotPathBenchmarks
    {
        private const string Region = "us-east-1";
        private const string Account = "111122223333";

        private static readonly string[] Uris =
        {
            "s3://amzn-s3-demo-bucket/prefix/path/",
            "efs://us-east-1.fs-0123456789abcdef0/data/",
            "fsxw://us-east-1.fs-0123456789abcdef1/share/path/",
            "fsxl://us-east-1.fs-0123456789abcdef2/lustre/",
            "fsxz://us-east-1.fs-0123456789abcdef3/fsx/vol1/",
            "fsxn-nfs://us-east-1.fs-0123456789abcdef4.svm-0123456789abcdef5/vol1/path/",
            "nfs://10.0.0.12/exports/data/",
            "smb://fileserver.example.com/share/path/",
            "hdfs://namenode.example.com:8020/data/",
            "object-storage://storage.example.com/bucket/prefix/",
            "azure-blob://account.blob.core.windows.net/container/path/",
        };

        private byte[] _executionJson = System.Array.Empty<byte>();
        private byte[] _locationJson = System.Array.Empty<byte>();
        private DescribeTaskExecutionResponse _execution = new DescribeTaskExecutionResponse();
        private DescribeLocationS3Response _location = new DescribeLocationS3Response();

        [GlobalSetup]
        public void Setup()
        {
            const string taskArn = "arn:aws:datasync:us-east-1:111122223333:task/task-0123456789abcdef0";
            _executionJson = Encoding.UTF8.GetBytes(
                "{\"TaskExecutionArn\":\"" + taskArn + "/execution/exec-0123456789abcdef0\",\"Status\":\"SUCCESS\"," +
                "\"Options\":{\"VerifyMode\":\"ONLY_FILES_TRANSFERRED\",\"OverwriteMode\":\"ALWAYS\",\"Atime\":\"BEST_EFFORT\",\"Mtime\":\"PRESERVE\"," +
                "\"Uid\":\"INT_VALUE\",\"Gid\":\"INT_VALUE\",\"PreserveDeletedFiles\":\"PRESERVE\",\"PreserveDevices\":\"NONE\",\"PosixPermissions\":\"PRESERVE\"," +
                "\"BytesPerSecond\":-1,\"TaskQueueing\":\"ENABLED\",\"LogLevel\":\"BASIC\",\"TransferMode\":\"CHANGED\",\"SecurityDescriptorCopyFlags\":\"NONE\",\"ObjectTags\":\"PRESERVE\"}," +
                "\"Excludes\":[{\"FilterType\":\"SIMPLE_PATTERN\",\"Value\":\"*/.snapshot|*/tmp\"}],\"Includes\":[]," +
                "\"StartTime\":1748736000.125,\"EstimatedFilesToTransfer\":120345,\"EstimatedBytesToTransfer\":98765432109,\"FilesTransferred\":120345," +
                "\"BytesWritten\":98765432109,\"BytesTransferred\":98765432109,\"BytesCompressed\":45678901234," +
                "\"Result\":{\"PrepareDuration\":61000,\"PrepareStatus\":\"SUCCESS\",\"TotalDuration\":3723000,\"TransferDuration\":3500000," +
                "\"TransferStatus\":\"SUCCESS\",\"VerifyDuration\":162000,\"VerifyStatus\":\"SUCCESS\"}," +
                "\"FilesDeleted\":12,\"FilesSkipped\":3,\"FilesVerified\":120345,\"EstimatedFilesToDelete\":12,\"TaskMode\":\"ENHANCED\"," +
                "\"FilesPrepared\":120345,\"FilesListed\":{\"AtSource\":120360,\"AtDestinationForDelete\":12}," +
                "\"FilesFailed\":{\"Prepare\":0,\"Transfer\":2,\"Verify\":0,\"Delete\":0},\"LaunchTime\":1748735990.5,\"EndTime\":1748739723.125}");
            _locationJson = Encoding.UTF8.GetBytes(
                "{\"LocationArn\":\"arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0\"," +
                "\"LocationUri\":\"s3://amzn-s3-demo-bucket/prefix/path/\",\"S3StorageClass\":\"STANDARD\"," +
                "\"S3Config\":{\"BucketAccessRoleArn\":\"arn:aws:iam::111122223333:role/DataSyncS3Access\"}," +
                "\"AgentArns\":[\"arn:aws:datasync:us-east-1:111122223333:agent/agent-0123456789abcdef0\"],\"CreationTime\":1717000000}");
            _execution = JsonSerializer.Deserialize(_executionJson, DataSyncJsonContext.Default.DescribeTaskExecutionResponse)!;
            _location = JsonSerializer.Deserialize(_locationJson, DataSyncJsonContext.Default.DescribeLocationS3Response)!;
        }

        [Benchmark(Description = "LocationUri.Parse (11 URIs, one of each type)")]
        public int ParseLocationUris()
        {
            var length = 0;
            foreach (var uri in Uris) length += LocationUri.Parse(uri).Host.Length;
            return length;
        }

        [Benchmark(Description = "DescribeTaskExecution JSON -> response (source-generated context)")]
        public DescribeTaskExecutionResponse? DeserializeExecution() =>
            JsonSerializer.Deserialize(_executionJson, DataSyncJsonContext.Default.DescribeTaskExecutionResponse);

        [Benchmark(Description = "DataSyncTaskExecution.From")]
        public DataSyncTaskExecution ExecutionFrom() => DataSyncTaskExecution.From(_execution, Region, Account, "nightly copy");

        [Benchmark(Description = "DescribeLocationS3 JSON -> DataSyncLocation.From")]
        public DataSyncLocation LocationFromJson() =>
            DataSyncLocation.From(JsonSerializer.Deserialize(_locationJson, DataSyncJsonContext.Default.DescribeLocationS3Response)!, Region, Account);

        [Benchmark(Description = "DataSyncLocation.From (S3)")]
        public DataSyncLocation LocationFrom() => DataSyncLocation.From(_location, Region, Account);
    }
}
