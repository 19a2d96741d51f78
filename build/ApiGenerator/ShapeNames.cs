using System;
using System.Collections.Generic;
using System.Linq;

namespace StratusScan.DataSync.ApiGenerator
{
    /// <summary>
    /// The structures the listed operations reach (their inputs, outputs and everything nested), and the C#
    /// names and types of shapes and members: the model's names unless the input overrides them.
    /// </summary>
    internal sealed class ShapeNames
    {
        private readonly ServiceModel _model;
        private readonly GeneratorInput _input;
        private readonly List<string> _structures = new List<string>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        public ShapeNames(ServiceModel model, GeneratorInput input)
        {
            _model = model;
            _input = input;
            foreach (OperationEntry entry in input.Operations)
            {
                ModelOperation operation = model.Operation(entry.Name);
                if (operation.Input == null || operation.Output == null)
                {
                    throw new GeneratorException($"{entry.Name} has no input or no output shape; the client's plumbing needs both.");
                }
                Visit(operation.Input);
                Visit(operation.Output);
                OperationInputs.Add(operation.Input);
            }
            CheckOverrides();
        }

        /// <summary>Every reachable structure, operation by operation, input before output, depth first.</summary>
        public IReadOnlyList<string> Structures => _structures;

        /// <summary>The operations' input shapes.</summary>
        public ISet<string> OperationInputs { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Whether any reachable member is a timestamp (the JSON context then needs its converter).</summary>
        public bool HasTimestamps { get; private set; }

        public string ClassName(string shape) => _input.Shapes.TryGetValue(shape, out Override? o) && o.Name != null ? o.Name : shape;

        public string PropertyName(string shape, string member) =>
            _input.Members.TryGetValue(shape + "." + member, out Override? o) && o.Name != null ? o.Name : member;

        /// <summary>The C# type of a value of the shape (without the nullable mark of a property).</summary>
        public string TypeName(string shapeName)
        {
            ModelShape shape = _model.Shape(shapeName);
            switch (shape.Type)
            {
                case "string": return "string";
                case "integer": return "int";
                case "long": return "long";
                case "boolean": return "bool";
                case "double": return "double";
                case "float": return "float";
                case "timestamp": return "DateTime";
                case "blob": return "byte[]";
                case "list": return "IReadOnlyList<" + TypeName(shape.Member!) + ">";
                case "map": return "IReadOnlyDictionary<" + TypeName(shape.Key!) + ", " + TypeName(shape.Value!) + ">";
                case "structure": return ClassName(shapeName);
                default: throw new GeneratorException($"The shape {shapeName} has the type {shape.Type}, which the generator does not map.");
            }
        }

        private void Visit(string shapeName)
        {
            ModelShape shape = _model.Shape(shapeName);
            switch (shape.Type)
            {
                case "structure":
                    if (!_seen.Add(shapeName)) return;
                    _structures.Add(shapeName);
                    foreach (ModelMember member in shape.Members) Visit(member.Shape);
                    break;
                case "list":
                    Visit(shape.Member!);
                    break;
                case "map":
                    Visit(shape.Key!);
                    Visit(shape.Value!);
                    break;
                case "timestamp":
                    HasTimestamps = true;
                    break;
            }
        }

        private void CheckOverrides()
        {
            var problems = new List<string>();
            foreach (string shape in _input.Shapes.Keys.Where(s => !_seen.Contains(s)))
            {
                problems.Add($"shapes.{shape}: not a structure the listed operations reach");
            }
            foreach (string key in _input.Members.Keys)
            {
                string[] parts = key.Split('.');
                if (parts.Length != 2 || !_seen.Contains(parts[0]) || _model.Shape(parts[0]).Members.All(m => m.Name != parts[1]))
                {
                    problems.Add($"members.{key}: not a member of a structure the listed operations reach");
                }
            }
            foreach (IGrouping<string, string> clash in _structures.GroupBy(ClassName, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"the shapes {string.Join(", ", clash)} would all be the class {clash.Key}");
            }
            foreach (string shape in _structures)
            {
                ModelShape model = _model.Shape(shape);
                foreach (ModelMember member in model.Members.Where(m => PropertyName(shape, m.Name) == ClassName(shape)))
                {
                    problems.Add($"{shape}.{member.Name}: a property cannot have its class's name; rename one in the input");
                }
                foreach (IGrouping<string, ModelMember> clash in model.Members.GroupBy(m => PropertyName(shape, m.Name), StringComparer.Ordinal).Where(g => g.Count() > 1))
                {
                    problems.Add($"{shape}: the members {string.Join(", ", clash.Select(m => m.Name))} would all be the property {clash.Key}");
                }
            }
            if (problems.Count > 0) throw new GeneratorException(_input.InputPath + ":\n  " + string.Join("\n  ", problems));
        }
    }
}
