using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace StratusScan.DataSync.ApiGenerator
{
    /// <summary>
    /// The generator's input file (datasync.generator.json): the model, the output folder, the operations to
    /// generate (with the summary of each client method), and overrides of shape and member names and notes.
    /// Keys starting with '$' are comments.
    /// </summary>
    internal sealed class GeneratorInput
    {
        private GeneratorInput(string root, string inputPath, JsonElement json)
        {
            Root = root;
            InputPath = Relative(root, inputPath);
            ModelPath = Required(json, "model");
            OutputPath = Required(json, "output");
            Operations = Entries(json, "operations").Select(p => new OperationEntry(p.Name, Summary(p.Value))).ToList();
            Shapes = Entries(json, "shapes").ToDictionary(p => p.Name, p => Override(p.Value), StringComparer.Ordinal);
            Members = Entries(json, "members").ToDictionary(p => p.Name, p => Override(p.Value), StringComparer.Ordinal);
            Names = CodeNames.From(json.TryGetProperty("names", out JsonElement names) ? names : (JsonElement?)null);
            ExtraJsonTypes = json.TryGetProperty("jsonContext", out JsonElement context) && context.TryGetProperty("extraTypes", out JsonElement types)
                ? types.EnumerateArray().Select(t => t.GetString()!).ToList()
                : new List<string>();
            if (Operations.Count == 0) throw new GeneratorException(InputPath + " lists no operations.");
        }

        /// <summary>The repository root; the paths below are relative to it, with '/'.</summary>
        public string Root { get; }
        public string InputPath { get; }
        public string ModelPath { get; }
        public string OutputPath { get; }
        public IReadOnlyList<OperationEntry> Operations { get; }
        public IReadOnlyDictionary<string, Override> Shapes { get; }

        /// <summary>By "Shape.Member", the model's names.</summary>
        public IReadOnlyDictionary<string, Override> Members { get; }

        /// <summary>The namespaces and type names of the generated code (DataSync's unless the input names others).</summary>
        public CodeNames Names { get; }

        /// <summary>Types outside the model the JSON context serves, relative to the client's namespace.</summary>
        public IReadOnlyList<string> ExtraJsonTypes { get; }

        public string FullPath(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

        public static GeneratorInput Load(string root, string inputPath)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(inputPath));
            return new GeneratorInput(root, inputPath, document.RootElement.Clone());
        }

        private static IEnumerable<JsonProperty> Entries(JsonElement json, string name) =>
            json.TryGetProperty(name, out JsonElement value)
                ? value.EnumerateObject().Where(p => !p.Name.StartsWith("$", StringComparison.Ordinal))
                : Enumerable.Empty<JsonProperty>();

        private static Override Override(JsonElement value)
        {
            foreach (JsonProperty p in value.EnumerateObject())
            {
                if (p.Name != "name" && p.Name != "summary") throw new GeneratorException("Unknown override property " + p.Name + ".");
            }
            return new Override(Optional(value, "name"), Optional(value, "summary"));
        }

        private static string? Summary(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0 ? value.GetString() : null;

        private static string? Optional(JsonElement json, string name) =>
            json.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;

        private static string Required(JsonElement json, string name) =>
            Optional(json, name) ?? throw new GeneratorException("The generator input has no " + name + ".");

        private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
    }

    /// <summary>
    /// The names the generated code uses: the client's namespace (its interface, class and API table) and the
    /// shapes' namespace (the shapes and the JSON context). The input's optional "names" object overrides any.
    /// </summary>
    internal sealed record CodeNames(string ClientNamespace, string ModelNamespace, string ClientInterface, string ClientClass,
        string ApiClass, string JsonContext)
    {
        /// <summary>The namespace of ApiShape and the timestamp converter, which every generated shape uses.</summary>
        public const string SharedModelNamespace = "StratusScan.DataSync.Aws.Model";

        public static CodeNames From(JsonElement? json)
        {
            string Name(string key, string fallback) =>
                json is JsonElement e && e.TryGetProperty(key, out JsonElement v) && v.GetString() is string s && s.Length > 0 ? s : fallback;
            if (json is JsonElement element)
            {
                foreach (JsonProperty p in element.EnumerateObject())
                {
                    if (!p.Name.StartsWith("$", StringComparison.Ordinal) && !Keys.Contains(p.Name)) throw new GeneratorException("Unknown names property " + p.Name + ".");
                }
            }
            return new CodeNames(Name("clientNamespace", "StratusScan.DataSync.Aws"), Name("modelNamespace", SharedModelNamespace),
                Name("clientInterface", "IDataSyncClient"), Name("clientClass", "DataSyncClient"), Name("apiClass", "DataSyncApi"),
                Name("jsonContext", "DataSyncJsonContext"));
        }

        private static readonly string[] Keys = { "clientNamespace", "modelNamespace", "clientInterface", "clientClass", "apiClass", "jsonContext" };
    }

    /// <param name="Summary">The client method's summary; null: the model's documentation of the operation, if any.</param>
    internal sealed record OperationEntry(string Name, string? Summary);

    /// <param name="Name">The C# name instead of the model's.</param>
    /// <param name="Summary">A note added after the model's documentation.</param>
    internal sealed record Override(string? Name, string? Summary);
}
