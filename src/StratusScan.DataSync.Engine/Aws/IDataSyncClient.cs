using System.Collections.Generic;
using System.Threading;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Aws
{
    /// <summary>
    /// A typed DataSync client for one region (AWS JSON 1.1 on AWSSDK.Core's pipeline). Thread-safe; get
    /// one from <see cref="AwsSession.GetDataSyncClient"/>. Failures throw <see cref="DataSyncServiceException"/>
    /// (and subclasses), <see cref="AwsNetworkException"/>, <see cref="AwsCredentialsNotFoundException"/>
    /// or <see cref="AwsClientException"/>; cancellation throws <see cref="System.OperationCanceledException"/>.
    /// The method of each API operation (one page of a List) is generated (Generated/Operations/); the
    /// listings that follow NextToken to the end are here.
    /// </summary>
    public partial interface IDataSyncClient
    {
        /// <summary>The region every call goes to and is signed for.</summary>
        string Region { get; }

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
