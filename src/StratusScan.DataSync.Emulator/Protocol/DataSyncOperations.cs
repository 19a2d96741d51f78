using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using StratusScan.DataSync.Emulator.Data;

namespace StratusScan.DataSync.Emulator.Protocol;

/// <summary>The read-only DataSync operations, served from one account's data in one region.</summary>
internal sealed class DataSyncOperations
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "ListTasks", "ListLocations", "ListAgents", "ListTaskExecutions", "DescribeTask", "DescribeAgent",
        "DescribeTaskExecution", "ListTagsForResource",
        "DescribeLocationS3", "DescribeLocationEfs", "DescribeLocationFsxWindows", "DescribeLocationFsxLustre",
        "DescribeLocationFsxOpenZfs", "DescribeLocationFsxOntap", "DescribeLocationNfs", "DescribeLocationSmb",
        "DescribeLocationHdfs", "DescribeLocationObjectStorage", "DescribeLocationAzureBlob",
    };

    private static readonly string[] TaskFilterNames = ["LocationId", "CreationTime"];
    private static readonly string[] LocationFilterNames = ["LocationUri", "LocationType", "CreationTime"];

    private readonly Paginator _paginator;
    private readonly EmulatorOptions _options;

    public DataSyncOperations(EmulatorOptions options, Paginator paginator)
    {
        _options = options;
        _paginator = paginator;
    }

    /// <param name="data">The caller's account in the signed region; null when the dataset has nothing there.</param>
    /// <param name="tokenLoop">Page in a loop: a request with a NextToken gets the same NextToken back.</param>
    public JsonObject Execute(string operation, RequestReader request, RegionData? data, string accountId, string region, bool tokenLoop = false)
    {

        string scope = $"{operation}|{accountId}|{region}";
        switch (operation)
        {
            case "ListTasks":
            {
                (int? max, string? token) = PageParameters(request);
                IReadOnlyList<ListFilter> filters = request.Filters(TaskFilterNames);
                request.ThrowIfInvalid();
                IEnumerable<JsonObject> tasks = Items(data?.Tasks).Where(t => filters.All(f => MatchesTask(t, f)));
                return List("Tasks", tasks.ToList(), max, token, tokenLoop, scope + "|" + FilterScope(filters),
                    t => Pick(t, "TaskArn", "Status", "Name", "TaskMode"));
            }

            case "ListLocations":
            {
                (int? max, string? token) = PageParameters(request);
                IReadOnlyList<ListFilter> filters = request.Filters(LocationFilterNames);
                request.ThrowIfInvalid();
                IEnumerable<JsonObject> locations = Items(data?.Locations).Where(l => filters.All(f => MatchesLocation(l, f)));
                return List("Locations", locations.ToList(), max, token, tokenLoop, scope + "|" + FilterScope(filters),
                    l => Pick(l, "LocationArn", "LocationUri"));
            }

            case "ListAgents":
            {
                (int? max, string? token) = PageParameters(request);
                request.ThrowIfInvalid();
                return List("Agents", Items(data?.Agents), max, token, tokenLoop, scope, a => Pick(a, "AgentArn", "Name", "Status", "Platform"));
            }

            case "ListTaskExecutions":
            {
                string? taskArn = request.String("TaskArn", Rules.TaskArn);
                (int? max, string? token) = PageParameters(request);
                request.ThrowIfInvalid();
                IReadOnlyList<JsonObject> executions;
                if (taskArn is null)
                {
                    executions = Items(data?.Executions);
                }
                else
                {
                    _ = Find(data?.Tasks, taskArn);
                    executions = data!.ExecutionsOf(taskArn);
                }

                return List("TaskExecutions", executions, max, token, tokenLoop, scope + "|" + taskArn,
                    e => Pick(e, "TaskExecutionArn", "Status", "TaskMode"));
            }

            case "ListTagsForResource":
            {
                string arn = request.String("ResourceArn", Rules.TaggableResourceArn, required: true)!;
                (int? max, string? token) = PageParameters(request);
                request.ThrowIfInvalid();
                if (data is null || !data.ContainsArn(arn)) throw NotFound();
                return List("Tags", data.GetTags(arn).Select(t => (JsonObject)t!).ToList(), max, token, tokenLoop, scope + "|" + arn, t => (JsonObject)t.DeepClone());
            }

            case "DescribeTask":
                return Describe(data?.Tasks, request.String("TaskArn", Rules.TaskArn, required: true), request);
            case "DescribeAgent":
                return Describe(data?.Agents, request.String("AgentArn", Rules.AgentArn, required: true), request);
            case "DescribeTaskExecution":
                return Describe(data?.Executions, request.String("TaskExecutionArn", Rules.TaskExecutionArn, required: true), request);
            default:
                if (operation.StartsWith("DescribeLocation", StringComparison.Ordinal) && Names.Contains(operation))
                {
                    string? arn = request.String("LocationArn", Rules.LocationArn, required: true);
                    request.ThrowIfInvalid();
                    JsonObject location = Find(data?.Locations, arn!);
                    string? kind = LocationTypes.FromUri(location["LocationUri"]?.GetValue<string>());
                    if (LocationTypes.DescribeOperation(kind ?? "") != operation)
                    {
                        throw AwsServiceException.InvalidRequest(
                            $"Request references a location that is not {operation["DescribeLocation".Length..]} location: {arn}", "InvalidLocationType");
                    }

                    return (JsonObject)location.DeepClone();
                }

                throw new AwsServiceException("UnknownOperationException", "", 400);
        }
    }

    private JsonObject List(string member, IReadOnlyList<JsonObject> items, int? max, string? token, bool tokenLoop, string scope, Func<JsonObject, JsonObject> entry)
    {
        (IReadOnlyList<JsonObject> page, string? next) = _paginator.Page(items, max, _options.PageSize, token, scope);
        if (tokenLoop && token is not null) next = token; // the paging never ends
        var response = new JsonObject { [member] = new JsonArray(page.Select(i => (JsonNode?)entry(i)).ToArray()) };
        if (next is not null) response["NextToken"] = next;
        return response;
    }

    private static (int? Max, string? Token) PageParameters(RequestReader request) =>
        (request.Int("MaxResults", 0, 100), request.String("NextToken", Rules.NextToken));

    private static JsonObject Describe(ResourceCollection? resources, string? arn, RequestReader request)
    {
        request.ThrowIfInvalid();
        return (JsonObject)Find(resources, arn!).DeepClone();
    }

    private static JsonObject Find(ResourceCollection? resources, string arn) => resources?.Find(arn) ?? throw NotFound();

    private static AwsServiceException NotFound() =>
        AwsServiceException.InvalidRequest("Request references a resource which does not exist.", "NotFound");

    private static IReadOnlyList<JsonObject> Items(ResourceCollection? resources) => resources?.Snapshot() ?? [];

    private static JsonObject Pick(JsonObject source, params string[] members)
    {
        var entry = new JsonObject();
        foreach (string member in members)
        {
            if (source[member] is { } value) entry[member] = value.DeepClone();
        }

        return entry;
    }

    private static string FilterScope(IReadOnlyList<ListFilter> filters) =>
        string.Join(";", filters.Select(f => $"{f.Name} {f.Operator} {string.Join(",", f.Values)}"));

    private static bool MatchesTask(JsonObject task, ListFilter filter) => filter.Name switch
    {
        "LocationId" => MatchesString(task["SourceLocationArn"]?.GetValue<string>(), filter)
            || MatchesString(task["DestinationLocationArn"]?.GetValue<string>(), filter),
        _ => MatchesTime(task["CreationTime"], filter),
    };

    private static bool MatchesLocation(JsonObject location, ListFilter filter)
    {
        string? uri = location["LocationUri"]?.GetValue<string>();
        switch (filter.Name)
        {
            case "LocationUri":
                return MatchesString(uri, filter);
            case "LocationType":
            {
                string? kind = LocationTypes.FromUri(uri);
                string scheme = uri is null ? "" : uri[..Math.Max(0, uri.IndexOf("://", StringComparison.Ordinal))];
                string[] names = kind is null ? [] : [kind, scheme, scheme.Replace('-', '_'), kind == LocationTypes.FsxOntap ? "FSXN" : scheme];
                return names.Any(n => MatchesString(n, filter, ignoreCase: true));
            }

            default:
                return MatchesTime(location["CreationTime"], filter);
        }
    }

    private static bool MatchesString(string? value, ListFilter filter, bool ignoreCase = false)
    {
        StringComparison comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        value ??= "";
        return filter.Operator switch
        {
            "Equals" or "In" => filter.Values.Any(v => string.Equals(value, v, comparison)),
            "NotEquals" => filter.Values.All(v => !string.Equals(value, v, comparison)),
            "Contains" => filter.Values.Any(v => value.Contains(v, comparison)),
            "NotContains" => filter.Values.All(v => !value.Contains(v, comparison)),
            "BeginsWith" => filter.Values.Any(v => value.StartsWith(v, comparison)),
            _ => throw AwsServiceException.InvalidRequest($"Operator {filter.Operator} is not supported for filter {filter.Name}.", "InvalidParameters"),
        };
    }

    private static bool MatchesTime(JsonNode? time, ListFilter filter)
    {
        if (time is null) return false;
        DateTimeOffset value = EpochTime.FromJson(time);
        DateTimeOffset[] bounds = filter.Values.Select(v => ParseTime(v, filter)).ToArray();
        if (bounds.Length == 0) return false;
        return filter.Operator switch
        {
            "Equals" or "In" => bounds.Any(b => b == value),
            "NotEquals" => bounds.All(b => b != value),
            "LessThan" => value < bounds[0],
            "LessThanOrEqual" => value <= bounds[0],
            "GreaterThan" => value > bounds[0],
            "GreaterThanOrEqual" => value >= bounds[0],
            _ => throw AwsServiceException.InvalidRequest($"Operator {filter.Operator} is not supported for filter {filter.Name}.", "InvalidParameters"),
        };
    }

    private static DateTimeOffset ParseTime(string text, ListFilter filter)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
            return time;
        throw AwsServiceException.InvalidRequest($"'{text}' is not a valid time for filter {filter.Name}.", "InvalidParameters");
    }
}
