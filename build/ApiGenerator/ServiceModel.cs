using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace StratusScan.DataSync.ApiGenerator
{
    /// <summary>An AWS API model in botocore's service-2.json format: metadata, operations and shapes.</summary>
    internal sealed class ServiceModel
    {
        private readonly Dictionary<string, JsonElement> _shapes;
        private readonly Dictionary<string, JsonElement> _operations;
        private readonly Dictionary<string, string> _emptyInputs = new Dictionary<string, string>(StringComparer.Ordinal);

        private ServiceModel(JsonElement root)
        {
            JsonElement metadata = root.GetProperty("metadata");
            Protocol = Text(metadata, "protocol");
            ApiVersion = Text(metadata, "apiVersion");
            TargetPrefix = Text(metadata, "targetPrefix");
            JsonVersion = Text(metadata, "jsonVersion");
            ServiceId = Text(metadata, "serviceId");
            EndpointPrefix = Text(metadata, "endpointPrefix");
            // botocore's rule: without signingName the endpoint prefix signs.
            SigningName = metadata.TryGetProperty("signingName", out JsonElement signing) ? signing.GetString()! : EndpointPrefix;
            _shapes = root.GetProperty("shapes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            _operations = root.GetProperty("operations").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            foreach (KeyValuePair<string, JsonElement> operation in _operations.Where(o => !o.Value.TryGetProperty("input", out _)).ToList())
            {
                // An operation without input (DescribeOrganization) sends an empty object: an empty request shape stands for it.
                string name = operation.Key + "Request";
                if (_shapes.ContainsKey(name)) throw new GeneratorException($"{operation.Key} has no input, and the model already has a shape {name}.");
                _shapes[name] = JsonDocument.Parse("{\"type\":\"structure\",\"members\":{},\"documentation\":\"<p>The operation takes no input: the request is an empty object.</p>\"}").RootElement.Clone();
                _emptyInputs[operation.Key] = name;
            }
        }

        public string Protocol { get; }
        public string ApiVersion { get; }
        public string TargetPrefix { get; }
        public string JsonVersion { get; }
        public string ServiceId { get; }
        public string SigningName { get; }
        public string EndpointPrefix { get; }

        public static ServiceModel Load(string path)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return new ServiceModel(document.RootElement);
        }

        public ModelOperation Operation(string name)
        {
            if (!_operations.TryGetValue(name, out JsonElement operation))
            {
                throw new GeneratorException($"The operation {name} is not in the model.");
            }
            return new ModelOperation(name,
                operation.TryGetProperty("input", out JsonElement input) ? input.GetProperty("shape").GetString() : _emptyInputs.GetValueOrDefault(name),
                operation.TryGetProperty("output", out JsonElement output) ? output.GetProperty("shape").GetString() : null,
                Documentation(operation));
        }

        public ModelShape Shape(string name)
        {
            if (!_shapes.TryGetValue(name, out JsonElement shape)) throw new GeneratorException($"The shape {name} is not in the model.");
            string type = shape.GetProperty("type").GetString()!;
            var members = new List<ModelMember>();
            var required = new HashSet<string>(StringComparer.Ordinal);
            if (type == "structure")
            {
                foreach (JsonProperty member in shape.GetProperty("members").EnumerateObject())
                {
                    members.Add(new ModelMember(member.Name, member.Value.GetProperty("shape").GetString()!, Documentation(member.Value)));
                }
                if (shape.TryGetProperty("required", out JsonElement names))
                {
                    foreach (JsonElement n in names.EnumerateArray()) required.Add(n.GetString()!);
                }
            }
            List<string>? values = shape.TryGetProperty("enum", out JsonElement e) ? e.EnumerateArray().Select(v => v.GetString()!).ToList() : null;
            return new ModelShape(name, type, members, required, values,
                Target(shape, "member"), Target(shape, "key"), Target(shape, "value"), Documentation(shape));
        }

        private static string? Target(JsonElement shape, string property) =>
            shape.TryGetProperty(property, out JsonElement target) ? target.GetProperty("shape").GetString() : null;

        private static string? Documentation(JsonElement element) =>
            element.TryGetProperty("documentation", out JsonElement doc) ? doc.GetString() : null;

        private static string Text(JsonElement metadata, string name) =>
            metadata.TryGetProperty(name, out JsonElement value) ? value.GetString()! : throw new GeneratorException($"The model's metadata has no {name}.");
    }

    internal sealed record ModelOperation(string Name, string? Input, string? Output, string? Documentation);

    internal sealed record ModelMember(string Name, string Shape, string? Documentation);

    /// <param name="Member">A list's element shape.</param>
    /// <param name="Key">A map's key shape.</param>
    /// <param name="Value">A map's value shape.</param>
    internal sealed record ModelShape(string Name, string Type, IReadOnlyList<ModelMember> Members, ISet<string> Required,
        IReadOnlyList<string>? Enum, string? Member, string? Key, string? Value, string? Documentation);

    /// <summary>A problem in the model or the generator input; the generator stops with its message.</summary>
    internal sealed class GeneratorException : Exception
    {
        public GeneratorException(string message) : base(message) { }
    }
}
