using System;
using System.Collections.Generic;
using System.Linq;

namespace StratusScan.DataSync.ApiGenerator
{
    /// <summary>
    /// One structure as a C# class deriving from ApiShape. The rules: one nullable property per member, in
    /// the model's order, with the API's JSON name; enums stay strings (the API adds values; the known
    /// values are listed in the summary); timestamps are DateTime (UTC; the JSON context's converter reads
    /// epoch seconds); blobs are byte[] (base64 on the wire); lists are IReadOnlyList. An operation's input
    /// with exactly one required member, a string, also gets a constructor taking it.
    /// </summary>
    internal sealed class ShapeGenerator
    {
        private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
            "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
            "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
            "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
            "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
            "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while",
        };

        private readonly ServiceModel _model;
        private readonly GeneratorInput _input;
        private readonly ShapeNames _names;

        public ShapeGenerator(ServiceModel model, GeneratorInput input, ShapeNames names)
        {
            _model = model;
            _input = input;
            _names = names;
        }

        public string Generate(string shapeName)
        {
            ModelShape shape = _model.Shape(shapeName);
            string className = _names.ClassName(shapeName);
            var types = shape.Members.Select(m => _names.TypeName(m.Shape)).ToList();

            var code = new CodeWriter();
            if (types.Any(t => t.Contains("DateTime"))) code.Line("using System;");
            if (types.Any(t => t.StartsWith("IReadOnly", StringComparison.Ordinal))) code.Line("using System.Collections.Generic;");
            code.Line("using System.Text.Json.Serialization;");
            if (_input.Names.ModelNamespace != CodeNames.SharedModelNamespace) code.Line("using " + CodeNames.SharedModelNamespace + ";");
            code.Line();
            code.Open("namespace " + _input.Names.ModelNamespace);
            code.Summary(Notes(shape.Documentation, _input.Shapes.TryGetValue(shapeName, out Override? o) ? o.Summary : null));
            code.Open($"public sealed partial class {className} : ApiShape");

            bool first = true;
            ModelMember? key = RequestKey(shapeName, shape);
            if (key != null)
            {
                string property = _names.PropertyName(shapeName, key.Name);
                code.Line($"/// <summary>An empty request; set <see cref=\"{property}\"/>.</summary>");
                code.Line($"public {className}() {{ }}").Line();
                code.Line("/// <summary>A request for one resource.</summary>");
                code.Line($"public {className}(string {Parameter(property)}) {{ {property} = {Parameter(property)}; }}");
                first = false;
            }
            for (int i = 0; i < shape.Members.Count; i++)
            {
                ModelMember member = shape.Members[i];
                if (!first) code.Line();
                first = false;
                string? overrideNote = _input.Members.TryGetValue(shapeName + "." + member.Name, out Override? m) ? m.Summary : null;
                code.Summary(Notes(member.Documentation, RuleNote(member.Shape), overrideNote));
                code.Line($"[JsonPropertyName(\"{member.Name}\")]");
                code.Line($"public {types[i]}? {_names.PropertyName(shapeName, member.Name)} {{ get; set; }}");
            }
            code.Close().Close();
            return code.ToString(Generator.Header(_input, "shape " + shapeName));
        }

        /// <summary>The one required member of an operation's input, when it is a string.</summary>
        private ModelMember? RequestKey(string shapeName, ModelShape shape)
        {
            if (!_names.OperationInputs.Contains(shapeName) || shape.Required.Count != 1) return null;
            ModelMember member = shape.Members.Single(m => shape.Required.Contains(m.Name));
            return _model.Shape(member.Shape).Type == "string" ? member : null;
        }

        /// <summary>What the type rules add to a member's summary: known enum values, the timestamp and blob encodings.</summary>
        private string? RuleNote(string shapeName)
        {
            ModelShape shape = _model.Shape(shapeName);
            if (shape.Enum != null) return "Known values (kept as a string, the API adds values): " + string.Join(", ", shape.Enum) + ".";
            if (shape.Type == "timestamp") return "UTC. On the wire: epoch seconds, a fractional JSON number.";
            if (shape.Type == "blob") return "On the wire: a base64 string; here the decoded bytes.";
            return null;
        }

        /// <summary>The model's documentation, then the notes in plain text (none of them filler).</summary>
        private static IReadOnlyList<string> Notes(string? documentation, params string?[] notes) =>
            DocText.Paragraphs(documentation).Concat(notes.Where(n => !string.IsNullOrEmpty(n)).Select(n => DocText.Escape(n!))).ToList();

        private static string Parameter(string property)
        {
            string name = char.ToLowerInvariant(property[0]) + property.Substring(1);
            return Keywords.Contains(name) ? "@" + name : name;
        }
    }
}
