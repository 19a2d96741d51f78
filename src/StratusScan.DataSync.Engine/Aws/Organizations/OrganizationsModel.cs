using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using StratusScan.DataSync.Aws.Internal;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Aws.Organizations
{
    /// <summary>
    /// The AWS Organizations API as the client calls it (models/organizations-2016-11-28.json): protocol metadata
    /// and the operations used. The shapes below carry only the members the account discovery reads; members the
    /// API sends besides are ignored when reading.
    /// </summary>
    internal static class OrganizationsApi
    {
        public const string ApiVersion = "2016-11-28";
        public const string ServiceId = "Organizations";
        public const string SigningName = "organizations";
        public const string EndpointPrefix = "organizations";
        public const string TargetPrefix = "AWSOrganizationsV20161128";
        public const string ContentType = "application/x-amz-json-1.1";

        public const string ListRoots = "ListRoots";
        public const string ListOrganizationalUnitsForParent = "ListOrganizationalUnitsForParent";
        public const string ListAccountsForParent = "ListAccountsForParent";
        public const string ListAccounts = "ListAccounts";
        public const string DescribeOrganization = "DescribeOrganization";

        /// <summary>The largest page the service gives (the model's MaxResults maximum).</summary>
        public const int MaxResults = 20;

        public static readonly IReadOnlyList<string> Operations = new[]
        {
            ListRoots, ListOrganizationalUnitsForParent, ListAccountsForParent, ListAccounts, DescribeOrganization,
        };

        /// <summary>
        /// The one Region that serves Organizations in the partition of <paramref name="region"/>: us-gov-west-1 in
        /// GovCloud, cn-northwest-1 in China, us-east-1 elsewhere.
        /// </summary>
        public static string ServiceRegion(string? region)
        {
            if (region != null && region.StartsWith("us-gov-", StringComparison.Ordinal)) return "us-gov-west-1";
            if (region != null && region.StartsWith("cn-", StringComparison.Ordinal)) return "cn-northwest-1";
            return "us-east-1";
        }
    }

    /// <summary>The root of an organisation (ListRoots).</summary>
    public sealed class OrganizationRoot : ApiShape
    {
        [JsonPropertyName("Id")] public string? Id { get; set; }
        [JsonPropertyName("Arn")] public string? Arn { get; set; }
        [JsonPropertyName("Name")] public string? Name { get; set; }
    }

    /// <summary>An organisational unit (ListOrganizationalUnitsForParent).</summary>
    public sealed class OrganizationalUnit : ApiShape
    {
        [JsonPropertyName("Id")] public string? Id { get; set; }
        [JsonPropertyName("Arn")] public string? Arn { get; set; }
        [JsonPropertyName("Name")] public string? Name { get; set; }
    }

    /// <summary>An account of the organisation (ListAccounts, ListAccountsForParent).</summary>
    public sealed class OrganizationsAccount : ApiShape
    {
        [JsonPropertyName("Id")] public string? Id { get; set; }
        [JsonPropertyName("Arn")] public string? Arn { get; set; }
        [JsonPropertyName("Email")] public string? Email { get; set; }
        [JsonPropertyName("Name")] public string? Name { get; set; }

        /// <summary>Known values (kept as a string, the API adds values): PENDING_ACTIVATION, ACTIVE, SUSPENDED,
        /// PENDING_CLOSURE, CLOSED.</summary>
        [JsonPropertyName("State")] public string? State { get; set; }

        /// <summary>The deprecated form of <see cref="State"/>: ACTIVE, SUSPENDED, PENDING_CLOSURE.</summary>
        [JsonPropertyName("Status")] public string? Status { get; set; }

        /// <summary>INVITED or CREATED.</summary>
        [JsonPropertyName("JoinedMethod")] public string? JoinedMethod { get; set; }

        /// <summary>UTC. On the wire: epoch seconds.</summary>
        [JsonPropertyName("JoinedTimestamp")] public DateTime? JoinedTimestamp { get; set; }
    }

    /// <summary>The organisation (DescribeOrganization).</summary>
    public sealed class OrganizationDescription : ApiShape
    {
        [JsonPropertyName("Id")] public string? Id { get; set; }
        [JsonPropertyName("Arn")] public string? Arn { get; set; }
        [JsonPropertyName("FeatureSet")] public string? FeatureSet { get; set; }
        [JsonPropertyName("MasterAccountId")] public string? MasterAccountId { get; set; }
        [JsonPropertyName("MasterAccountArn")] public string? MasterAccountArn { get; set; }
    }

    /// <summary>A request for one page of a list.</summary>
    public class OrganizationsPageRequest : ApiShape
    {
        [JsonPropertyName("NextToken")] public string? NextToken { get; set; }
        [JsonPropertyName("MaxResults")] public int? MaxResults { get; set; }
    }

    public sealed class ListRootsRequest : OrganizationsPageRequest { }

    public sealed class ListRootsResponse : ApiShape
    {
        [JsonPropertyName("Roots")] public IReadOnlyList<OrganizationRoot>? Roots { get; set; }
        [JsonPropertyName("NextToken")] public string? NextToken { get; set; }
    }

    public sealed class ListOrganizationalUnitsForParentRequest : OrganizationsPageRequest
    {
        /// <summary>A root (r-…) or an OU (ou-…).</summary>
        [JsonPropertyName("ParentId")] public string? ParentId { get; set; }
    }

    public sealed class ListOrganizationalUnitsForParentResponse : ApiShape
    {
        [JsonPropertyName("OrganizationalUnits")] public IReadOnlyList<OrganizationalUnit>? OrganizationalUnits { get; set; }
        [JsonPropertyName("NextToken")] public string? NextToken { get; set; }
    }

    public sealed class ListAccountsForParentRequest : OrganizationsPageRequest
    {
        /// <summary>A root (r-…) or an OU (ou-…).</summary>
        [JsonPropertyName("ParentId")] public string? ParentId { get; set; }
    }

    public sealed class ListAccountsRequest : OrganizationsPageRequest { }

    public sealed class ListAccountsResponse : ApiShape
    {
        [JsonPropertyName("Accounts")] public IReadOnlyList<OrganizationsAccount>? Accounts { get; set; }
        [JsonPropertyName("NextToken")] public string? NextToken { get; set; }
    }

    /// <summary>DescribeOrganization takes no input: the body is an empty object.</summary>
    public sealed class DescribeOrganizationRequest : ApiShape { }

    public sealed class DescribeOrganizationResponse : ApiShape
    {
        [JsonPropertyName("Organization")] public OrganizationDescription? Organization { get; set; }
    }

    /// <summary>System.Text.Json source-generated metadata of the Organizations requests and responses (nulls omitted
    /// when writing, epoch-second timestamps).</summary>
    [JsonSourceGenerationOptions(
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        GenerationMode = JsonSourceGenerationMode.Default,
        Converters = new[] { typeof(EpochSecondsDateTimeConverter) })]
    [JsonSerializable(typeof(ListRootsRequest))]
    [JsonSerializable(typeof(ListRootsResponse))]
    [JsonSerializable(typeof(ListOrganizationalUnitsForParentRequest))]
    [JsonSerializable(typeof(ListOrganizationalUnitsForParentResponse))]
    [JsonSerializable(typeof(ListAccountsForParentRequest))]
    [JsonSerializable(typeof(ListAccountsRequest))]
    [JsonSerializable(typeof(ListAccountsResponse))]
    [JsonSerializable(typeof(DescribeOrganizationRequest))]
    [JsonSerializable(typeof(DescribeOrganizationResponse))]
    internal sealed partial class OrganizationsJsonContext : JsonSerializerContext
    {
    }
}
