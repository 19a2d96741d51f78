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

    /// <param name="Summary">The client method's summary; null: the model's documentation of the operation, if any.</param>
    internal sealed record OperationEntry(string Name, string? Summary);

    /// <param name="Name">The C# name instead of the model's.</param>
    /// <param name="Summary">A note added after the model's documentation.</param>
    internal sealed record Override(string? Name, string? Summary);
}
