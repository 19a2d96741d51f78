using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Protocol;

namespace StratusScan.DataSync.Emulator.Organizations;

/// <summary>
/// The read-only AWS Organizations operations (awsJson 1.1, target prefix AWSOrganizationsV20161128), served
/// from <see cref="EmulatorOrganization"/> to its management account only: a member gets AccessDeniedException,
/// an account outside any organisation AWSOrganizationsNotInUseException. Organizations is served from one
/// Region per partition; a call signed for another Region fails as AWS fails it.
/// </summary>
internal sealed class OrganizationsOperations
{
    public const string TargetPrefix = "AWSOrganizationsV20161128.";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "ListRoots", "ListOrganizationalUnitsForParent", "ListAccountsForParent", "ListAccounts", "DescribeOrganization",
    };

    private static readonly Regex ParentId = new("^(r-[0-9a-z]{4,32})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$", RegexOptions.CultureInvariant);

    private readonly EmulatorOptions _options;
    private readonly Paginator _paginator;
    private readonly EmulatorOrganization? _organization;

    public OrganizationsOperations(EmulatorOptions options, Paginator paginator, EmulatorOrganization? organization)
    {
        _options = options;
        _paginator = paginator;
        _organization = organization;
    }

    /// <summary>The Region that serves Organizations in a partition.</summary>
    public static string ServiceRegion(string partition) => partition switch
    {
        "aws-us-gov" => "us-gov-west-1",
        "aws-cn" => "cn-northwest-1",
        _ => "us-east-1",
    };

    public JsonObject Execute(string operation, byte[] body, string callerAccountId, string region)
    {
        string partition = Partitions.ForRegion(region);
        if (region != ServiceRegion(partition))
        {
            throw new AwsServiceException("InvalidSignatureException",
                $"Credential should be scoped to a valid region. Organizations is served from {ServiceRegion(partition)}.", 400);
        }

        EmulatorOrganization organization = _organization is not null && _organization.Accounts.Any(a => a.AccountId == callerAccountId)
            ? _organization
            : throw new AwsServiceException("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
        if (callerAccountId != organization.ManagementAccountId)
        {
            throw new AwsServiceException("AccessDeniedException", "You don't have permissions to access this resource.");
        }

        JsonObject request = Parse(body);
        string scope = $"{operation}|{callerAccountId}";
        switch (operation)
        {
            case "DescribeOrganization":
                return new JsonObject
                {
                    ["Organization"] = new JsonObject
                    {
                        ["Id"] = organization.Id,
                        ["Arn"] = organization.Arn(partition),
                        ["FeatureSet"] = "ALL",
                        ["MasterAccountArn"] = $"arn:{partition}:organizations::{organization.ManagementAccountId}:account/{organization.Id}/{organization.ManagementAccountId}",
                        ["MasterAccountId"] = organization.ManagementAccountId,
                        ["MasterAccountEmail"] = organization.Accounts.Single(a => a.AccountId == organization.ManagementAccountId).Email,
                    },
                };

            case "ListRoots":
                return Page("Roots", [organization.Root], request, scope, _ => new JsonObject
                {
                    ["Id"] = organization.Root.Id,
                    ["Arn"] = organization.RootArn(partition),
                    ["Name"] = organization.Root.Name,
                    ["PolicyTypes"] = new JsonArray(),
                });

            case "ListOrganizationalUnitsForParent":
            {
                string parent = Parent(organization, request);
                return Page("OrganizationalUnits", organization.Units.Where(u => u.ParentId == parent).ToList(), request, scope + "|" + parent,
                    u => new JsonObject { ["Id"] = u.Id, ["Arn"] = organization.UnitArn(partition, u.Id), ["Name"] = u.Name });
            }

            case "ListAccountsForParent":
            {
                string parent = Parent(organization, request);
                return Page("Accounts", organization.Accounts.Where(a => a.ParentId == parent).ToList(), request, scope + "|" + parent,
                    a => Account(organization, partition, a));
            }

            case "ListAccounts":
                return Page("Accounts", organization.Accounts, request, scope, a => Account(organization, partition, a));

            default:
                throw new AwsServiceException("UnknownOperationException", $"The operation {operation} is not served by the emulator.");
        }
    }

    private static JsonObject Account(EmulatorOrganization organization, string partition, EmulatorOrganizationAccount account) => new()
    {
        ["Id"] = account.AccountId,
        ["Arn"] = organization.AccountArn(partition, account.AccountId),
        ["Email"] = account.Email,
        ["Name"] = account.Name,
        // Status is the deprecated form of State that AWS still sends: PENDING_CLOSURE and CLOSED show as SUSPENDED there.
        ["Status"] = account.State == "ACTIVE" ? "ACTIVE" : account.State == "PENDING_CLOSURE" ? "PENDING_CLOSURE" : "SUSPENDED",
        ["State"] = account.State,
        ["JoinedMethod"] = account.JoinedMethod,
        ["JoinedTimestamp"] = account.JoinedTimestamp.ToUnixTimeMilliseconds() / 1000.0,
    };

    private JsonObject Page<T>(string member, IReadOnlyList<T> items, JsonObject request, string scope, Func<T, JsonObject> entry)
    {
        int? max = null;
        if (request["MaxResults"] is JsonNode m)
        {
            if (m.GetValueKind() != JsonValueKind.Number || !m.AsValue().TryGetValue(out int value) || value < 1 || value > 20)
            {
                throw InvalidInput("MaxResults must be a number from 1 to 20.", "MAX_VALUE_EXCEEDED");
            }

            max = value;
        }

        string? token = request["NextToken"] is JsonNode t ? t.GetValue<string>() : null;
        (IReadOnlyList<T> page, string? next) pageResult;
        try
        {
            pageResult = _paginator.Page(items, max, _options.PageSize, token, scope);
        }
        catch (AwsServiceException)
        {
            throw InvalidInput("The specified NextToken is not valid.", "INVALID_NEXT_TOKEN");
        }

        var response = new JsonObject { [member] = new JsonArray(pageResult.page.Select(i => (JsonNode?)entry(i)).ToArray()) };
        if (pageResult.next is not null) response["NextToken"] = pageResult.next;
        return response;
    }

    private static string Parent(EmulatorOrganization organization, JsonObject request)
    {
        string? parent = request["ParentId"] is JsonNode p && p.GetValueKind() == JsonValueKind.String ? p.GetValue<string>() : null;
        if (parent is null) throw InvalidInput("You must specify a ParentId.", "INPUT_REQUIRED");
        if (!ParentId.IsMatch(parent)) throw InvalidInput("The ParentId is not valid.", "INVALID_PATTERN_TARGET_ID");
        return organization.FindParent(parent)?.Id
            ?? throw new AwsServiceException("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
    }

    private static JsonObject Parse(byte[] body)
    {
        if (body.Length == 0) return [];
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw AwsServiceException.Serialization("The request body is not a JSON object.");
        }
        catch (JsonException)
        {
            throw AwsServiceException.Serialization("The request body is not valid JSON.");
        }
    }

    private static AwsServiceException InvalidInput(string message, string reason) =>
        new("InvalidInputException", message, 400, reason);
}
