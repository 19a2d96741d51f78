using System;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using StratusScan.DataSync.Aws.Model;

namespace StratusScan.DataSync.Aws.Internal
{
    /// <summary>An SDK request carrying one of the public request models and its operation name.</summary>
    internal abstract class DataSyncSdkRequest : AmazonWebServiceRequest
    {
        protected DataSyncSdkRequest(string operation) { Operation = operation; }

        public string Operation { get; }

        public abstract byte[] SerializeBody();
    }

    internal sealed class DataSyncSdkRequest<T> : DataSyncSdkRequest
    {
        private readonly T _payload;
        private readonly JsonTypeInfo<T> _typeInfo;

        public DataSyncSdkRequest(string operation, T payload, JsonTypeInfo<T> typeInfo) : base(operation)
        {
            _payload = payload;
            _typeInfo = typeInfo;
        }

        public override byte[] SerializeBody() => JsonSerializer.SerializeToUtf8Bytes(_payload, _typeInfo);
    }

    /// <summary>An SDK response carrying one of the public response models.</summary>
    internal sealed class DataSyncSdkResponse<T> : AmazonWebServiceResponse where T : class, new()
    {
        public T Result { get; set; } = new T();
    }

    /// <summary>
    /// The one marshaller of every operation of an awsJson service: POST /, X-Amz-Target PREFIX.OPERATION
    /// (FmrsService for DataSync), Content-Type application/x-amz-json-1.1, the request model as the JSON body
    /// (nulls omitted).
    /// </summary>
    internal sealed class JsonRpcMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        /// <summary>DataSync's.</summary>
        public static readonly JsonRpcMarshaller Instance =
            new JsonRpcMarshaller("Amazon.DataSync", DataSyncApi.TargetPrefix, DataSyncApi.ContentType, DataSyncApi.ApiVersion);

        private readonly string _serviceName;
        private readonly string _targetPrefix;
        private readonly string _contentType;
        private readonly string _apiVersion;

        public JsonRpcMarshaller(string serviceName, string targetPrefix, string contentType, string apiVersion)
        {
            _serviceName = serviceName;
            _targetPrefix = targetPrefix;
            _contentType = contentType;
            _apiVersion = apiVersion;
        }

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = (DataSyncSdkRequest)input;
            IRequest http = new DefaultRequest(input, _serviceName);
            http.Headers["X-Amz-Target"] = _targetPrefix + "." + request.Operation;
            http.Headers["Content-Type"] = _contentType;
            http.Headers["X-Amz-Api-Version"] = _apiVersion;
            http.HttpMethod = "POST";
            http.ResourcePath = "/";
            http.Content = request.SerializeBody();
            return http;
        }
    }

    /// <summary>The JSON body of an awsJson error: __type (maybe "namespace#Code"), message, and
    /// DataSync's own errorCode.</summary>
    internal sealed class ServiceErrorBody
    {
        [JsonPropertyName("__type")] public string? Type { get; set; }
        [JsonPropertyName("message")] public string? MessageLower { get; set; }
        [JsonPropertyName("Message")] public string? Message { get; set; }
        [JsonPropertyName("errorCode")] public string? ErrorCode { get; set; }
    }

    /// <summary>An error response as the SDK's exception: its ErrorCode is what the retry policy
    /// classifies (ThrottlingException is retried), with DataSync's errorCode kept alongside.</summary>
    internal sealed class DataSyncSdkServiceException : AmazonServiceException
    {
        public DataSyncSdkServiceException(string message, Exception? inner, ErrorType errorType, string? errorCode,
            string? requestId, HttpStatusCode statusCode, string? dataSyncErrorCode)
            : base(message, inner, errorType, errorCode, requestId, statusCode)
        {
            DataSyncErrorCode = dataSyncErrorCode;
        }

        public string? DataSyncErrorCode { get; }
    }

    /// <summary>
    /// The one response unmarshaller per response model: the body is read by System.Text.Json's
    /// source-generated metadata; an error goes through the SDK's JSON error unmarshaller (which reads
    /// __type, "ns#Code" and x-amzn-ErrorType), so the SDK's retry policy sees the real error code.
    /// </summary>
    internal sealed class JsonRpcUnmarshaller<T> : JsonResponseUnmarshaller where T : class, new()
    {
        private readonly JsonTypeInfo<T> _typeInfo;

        public JsonRpcUnmarshaller(JsonTypeInfo<T> typeInfo) { _typeInfo = typeInfo; }

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            Stream stream = context.Stream;
            T? result = null;
            if (!context.IsEmptyResponse)
            {
                try
                {
                    result = JsonSerializer.Deserialize(stream, _typeInfo);
                }
                catch (JsonException ex) when (ex.LineNumber == 0 && ex.BytePositionInLine == 0)
                {
                    // An empty body: the operation's output has no members set.
                }
            }
            return new DataSyncSdkResponse<T> { Result = result ?? new T() };
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException,
            HttpStatusCode statusCode)
        {
            var reader = new StreamingUtf8JsonReader(context.Stream);
            ErrorResponse error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);

            string? dataSyncErrorCode = null;
            string? message = error.Message;
            try
            {
                byte[] body = context.GetResponseBodyBytes();
                if (body != null && body.Length > 0 && body[0] == (byte)'{')
                {
                    ServiceErrorBody? parsed = JsonSerializer.Deserialize(body, DataSyncJsonContext.Default.ServiceErrorBody);
                    dataSyncErrorCode = parsed?.ErrorCode;
                    message ??= parsed?.Message ?? parsed?.MessageLower;
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page): the SDK's reading of the error stands.
            }

            string? requestId = error.RequestId ?? context.ResponseData?.GetHeaderValue("x-amzn-RequestId");
            return new DataSyncSdkServiceException(message ?? statusCode.ToString(), innerException, error.Type, error.Code,
                requestId, statusCode, dataSyncErrorCode);
        }
    }
}
