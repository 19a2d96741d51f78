using System.Collections.Generic;
using System.Linq;

namespace StratusScan.DataSync.ApiGenerator
{
    /// <summary>
    /// The client's per-operation plumbing: for each operation its IDataSyncClient method and the
    /// DataSyncClient implementation (the operation's name, the request's JSON metadata, the response's
    /// unmarshaller; the hand-written CallAsync does the rest); the JSON serializer context of every request
    /// and response; the API table (the operations and the model's protocol metadata).
    /// </summary>
    internal sealed class ClientGenerator
    {
        private readonly ServiceModel _model;
        private readonly GeneratorInput _input;
        private readonly ShapeNames _names;

        public ClientGenerator(ServiceModel model, GeneratorInput input, ShapeNames names)
        {
            _model = model;
            _input = input;
            _names = names;
        }

        private CodeNames Names => _input.Names;
        private string Namespace => Names.ClientNamespace;
        private string ApiClass => Names.ApiClass;
        private string Context => Names.JsonContext;

        public string Operation(OperationEntry entry)
        {
            ModelOperation operation = _model.Operation(entry.Name);
            string request = Class(operation.Input!);
            string response = Class(operation.Output!);
            string signature = $"Task<{response}> {entry.Name}Async({request} request, CancellationToken cancellationToken = default)";
            string unmarshaller = entry.Name + "Unmarshaller";

            var code = new CodeWriter();
            code.Line("using System.Threading;").Line("using System.Threading.Tasks;");
            code.Line("using StratusScan.DataSync.Aws.Internal;").Line("using " + Names.ModelNamespace + ";").Line();
            code.Open("namespace " + Namespace);
            code.Open("public partial interface " + Names.ClientInterface);
            code.Summary(entry.Summary != null ? new[] { DocText.Escape(entry.Summary) } : DocText.Paragraphs(operation.Documentation));
            code.Line(signature + ";");
            code.Close().Line();
            code.Open("internal sealed partial class " + Names.ClientClass);
            code.Line($"private static readonly JsonRpcUnmarshaller<{response}> {unmarshaller} =");
            code.Line($"    new JsonRpcUnmarshaller<{response}>({Context}.Default.{response});").Line();
            code.Line("public " + signature + " =>");
            code.Line($"    CallAsync({ApiClass}.{entry.Name}, request, {Context}.Default.{request}, {unmarshaller}, cancellationToken);");
            code.Close().Close();
            return code.ToString(Generator.Header(_input, "operation " + entry.Name));
        }

        public string JsonContext(bool timestamps)
        {
            var code = new CodeWriter();
            code.Line("using System.Text.Json.Serialization;");
            if (timestamps && Names.ModelNamespace != CodeNames.SharedModelNamespace) code.Line("using " + CodeNames.SharedModelNamespace + ";");
            code.Line();
            code.Open("namespace " + Names.ModelNamespace);
            code.Summary(new[]
            {
                "System.Text.Json source-generated metadata for every request and response the client sends and reads: no " +
                "reflection serialization on the request path. Nulls are omitted when writing requests (awsJson1_1 treats an " +
                "absent member and a null one alike, and the service rejects some nulls); members the API adds later are " +
                "ignored when reading" + (timestamps ? "; timestamps use epoch seconds." : "."),
            });
            code.Line("[JsonSourceGenerationOptions(");
            code.Line("    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,");
            code.Line("    GenerationMode = JsonSourceGenerationMode.Default" + (timestamps ? "," : ")]"));
            if (timestamps) code.Line("    Converters = new[] { typeof(EpochSecondsDateTimeConverter) })]");
            foreach (OperationEntry entry in _input.Operations)
            {
                ModelOperation operation = _model.Operation(entry.Name);
                code.Line($"[JsonSerializable(typeof({Class(operation.Input!)}))]");
                code.Line($"[JsonSerializable(typeof({Class(operation.Output!)}))]");
            }
            foreach (string type in _input.ExtraJsonTypes) code.Line($"[JsonSerializable(typeof({type}))]");
            code.Open($"internal sealed partial class {Context} : JsonSerializerContext");
            code.Close().Close();
            return code.ToString(Generator.Header(_input, "the operations' inputs and outputs"));
        }

        public string ApiTable()
        {
            var code = new CodeWriter();
            code.Line("using System.Collections.Generic;").Line();
            code.Open("namespace " + Namespace);
            code.Summary(new[] { $"The {_model.ServiceId} API as the client calls it: the model's protocol metadata and the operations generated." });
            code.Open($"internal static partial class {ApiClass}");
            Constant(code, "The API version (the X-Amz-Api-Version header).", "ApiVersion", _model.ApiVersion);
            Constant(code.Line(), "The service id: the SDK finds endpoint overrides (AWS_ENDPOINT_URL_<ID>) by it.", "ServiceId", _model.ServiceId);
            Constant(code.Line(), "The SigV4 signing name.", "SigningName", _model.SigningName);
            Constant(code.Line(), "The first label of the service's endpoints.", "EndpointPrefix", _model.EndpointPrefix);
            Constant(code.Line(), "The prefix of every operation's X-Amz-Target header (awsJson).", "TargetPrefix", _model.TargetPrefix);
            Constant(code.Line(), "The Content-Type of every request (awsJson " + _model.JsonVersion + ").", "ContentType", "application/x-amz-json-" + _model.JsonVersion);
            code.Line().Line("// The operations' names.");
            foreach (OperationEntry entry in _input.Operations) Constant(code, null, entry.Name, entry.Name);
            code.Line();
            code.Summary(new[] { "Every operation the client calls, in the generator input's order." });
            code.Line("public static readonly IReadOnlyList<string> Operations = new[]");
            code.Line("{");
            foreach (string line in DocText.Wrap(string.Join(", ", _input.Operations.Select(o => o.Name)) + ",", 108))
            {
                code.Line("    " + line);
            }
            code.Line("};");
            code.Close().Close();
            return code.ToString(Generator.Header(_input, "its metadata and the listed operations"));
        }

        private static void Constant(CodeWriter code, string? summary, string name, string value)
        {
            if (summary != null) code.Summary(new[] { DocText.Escape(summary) });
            code.Line($"public const string {name} = \"{value}\";");
        }

        private string Class(string shape) => _names.ClassName(shape);
    }
}
