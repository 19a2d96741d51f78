using System.Collections.Generic;
using System.Threading;
using StratusScan.DataSync.Aws.Organizations.Model;

namespace StratusScan.DataSync.Aws.Organizations
{
    /// <summary>
    /// A read-only AWS Organizations client (AWS JSON 1.1 on AWSSDK.Core's pipeline, the same retries, pacing and
    /// credentials as the DataSync client). Get one from <see cref="AwsSession.GetOrganizationsClient"/>. Only the
    /// management account and a delegated administrator may call it; others get
    /// <see cref="DataSyncAccessDeniedException"/> or <see cref="OrganizationsNotInUseException"/>. The method of each
    /// operation (one page of a List) is generated (Generated/Operations/); the listings that follow NextToken are here.
    /// </summary>
    public partial interface IOrganizationsClient
    {
        /// <summary>The Region every call goes to and is signed for: the one that serves Organizations in the partition.</summary>
        string Region { get; }

        /// <summary>Every root, following NextToken to the end.</summary>
        IAsyncEnumerable<Root> ListAllRootsAsync(CancellationToken cancellationToken = default);

        /// <summary>Every OU directly under a root or OU.</summary>
        IAsyncEnumerable<OrganizationalUnit> ListAllOrganizationalUnitsForParentAsync(string parentId, CancellationToken cancellationToken = default);

        /// <summary>Every account directly under a root or OU.</summary>
        IAsyncEnumerable<Account> ListAllAccountsForParentAsync(string parentId, CancellationToken cancellationToken = default);

        /// <summary>Every account of the organisation.</summary>
        IAsyncEnumerable<Account> ListAllAccountsAsync(CancellationToken cancellationToken = default);
    }
}
