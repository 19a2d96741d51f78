using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws.Internal;
using StratusScan.DataSync.Aws.Organizations.Model;

namespace StratusScan.DataSync.Aws.Organizations
{
    /// <summary>The <see cref="IOrganizationsClient"/>: the SDK client, error translation, call records and pagers. Each
    /// operation's method is generated (Generated/Operations/) and calls <see cref="CallAsync"/>.</summary>
    internal sealed partial class OrganizationsClient : IOrganizationsClient, IDisposable
    {
        internal static readonly JsonRpcMarshaller Marshaller =
            new JsonRpcMarshaller("Amazon.Organizations", OrganizationsApi.TargetPrefix, OrganizationsApi.ContentType, OrganizationsApi.ApiVersion);

        private readonly DataSyncServiceClient _sdk;
        private readonly Action<ApiCallRecord>? _onApiCall;

        internal OrganizationsClient(DataSyncServiceClient sdk, string region, Action<ApiCallRecord>? onApiCall)
        {
            _sdk = sdk;
            Region = region;
            _onApiCall = onApiCall;
        }

        public string Region { get; }

        public IAsyncEnumerable<Root> ListAllRootsAsync(CancellationToken cancellationToken = default) =>
            JsonCall.AllPagesAsync(OrganizationsApi.ListRoots, Region,
                (next, t) => ListRootsAsync(new ListRootsRequest { MaxResults = OrganizationsApi.MaxResults, NextToken = next }, t),
                page => page.Roots, page => page.NextToken, cancellationToken);

        public IAsyncEnumerable<OrganizationalUnit> ListAllOrganizationalUnitsForParentAsync(string parentId, CancellationToken cancellationToken = default) =>
            JsonCall.AllPagesAsync(OrganizationsApi.ListOrganizationalUnitsForParent, Region,
                (next, t) => ListOrganizationalUnitsForParentAsync(
                    new ListOrganizationalUnitsForParentRequest(RequireParent(parentId)) { MaxResults = OrganizationsApi.MaxResults, NextToken = next }, t),
                page => page.OrganizationalUnits, page => page.NextToken, cancellationToken);

        public IAsyncEnumerable<Account> ListAllAccountsForParentAsync(string parentId, CancellationToken cancellationToken = default) =>
            JsonCall.AllPagesAsync(OrganizationsApi.ListAccountsForParent, Region,
                (next, t) => ListAccountsForParentAsync(
                    new ListAccountsForParentRequest(RequireParent(parentId)) { MaxResults = OrganizationsApi.MaxResults, NextToken = next }, t),
                page => page.Accounts, page => page.NextToken, cancellationToken);

        public IAsyncEnumerable<Account> ListAllAccountsAsync(CancellationToken cancellationToken = default) =>
            JsonCall.AllPagesAsync(OrganizationsApi.ListAccounts, Region,
                (next, t) => ListAccountsAsync(new ListAccountsRequest { MaxResults = OrganizationsApi.MaxResults, NextToken = next }, t),
                page => page.Accounts, page => page.NextToken, cancellationToken);

        private Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo,
            JsonRpcUnmarshaller<TResponse> unmarshaller, CancellationToken cancellationToken)
            where TResponse : class, new() =>
            JsonCall.InvokeAsync(_sdk, OrganizationsApi.SigningName, Region, _onApiCall, operation, request, requestInfo, unmarshaller, cancellationToken);

        private static string RequireParent(string parentId) =>
            string.IsNullOrEmpty(parentId) ? throw new ArgumentException("A root or OU id is required.", nameof(parentId)) : parentId;

        public void Dispose() => _sdk.Dispose();
    }
}
