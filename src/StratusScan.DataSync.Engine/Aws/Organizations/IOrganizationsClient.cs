using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace StratusScan.DataSync.Aws.Organizations
{
    /// <summary>
    /// A read-only AWS Organizations client (AWS JSON 1.1 on AWSSDK.Core's pipeline, the same retries, pacing and
    /// credentials as the DataSync client). Get one from <see cref="AwsSession.GetOrganizationsClient"/>. Only the
    /// management account and a delegated administrator may call it; others get
    /// <see cref="DataSyncAccessDeniedException"/> or <see cref="OrganizationsNotInUseException"/>.
    /// </summary>
    public interface IOrganizationsClient
    {
        /// <summary>The Region every call goes to and is signed for: the one that serves Organizations in the partition.</summary>
        string Region { get; }

        Task<ListRootsResponse> ListRootsAsync(ListRootsRequest request, CancellationToken cancellationToken = default);

        Task<ListOrganizationalUnitsForParentResponse> ListOrganizationalUnitsForParentAsync(ListOrganizationalUnitsForParentRequest request,
            CancellationToken cancellationToken = default);

        Task<ListAccountsResponse> ListAccountsForParentAsync(ListAccountsForParentRequest request, CancellationToken cancellationToken = default);

        Task<ListAccountsResponse> ListAccountsAsync(ListAccountsRequest request, CancellationToken cancellationToken = default);

        Task<DescribeOrganizationResponse> DescribeOrganizationAsync(CancellationToken cancellationToken = default);

        /// <summary>Every root, following NextToken to the end.</summary>
        IAsyncEnumerable<OrganizationRoot> ListAllRootsAsync(CancellationToken cancellationToken = default);

        /// <summary>Every OU directly under a root or OU.</summary>
        IAsyncEnumerable<OrganizationalUnit> ListAllOrganizationalUnitsForParentAsync(string parentId, CancellationToken cancellationToken = default);

        /// <summary>Every account directly under a root or OU.</summary>
        IAsyncEnumerable<OrganizationsAccount> ListAllAccountsForParentAsync(string parentId, CancellationToken cancellationToken = default);

        /// <summary>Every account of the organisation.</summary>
        IAsyncEnumerable<OrganizationsAccount> ListAllAccountsAsync(CancellationToken cancellationToken = default);
    }
}
