using System.Text.Json.Serialization;

namespace StratusScan.DataSync.Aws.Model
{
    /// <summary>
    /// System.Text.Json source-generated metadata for every request and response the client sends and
    /// reads: no reflection serialization on the request path. Nulls are omitted when writing requests
    /// (awsJson1_1 treats an absent member and a null one alike, and the service rejects some nulls);
    /// members the API adds later are ignored when reading; timestamps use epoch seconds.
    /// </summary>
    [JsonSourceGenerationOptions(
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        GenerationMode = JsonSourceGenerationMode.Default,
        Converters = new[] { typeof(EpochSecondsDateTimeConverter) })]
    [JsonSerializable(typeof(ListTasksRequest))]
    [JsonSerializable(typeof(ListTasksResponse))]
    [JsonSerializable(typeof(ListLocationsRequest))]
    [JsonSerializable(typeof(ListLocationsResponse))]
    [JsonSerializable(typeof(ListAgentsRequest))]
    [JsonSerializable(typeof(ListAgentsResponse))]
    [JsonSerializable(typeof(ListTaskExecutionsRequest))]
    [JsonSerializable(typeof(ListTaskExecutionsResponse))]
    [JsonSerializable(typeof(ListTagsForResourceRequest))]
    [JsonSerializable(typeof(ListTagsForResourceResponse))]
    [JsonSerializable(typeof(DescribeTaskRequest))]
    [JsonSerializable(typeof(DescribeTaskResponse))]
    [JsonSerializable(typeof(DescribeAgentRequest))]
    [JsonSerializable(typeof(DescribeAgentResponse))]
    [JsonSerializable(typeof(DescribeTaskExecutionRequest))]
    [JsonSerializable(typeof(DescribeTaskExecutionResponse))]
    [JsonSerializable(typeof(DescribeLocationS3Request))]
    [JsonSerializable(typeof(DescribeLocationS3Response))]
    [JsonSerializable(typeof(DescribeLocationEfsRequest))]
    [JsonSerializable(typeof(DescribeLocationEfsResponse))]
    [JsonSerializable(typeof(DescribeLocationFsxWindowsRequest))]
    [JsonSerializable(typeof(DescribeLocationFsxWindowsResponse))]
    [JsonSerializable(typeof(DescribeLocationFsxLustreRequest))]
    [JsonSerializable(typeof(DescribeLocationFsxLustreResponse))]
    [JsonSerializable(typeof(DescribeLocationFsxOpenZfsRequest))]
    [JsonSerializable(typeof(DescribeLocationFsxOpenZfsResponse))]
    [JsonSerializable(typeof(DescribeLocationFsxOntapRequest))]
    [JsonSerializable(typeof(DescribeLocationFsxOntapResponse))]
    [JsonSerializable(typeof(DescribeLocationNfsRequest))]
    [JsonSerializable(typeof(DescribeLocationNfsResponse))]
    [JsonSerializable(typeof(DescribeLocationSmbRequest))]
    [JsonSerializable(typeof(DescribeLocationSmbResponse))]
    [JsonSerializable(typeof(DescribeLocationHdfsRequest))]
    [JsonSerializable(typeof(DescribeLocationHdfsResponse))]
    [JsonSerializable(typeof(DescribeLocationObjectStorageRequest))]
    [JsonSerializable(typeof(DescribeLocationObjectStorageResponse))]
    [JsonSerializable(typeof(DescribeLocationAzureBlobRequest))]
    [JsonSerializable(typeof(DescribeLocationAzureBlobResponse))]
    [JsonSerializable(typeof(Internal.ServiceErrorBody))]
    internal sealed partial class DataSyncJsonContext : JsonSerializerContext
    {
    }
}
