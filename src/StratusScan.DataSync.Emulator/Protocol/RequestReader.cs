using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StratusScan.DataSync.Emulator.Protocol;

/// <summary>A string member's constraints in the API model.</summary>
internal sealed record StringRule(string? Pattern, int? Min = null, int? Max = null)
{
    private readonly Regex? _regex = Pattern is null ? null : new Regex(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public bool Matches(string value) => _regex is null || _regex.IsMatch(value);
}

/// <summary>The input constraints of the served operations, as the model states them.</summary>
internal static class Rules
{
    private const string Partitions = "(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b)";

    public static readonly StringRule TaskArn = new($"^arn:{Partitions}:datasync:[a-z\\-0-9]+:[0-9]{{12}}:task/task-[0-9a-f]{{17}}$", Max: 128);
    public static readonly StringRule LocationArn = new($"^arn:{Partitions}:datasync:[a-z\\-0-9]+:[0-9]{{12}}:location/loc-[0-9a-z]{{17}}$", Max: 128);
    public static readonly StringRule AgentArn = new($"^arn:{Partitions}:datasync:[a-z\\-0-9]+:[0-9]{{12}}:agent/agent-[0-9a-z]{{17}}$", Max: 128);
    public static readonly StringRule TaskExecutionArn = new($"^arn:{Partitions}:datasync:[a-z\\-0-9]+:[0-9]{{12}}:task/task-[0-9a-f]{{17}}/execution/exec-[0-9a-f]{{17}}$", Max: 128);
    public static readonly StringRule TaggableResourceArn = new(
        $"^arn:{Partitions}:datasync:[a-z\\-0-9]+:[0-9]{{12}}:(((agent|task|location)/(agent|task|loc)-[a-z0-9]{{17}}(/execution/exec-[a-f0-9]{{17}})?)|(system/storage-system-[a-f0-9]{{8}}-[a-f0-9]{{4}}-[a-f0-9]{{4}}-[a-f0-9]{{4}}-[a-f0-9]{{12}}(/job/discovery-job-[a-f0-9]{{8}}-[a-f0-9]{{4}}-[a-f0-9]{{4}}-[a-f0-9]{{4}}-[a-f0-9]{{12}})?))$",
        Max: 128);
    public static readonly StringRule NextToken = new("[a-zA-Z0-9=_-]+", Max: 65535);
    public static readonly StringRule FilterValue = new("^[0-9a-zA-Z_\\ \\-\\:\\*\\.\\\\/\\?-]*$", Min: 1, Max: 255);

    public static readonly string[] Operators =
        ["Equals", "NotEquals", "In", "LessThanOrEqual", "LessThan", "GreaterThanOrEqual", "GreaterThan", "Contains", "NotContains", "BeginsWith"];
}

/// <summary>A filter of ListTasks or ListLocations.</summary>
internal sealed record ListFilter(string Name, IReadOnlyList<string> Values, string Operator);

/// <summary>
/// Reads an awsJson request body against the model's constraints. Type mismatches are SerializationException
/// (as AWS's JSON front end answers); constraint violations are collected and reported together, in AWS's
/// "N validation error(s) detected" form, as DataSync's InvalidRequestException.
/// </summary>
internal sealed class RequestReader
{
    private readonly JsonObject _body;
    private readonly List<string> _violations = [];

    private RequestReader(JsonObject body) => _body = body;

    public static RequestReader Parse(byte[] body)
    {
        if (body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return new RequestReader([]);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw AwsServiceException.Serialization("Start of structure or map found where not expected.");
        }

        return node is JsonObject obj
            ? new RequestReader(obj)
            : throw AwsServiceException.Serialization("Start of structure or map found where not expected.");
    }

    public string? String(string member, StringRule rule, bool required = false)
    {
        JsonNode? node = _body[member];
        if (node is null)
        {
            if (required) _violations.Add($"Value null at '{Camel(member)}' failed to satisfy constraint: Member must not be null");
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw AwsServiceException.Serialization($"Unexpected value type for '{member}': a string is expected.");
        }

        string text = value.GetValue<string>();
        CheckString(text, Camel(member), rule);
        return text;
    }

    public int? Int(string member, int min, int max)
    {
        JsonNode? node = _body[member];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue(out int n))
        {
            throw AwsServiceException.Serialization($"Unexpected value type for '{member}': an integer is expected.");
        }

        if (n < min) _violations.Add($"Value '{n}' at '{Camel(member)}' failed to satisfy constraint: Member must have value greater than or equal to {min}");
        if (n > max) _violations.Add($"Value '{n}' at '{Camel(member)}' failed to satisfy constraint: Member must have value less than or equal to {max}");
        return n;
    }

    public IReadOnlyList<ListFilter> Filters(IReadOnlyList<string> names)
    {
        JsonNode? node = _body["Filters"];
        if (node is null) return [];
        if (node is not JsonArray array) throw AwsServiceException.Serialization("Unexpected value type for 'Filters': a list is expected.");

        var filters = new List<ListFilter>();
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject filter) throw AwsServiceException.Serialization("Unexpected value type in 'Filters': a structure is expected.");
            string path = $"filters.{i + 1}.member";
            string? name = EnumMember(filter, "Name", names, $"{path}.name");
            string? op = EnumMember(filter, "Operator", Rules.Operators, $"{path}.operator");
            var values = new List<string>();
            if (filter["Values"] is null)
            {
                _violations.Add($"Value null at '{path}.values' failed to satisfy constraint: Member must not be null");
            }
            else if (filter["Values"] is JsonArray valueArray)
            {
                foreach (JsonNode? item in valueArray)
                {
                    if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String) throw AwsServiceException.Serialization("Unexpected value type in 'Values': a string is expected.");
                    string text = v.GetValue<string>();
                    CheckString(text, $"{path}.values", Rules.FilterValue);
                    values.Add(text);
                }
            }
            else
            {
                throw AwsServiceException.Serialization("Unexpected value type for 'Values': a list is expected.");
            }

            if (name is not null && op is not null) filters.Add(new ListFilter(name, values, op));
        }

        return filters;
    }

    /// <summary>Throws the collected constraint violations, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (_violations.Count == 0) return;
        string count = _violations.Count == 1 ? "1 validation error detected" : $"{_violations.Count} validation errors detected";
        throw AwsServiceException.InvalidRequest($"{count}: {string.Join("; ", _violations)}", "InvalidParameters");
    }

    private string? EnumMember(JsonObject obj, string member, IReadOnlyList<string> allowed, string path)
    {
        JsonNode? node = obj[member];
        if (node is null)
        {
            _violations.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
            return null;
        }

        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String) throw AwsServiceException.Serialization($"Unexpected value type for '{member}': a string is expected.");
        string text = v.GetValue<string>();
        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            _violations.Add($"Value '{text}' at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
            return null;
        }

        return text;
    }

    private void CheckString(string text, string path, StringRule rule)
    {
        if (rule.Min is int min && text.Length < min)
            _violations.Add($"Value '{text}' at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}");
        if (rule.Max is int max && text.Length > max)
            _violations.Add($"Value '{Shorten(text)}' at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max.ToString(CultureInfo.InvariantCulture)}");
        else if (!rule.Matches(text))
            _violations.Add($"Value '{Shorten(text)}' at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {rule.Pattern}");
    }

    private static string Shorten(string text) => text.Length > 256 ? text[..256] + "…" : text;

    private static string Camel(string member) => char.ToLowerInvariant(member[0]) + member[1..];
}
