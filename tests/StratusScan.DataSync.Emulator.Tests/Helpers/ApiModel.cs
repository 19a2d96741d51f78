using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StratusScan.DataSync.Testing;

namespace StratusScan.DataSync.Emulator.Tests.Helpers;

/// <summary>
/// The official DataSync API model (botocore service-2.json), used to check that every value the emulator
/// stores is valid under the output shape it is served as, and that a dataset uses every member.
/// </summary>
internal sealed class ApiModel
{
    /// <summary>
    /// Documented deviations from the model. The model's LocationUri pattern predates the object storage and
    /// Azure Blob location types, whose LocationUri DataSync gives as object-storage://… and azure-blob://….
    /// </summary>
    private static readonly Regex NewerLocationUriSchemes = new("^(object-storage|azure-blob)://[a-zA-Z0-9.:/\\-]+$");

    private readonly JsonObject _shapes;
    private readonly JsonObject _operations;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    private ApiModel(JsonObject model)
    {
        _shapes = model["shapes"]!.AsObject();
        _operations = model["operations"]!.AsObject();
    }

    /// <summary>The committed model, models/datasync-2018-11-09.json.</summary>
    public static ApiModel Load() => new(JsonNode.Parse(File.ReadAllText(RepositoryFiles.DataSyncModel))!.AsObject());

    /// <summary>The committed Organizations model, models/organizations-2016-11-28.json.</summary>
    public static ApiModel LoadOrganizations() => new(JsonNode.Parse(File.ReadAllText(RepositoryFiles.OrganizationsModel))!.AsObject());

    public string OutputShape(string operation) => _operations[operation]!["output"]!["shape"]!.GetValue<string>();

    /// <summary>Every member path of a shape ("Options.VerifyMode", "Excludes[].Value"), sensitive members aside.</summary>
    public IEnumerable<string> MemberPaths(string shapeName, string prefix = "", int depth = 0)
    {
        JsonObject shape = Shape(shapeName);
        if (depth > 12) yield break;
        switch (shape["type"]!.GetValue<string>())
        {
            case "structure":
                foreach (KeyValuePair<string, JsonNode?> member in shape["members"]!.AsObject())
                {
                    string memberShape = member.Value!["shape"]!.GetValue<string>();
                    if (Shape(memberShape)["sensitive"]?.GetValue<bool>() == true) continue;
                    string path = prefix.Length == 0 ? member.Key : $"{prefix}.{member.Key}";
                    yield return path;
                    foreach (string inner in MemberPaths(memberShape, path, depth + 1)) yield return inner;
                }

                break;
            case "list":
                foreach (string inner in MemberPaths(shape["member"]!["shape"]!.GetValue<string>(), prefix + "[]", depth + 1)) yield return inner;
                break;
        }
    }

    /// <summary>Every (path, enum value) pair reachable from a shape.</summary>
    public IEnumerable<string> EnumValuePaths(string shapeName)
    {
        foreach (string path in MemberPaths(shapeName))
        {
            JsonObject shape = ShapeAt(shapeName, path);
            if (shape["enum"] is JsonArray values)
            {
                foreach (JsonNode? value in values) yield return $"{path}={value!.GetValue<string>()}";
            }
        }
    }

