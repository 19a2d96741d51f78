using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using StratusScan.DataSync.Aws.Model;
using Xunit.Sdk;

namespace StratusScan.DataSync.Tests.Aws
{
    /// <summary>Compares what the client parsed (serialized back with the client's own JSON metadata)
    /// with the emulator's stored Describe output: every member and value must survive the round trip.</summary>
    internal static class JsonAssert
    {
        public static void SameAsDataset<T>(JsonObject expected, T actual, JsonTypeInfo<T> typeInfo)
        {
            JsonNode? parsed = JsonNode.Parse(JsonSerializer.Serialize(actual, typeInfo));
            var differences = new List<string>();
            Compare(expected, parsed, "$", differences);
            if (differences.Count > 0)
            {
                throw new XunitException("Parsed " + typeof(T).Name + " differs from the dataset:\n" + string.Join("\n", differences.Take(20)));
            }
        }

        public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)DataSyncJsonContext.Default.GetTypeInfo(typeof(T))!;

        private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
        {
            if (expected is null || actual is null)
            {
                if (!(expected is null && actual is null)) differences.Add($"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
                return;
            }
            switch (expected)
            {
                case JsonObject eo when actual is JsonObject ao:
                    foreach (KeyValuePair<string, JsonNode?> member in eo)
                    {
                        if (member.Value is null) continue;
                        if (!ao.TryGetPropertyValue(member.Key, out JsonNode? value))
                        {
                            differences.Add($"{path}.{member.Key}: missing");
                            continue;
                        }
                        Compare(member.Value, value, path + "." + member.Key, differences);
                    }
                    foreach (KeyValuePair<string, JsonNode?> member in ao)
                    {
                        if (!eo.ContainsKey(member.Key)) differences.Add($"{path}.{member.Key}: not in the dataset");
                    }
                    break;
                case JsonArray ea when actual is JsonArray aa:
                    if (ea.Count != aa.Count)
                    {
                        differences.Add($"{path}: {ea.Count} items expected, {aa.Count} found");
                        return;
                    }
                    for (int i = 0; i < ea.Count; i++) Compare(ea[i], aa[i], $"{path}[{i}]", differences);
                    break;
                case JsonValue ev when actual is JsonValue av:
                    if (ev.GetValueKind() == JsonValueKind.Number && av.GetValueKind() == JsonValueKind.Number)
                    {
                        decimal e = decimal.Parse(ev.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                        decimal a = decimal.Parse(av.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                        if (e != a) differences.Add($"{path}: expected {ev.ToJsonString()}, got {av.ToJsonString()}");
                    }
                    else if (ev.ToJsonString() != av.ToJsonString())
                    {
                        differences.Add($"{path}: expected {ev.ToJsonString()}, got {av.ToJsonString()}");
                    }
                    break;
                default:
                    differences.Add($"{path}: expected {expected.GetValueKind()}, got {actual.GetValueKind()}");
                    break;
            }
        }
    }
}
