using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Aws
{
    /// <summary>
    /// A typed DataSync client for one region (AWS JSON 1.1 on AWSSDK.Core's pipeline). Thread-safe; get
    /// one from <see cref="AwsSession.GetDataSyncClient"/>. Failures throw <see cref="DataSyncServiceException"/>
    /// (and subclasses), <see cref="AwsNetworkException"/>, <see cref="AwsCredentialsNotFoundException"/>
    /// or <see cref="AwsClientException"/>; cancellation throws <see cref="System.OperationCanceledException"/>.
    /// </summary>
    public interface IDataSyncClient
    {
        /// <summary>The region every call goes to and is signed for.</summary>
        string Region { get; }

        /// <summary>Lists the tasks (one page; see ListAllTasksAsync).</summary>
        Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default);

        /// <summary>Lists the locations (one page).</summary>
        Task<ListLocationsResponse> ListLocationsAsync(ListLocationsRequest request, CancellationToken cancellationToken = default);

        /// <summary>Lists the agents (one page).</summary>
        Task<ListAgentsResponse> ListAgentsAsync(ListAgentsRequest request, CancellationToken cancellationToken = default);

        /// <summary>Lists task executions, of one task or all (one page).</summary>
        Task<ListTaskExecutionsResponse> ListTaskExecutionsAsync(ListTaskExecutionsRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes a task.</summary>
        Task<DescribeTaskResponse> DescribeTaskAsync(DescribeTaskRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes an agent.</summary>
        Task<DescribeAgentResponse> DescribeAgentAsync(DescribeAgentRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes a task execution.</summary>
        Task<DescribeTaskExecutionResponse> DescribeTaskExecutionAsync(DescribeTaskExecutionRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes an Amazon S3 location (URI scheme s3).</summary>
        Task<DescribeLocationS3Response> DescribeLocationS3Async(DescribeLocationS3Request request, CancellationToken cancellationToken = default);

        /// <summary>Describes an Amazon EFS location (efs).</summary>
        Task<DescribeLocationEfsResponse> DescribeLocationEfsAsync(DescribeLocationEfsRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes an FSx for Windows File Server location (fsxw).</summary>
        Task<DescribeLocationFsxWindowsResponse> DescribeLocationFsxWindowsAsync(DescribeLocationFsxWindowsRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes an FSx for Lustre location (fsxl).</summary>
        Task<DescribeLocationFsxLustreResponse> DescribeLocationFsxLustreAsync(DescribeLocationFsxLustreRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes an FSx for OpenZFS location (fsxz).</summary>
        Task<DescribeLocationFsxOpenZfsResponse> DescribeLocationFsxOpenZfsAsync(DescribeLocationFsxOpenZfsRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes an FSx for NetApp ONTAP location (fsxn-nfs, fsxn-smb).</summary>
        Task<DescribeLocationFsxOntapResponse> DescribeLocationFsxOntapAsync(DescribeLocationFsxOntapRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes an NFS location (nfs).</summary>
        Task<DescribeLocationNfsResponse> DescribeLocationNfsAsync(DescribeLocationNfsRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes an SMB location (smb).</summary>
        Task<DescribeLocationSmbResponse> DescribeLocationSmbAsync(DescribeLocationSmbRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes an HDFS location (hdfs).</summary>
        Task<DescribeLocationHdfsResponse> DescribeLocationHdfsAsync(DescribeLocationHdfsRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes an object storage location (object-storage).</summary>
        Task<DescribeLocationObjectStorageResponse> DescribeLocationObjectStorageAsync(DescribeLocationObjectStorageRequest request, CancellationToken cancellationToken = default);

        /// <summary>Describes a Microsoft Azure Blob Storage location (azure-blob).</summary>
        Task<DescribeLocationAzureBlobResponse> DescribeLocationAzureBlobAsync(DescribeLocationAzureBlobRequest request, CancellationToken cancellationToken = default);

        /// <summary>Lists the tags of a task, location, agent or task execution (one page).</summary>
        Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default);

        /// <summary>Every task, following NextToken to the end (pages of <see cref="DataSyncClientDefaults.MaxResults"/>).</summary>
        IAsyncEnumerable<TaskListEntry> ListAllTasksAsync(CancellationToken cancellationToken = default);

        /// <summary>Every task matching the filters.</summary>
        IAsyncEnumerable<TaskListEntry> ListAllTasksAsync(IReadOnlyList<TaskFilter>? filters, CancellationToken cancellationToken = default);

        /// <summary>Every location.</summary>
        IAsyncEnumerable<LocationListEntry> ListAllLocationsAsync(CancellationToken cancellationToken = default);

        /// <summary>Every location matching the filters.</summary>
        IAsyncEnumerable<LocationListEntry> ListAllLocationsAsync(IReadOnlyList<LocationFilter>? filters, CancellationToken cancellationToken = default);

        /// <summary>Every agent.</summary>
        IAsyncEnumerable<AgentListEntry> ListAllAgentsAsync(CancellationToken cancellationToken = default);

        /// <summary>Every task execution DataSync still keeps (30 days), of one task or (null) of all.</summary>
        IAsyncEnumerable<TaskExecutionListEntry> ListAllTaskExecutionsAsync(string? taskArn, CancellationToken cancellationToken = default);

        /// <summary>Every tag of a resource.</summary>
        IAsyncEnumerable<TagListEntry> ListAllTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken = default);
    }

    /// <summary>Constants of the DataSync API the client relies on.</summary>
    public static class DataSyncClientDefaults
    {
        /// <summary>The largest page the List operations return (the API's MaxResults maximum).</summary>
        public const int MaxResults = 100;
    }
}
