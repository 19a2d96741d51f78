using System;

namespace StratusScan.DataSync.Emulator.Protocol;

/// <summary>An error response: the AWS error code, HTTP status and message (and DataSync's errorCode member).</summary>
internal sealed class AwsServiceException : Exception
{
    public AwsServiceException(string code, string message, int statusCode = 400, string? errorCode = null)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public string Code { get; }
    public int StatusCode { get; }
    public string? ErrorCode { get; }

    public static AwsServiceException InvalidRequest(string message, string? errorCode = null) =>
        new("InvalidRequestException", message, 400, errorCode);

    public static AwsServiceException Serialization(string message) => new("SerializationException", message, 400);
}
