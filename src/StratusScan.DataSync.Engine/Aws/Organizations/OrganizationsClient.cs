using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using StratusScan.DataSync.Aws.Internal;

namespace StratusScan.DataSync.Aws.Organizations
{
    /// <summary>The <see cref="IOrganizationsClient"/>: the SDK client, error translation, call records and pagers.</summary>
    internal sealed class OrganizationsClient : IOrganizationsClient, IDisposable
    {
        internal static readonly JsonRpcMarshaller Marshaller =
            new JsonRpcMarshaller("Amazon.Organizations", OrganizationsApi.TargetPrefix, OrganizationsApi.ContentType, OrganizationsApi.ApiVersion);

        private static readonly JsonRpcUnmarshaller<ListRootsResponse> RootsUnmarshaller =
            new JsonRpcUnmarshaller<ListRootsResponse>(OrganizationsJsonContext.Default.ListRootsResponse);
        private static readonly JsonRpcUnmarshaller<ListOrganizationalUnitsForParentResponse> UnitsUnmarshaller =
            new JsonRpcUnmarshaller<ListOrganizationalUnitsForParentResponse>(OrganizationsJsonContext.Default.ListOrganizationalUnitsForParentResponse);
        private static readonly JsonRpcUnmarshaller<ListAccountsResponse> AccountsUnmarshaller =
            new JsonRpcUnmarshaller<ListAccountsResponse>(OrganizationsJsonContext.Default.ListAccountsResponse);
        private static readonly JsonRpcUnmarshaller<DescribeOrganizationResponse> OrganizationUnmarshaller =
            new JsonRpcUnmarshaller<DescribeOrganizationResponse>(OrganizationsJsonContext.Default.DescribeOrganizationResponse);

        private readonly DataSyncServiceClient _sdk;
        private readonly Action<ApiCallRecord>? _onApiCall;

        internal OrganizationsClient(DataSyncServiceClient sdk, string region, Action<ApiCallRecord>? onApiCall)
        {
            _sdk = sdk;
            Region = region;
            _onApiCall = onApiCall;
        }

        public string Region { get; }

        public Task<ListRootsResponse> ListRootsAsync(ListRootsRequest request, CancellationToken cancellationToken = default) =>
            Call(OrganizationsApi.ListRoots, request, OrganizationsJsonContext.Default.ListRootsRequest, RootsUnmarshaller, cancellationToken);

        public Task<ListOrganizationalUnitsForParentResponse> ListOrganizationalUnitsForParentAsync(ListOrganizationalUnitsForParentRequest request,
            CancellationToken cancellationToken = default) =>
            Call(OrganizationsApi.ListOrganizationalUnitsForParent, request, OrganizationsJsonContext.Default.ListOrganizationalUnitsForParentRequest,
                UnitsUnmarshaller, cancellationToken);

        public Task<ListAccountsResponse> ListAccountsForParentAsync(ListAccountsForParentRequest request, CancellationToken cancellationToken = default) =>
            Call(OrganizationsApi.ListAccountsForParent, request, OrganizationsJsonContext.Default.ListAccountsForParentRequest, AccountsUnmarshaller,
                cancellationToken);

        public Task<ListAccountsResponse> ListAccountsAsync(ListAccountsRequest request, CancellationToken cancellationToken = default) =>
            Call(OrganizationsApi.ListAccounts, request, OrganizationsJsonContext.Default.ListAccountsRequest, AccountsUnmarshaller, cancellationToken);

        public Task<DescribeOrganizationResponse> DescribeOrganizationAsync(CancellationToken cancellationToken = default) =>
            Call(OrganizationsApi.DescribeOrganization, new DescribeOrganizationRequest(), OrganizationsJsonContext.Default.DescribeOrganizationRequest,
                OrganizationUnmarshaller, cancellationToken);

        public IAsyncEnumerable<OrganizationRoot> ListAllRootsAsync(CancellationToken cancellationToken = default) =>
            JsonCall.AllPagesAsync(OrganizationsApi.ListRoots, Region,
                (next, t) => ListRootsAsync(new ListRootsRequest { MaxResults = OrganizationsApi.MaxResults, NextToken = next }, t),
                page => page.Roots, page => page.NextToken, cancellationToken);

        public IAsyncEnumerable<OrganizationalUnit> ListAllOrganizationalUnitsForParentAsync(string parentId, CancellationToken cancellationToken = default) =>
            JsonCall.AllPagesAsync(OrganizationsApi.ListOrganizationalUnitsForParent, Region,
                (next, t) => ListOrganizationalUnitsForParentAsync(new ListOrganizationalUnitsForParentRequest
                {
                    ParentId = RequireParent(parentId), MaxResults = OrganizationsApi.MaxResults, NextToken = next,
                }, t),
                page => page.OrganizationalUnits, page => page.NextToken, cancellationToken);

        public IAsyncEnumerable<OrganizationsAccount> ListAllAccountsForParentAsync(string parentId, CancellationToken cancellationToken = default) =>
            JsonCall.AllPagesAsync(OrganizationsApi.ListAccountsForParent, Region,
                (next, t) => ListAccountsForParentAsync(new ListAccountsForParentRequest
                {
                    ParentId = RequireParent(parentId), MaxResults = OrganizationsApi.MaxResults, NextToken = next,
                }, t),
                page => page.Accounts, page => page.NextToken, cancellationToken);

        public IAsyncEnumerable<OrganizationsAccount> ListAllAccountsAsync(CancellationToken cancellationToken = default) =>
            JsonCall.AllPagesAsync(OrganizationsApi.ListAccounts, Region,
                (next, t) => ListAccountsAsync(new ListAccountsRequest { MaxResults = OrganizationsApi.MaxResults, NextToken = next }, t),
                page => page.Accounts, page => page.NextToken, cancellationToken);

        private Task<TResponse> Call<TRequest, TResponse>(string operation, TRequest request,
            System.Text.Json.Serialization.Metadata.JsonTypeInfo<TRequest> requestInfo, JsonRpcUnmarshaller<TResponse> unmarshaller,
            CancellationToken cancellationToken)
            where TResponse : class, new() =>
            JsonCall.InvokeAsync(_sdk, OrganizationsApi.SigningName, Region, _onApiCall, operation, request, requestInfo, unmarshaller, cancellationToken);

        private static string RequireParent(string parentId) =>
            string.IsNullOrEmpty(parentId) ? throw new ArgumentException("A root or OU id is required.", nameof(parentId)) : parentId;

        public void Dispose() => _sdk.Dispose();
    }
}