    /// <summary>Checks a value against a shape; adds problems to <paramref name="errors"/>, used paths and enum values to <paramref name="seen"/>.</summary>
    public void Validate(JsonNode? value, string shapeName, string path, List<string> errors, HashSet<string> seen, string seenPrefix = "")
    {
        JsonObject shape = Shape(shapeName);
        string type = shape["type"]!.GetValue<string>();
        if (value is null)
        {
            errors.Add($"{path}: null is never served");
            return;
        }

        switch (type)
        {
            case "structure":
            {
                if (value is not JsonObject obj)
                {
                    errors.Add($"{path}: structure {shapeName} expected, got {value.GetValueKind()}");
                    return;
                }

                JsonObject members = shape["members"]!.AsObject();
                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    if (members[member.Key] is not JsonObject memberDef)
                    {
                        errors.Add($"{path}.{member.Key}: not a member of {shapeName}");
                        continue;
                    }

                    string memberPath = seenPrefix.Length == 0 ? member.Key : $"{seenPrefix}.{member.Key}";
                    seen.Add(memberPath);
                    Validate(member.Value, memberDef["shape"]!.GetValue<string>(), $"{path}.{member.Key}", errors, seen, memberPath);
                }

                foreach (JsonNode? required in shape["required"]?.AsArray() ?? [])
                {
                    if (!obj.ContainsKey(required!.GetValue<string>())) errors.Add($"{path}: required member {required} missing ({shapeName})");
                }

                break;
            }

            case "list":
            {
                if (value is not JsonArray array)
                {
                    errors.Add($"{path}: list expected");
                    return;
                }

                CheckRange(array.Count, shape, path, "item count", errors);
                for (int i = 0; i < array.Count; i++)
                {
                    Validate(array[i], shape["member"]!["shape"]!.GetValue<string>(), $"{path}[{i}]", errors, seen, seenPrefix + "[]");
                }

                break;
            }

            case "string":
            {
                if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    errors.Add($"{path}: string expected, got {value.GetValueKind()}");
                    return;
                }

                string text = v.GetValue<string>();
                CheckRange(text.Length, shape, path, "length", errors);
                if (shape["enum"] is JsonArray values)
                {
                    if (!values.Any(e => e!.GetValue<string>() == text)) errors.Add($"{path}: '{text}' is not in the enum of {shapeName}");
                    seen.Add($"{seenPrefix}={text}");
                }

                if (shape["pattern"]?.GetValue<string>() is { } pattern && !Pattern(pattern).IsMatch(text)
                    && !(shapeName == "LocationUri" && NewerLocationUriSchemes.IsMatch(text)))
                {
                    errors.Add($"{path}: '{Shorten(text)}' does not match {shapeName}'s pattern {pattern}");
                }

                break;
            }

            case "integer" or "long":
            {
                if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
                {
                    errors.Add($"{path}: number expected");
                    return;
                }

                double number = double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                if (number != Math.Floor(number)) errors.Add($"{path}: {number} is not a whole number");
                if (type == "integer" && (number > int.MaxValue || number < int.MinValue)) errors.Add($"{path}: {number} overflows an integer");
                CheckRange(number, shape, path, "value", errors);
                break;
            }

            case "timestamp":
                if (value is not JsonValue t || t.GetValueKind() != JsonValueKind.Number)
                {
                    errors.Add($"{path}: a timestamp must be epoch seconds (a number) in awsJson");
                }
                else
                {
                    double seconds = double.Parse(t.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                    if (seconds < 946684800 || seconds > 4102444800) errors.Add($"{path}: {seconds} is not a plausible epoch-seconds time");
                }

                break;
            case "blob":
                if (value is not JsonValue b || b.GetValueKind() != JsonValueKind.String)
                {
                    errors.Add($"{path}: a blob must be a base64 string");
                }
                else
                {
                    try
                    {
                        CheckRange(Convert.FromBase64String(b.GetValue<string>()).Length, shape, path, "byte length", errors);
                    }
                    catch (FormatException)
                    {
                        errors.Add($"{path}: not base64");
                    }
                }

                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{path}: boolean expected");
                break;
            default:
                errors.Add($"{path}: unexpected shape type {type}");
                break;
        }
    }

    private JsonObject ShapeAt(string root, string path)
    {
        JsonObject shape = Shape(root);
        foreach (string part in path.Split('.'))
        {
            bool list = part.EndsWith("[]", StringComparison.Ordinal);
            shape = Shape(shape["members"]![list ? part[..^2] : part]!["shape"]!.GetValue<string>());
            if (list) shape = Shape(shape["member"]!["shape"]!.GetValue<string>());
        }

        return shape;
    }

    private JsonObject Shape(string name) => _shapes[name]?.AsObject() ?? throw new InvalidOperationException($"No shape {name}");

    private Regex Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out Regex? regex))
        {
            // botocore patterns are Java regexes; Java accepts an escaped '_' (\_), .NET does not.
            regex = new Regex(pattern.Replace("\\_", "_", StringComparison.Ordinal), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
            _patterns[pattern] = regex;
        }

        return regex;
    }

    private static void CheckRange(double value, JsonObject shape, string path, string what, List<string> errors)
    {
        if (shape["min"] is JsonNode min && value < min.GetValue<double>()) errors.Add($"{path}: {what} {value} < min {min}");
        if (shape["max"] is JsonNode max && value > max.GetValue<double>()) errors.Add($"{path}: {what} {value} > max {max}");
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
