using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using StratusScan.DataSync.Emulator.Auth;
using StratusScan.DataSync.Emulator.Data;
using StratusScan.DataSync.Emulator.Faults;
using StratusScan.DataSync.Emulator.Organizations;
using StratusScan.DataSync.Emulator.Sts;

namespace StratusScan.DataSync.Emulator.Protocol;

/// <summary>
/// Serves one HTTP request: the admin endpoints, or a DataSync or Organizations (awsJson 1.1) or STS (query) call, in this
/// order: signature, disabled region, latency (and spikes), unknown operation, rate limit, random throttling,
/// random 5xx (and bursts), access denied, validation, the operation (maybe in a token loop), and maybe a
/// dropped connection or a malformed response.
/// </summary>
internal sealed partial class RequestHandler
{
    private const string TargetPrefix = "FmrsService.";
    private const string JsonContentType = "application/x-amz-json-1.1";
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    private readonly EmulatorOptions _options;
    private readonly EmulatorDataset _dataset;
    private readonly EmulatorStats _stats;
    private readonly CredentialStore _credentials;
    private readonly FaultInjector _faults;
    private readonly DataSyncOperations _dataSync;
    private readonly StsOperations _sts;
    private readonly OrganizationsOperations _organizations;
    private readonly TimeProvider _time;

    public RequestHandler(EmulatorOptions options, EmulatorDataset dataset, EmulatorStats stats, TimeProvider time)
    {
        _options = options;
        _dataset = dataset;
        _stats = stats;
        _time = time;
        _credentials = new CredentialStore(options, dataset);
        _faults = new FaultInjector(options);
        _dataSync = new DataSyncOperations(options, new Paginator(options.Seed));
        _sts = new StsOperations(dataset, _credentials);
        Organization = EmulatorOrganization.For(dataset, options.Generate?.Seed ?? options.Seed);
        _organizations = new OrganizationsOperations(options, new Paginator(options.Seed), Organization);
    }

    /// <summary>The organisation served to Organizations calls (null: none).</summary>
    public EmulatorOrganization? Organization { get; }

    public async Task HandleAsync(HttpContext context)
    {
        string requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        if (context.Request.Path.StartsWithSegments("/__emulator", StringComparison.Ordinal))
        {
            await AdminAsync(context).ConfigureAwait(false);
            return;
        }

        byte[] body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value.ToArray()), StringComparer.Ordinal);
        SigV4Authorization? auth = SigV4Verifier.Parse(headers.GetValueOrDefault("authorization"), out SigV4Failure parseFailure, out string parseMessage);
        bool isSts = auth is not null ? auth.Service == "sts" : !headers.ContainsKey("x-amz-target");
        var call = new Call(context, requestId, isSts, headers, body)
        {
            IsOrganizations = !isSts && headers.GetValueOrDefault("x-amz-target")?.StartsWith(OrganizationsOperations.TargetPrefix, StringComparison.Ordinal) == true,
        };
        try
        {
            call.Operation = isSts ? StsAction(call) : call.IsOrganizations ? headers["x-amz-target"][OrganizationsOperations.TargetPrefix.Length..] : DataSyncOperation(headers);
            if (auth is null)
            {
                throw AuthError(isSts, parseFailure, parseMessage);
            }

            call.Region = auth.Region;
            Principal principal = Authenticate(call, auth);
            _stats.RecordCall(call.Operation ?? "(none)", auth.Region, principal.AccountId);
            // In flight until its response starts (WriteAsync ends it), so the client cannot have its answer and
            // send the next call while this one still counts: the peak never exceeds the client's concurrency.
            using IDisposable inFlight = _stats.TrackInFlight();
            context.Items[InFlightKey] = inFlight;
            if (_faults.IsRegionDisabled(auth.Region))
            {
                throw InvalidToken(isSts);
            }

            TimeSpan latency = _options.Latency + _faults.RandomLatencySpike();
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, _time, context.RequestAborted).ConfigureAwait(false);
            }

            if (isSts)
            {
                XElement response = _sts.Execute(call.Operation ?? throw new AwsServiceException("MissingAction", "Missing Action"),
                    call.Parameters!, principal, auth.Region, requestId, _time.GetUtcNow());
                await WriteAsync(context, 200, "text/xml", Encoding.UTF8.GetBytes(response.ToString(SaveOptions.DisableFormatting))).ConfigureAwait(false);
                return;
            }

            if (call.IsOrganizations)
            {
                await ServeOrganizationsAsync(call, principal, auth.Region).ConfigureAwait(false);
                return;
            }

            await ServeDataSyncAsync(call, principal, auth.Region).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            _stats.RecordError(error.Code, error.StatusCode);
            await WriteErrorAsync(call, error).ConfigureAwait(false);
        }
    }

    private async Task ServeDataSyncAsync(Call call, Principal principal, string region)
    {
        string operation = call.Operation!;
        if (!DataSyncOperations.Names.Contains(operation))
        {
            throw new AwsServiceException("UnknownOperationException", $"The operation {operation} is not served by the emulator.");
        }

        if (!_faults.TryConsumeRateLimit(principal.AccountId, region) || _faults.RandomThrottle())
        {
            throw new AwsServiceException("ThrottlingException", "Rate exceeded");
        }

        switch (_faults.RandomServerError())
        {
            case 500: throw new AwsServiceException("InternalException", "An internal error occurred. Please retry your request.", 500);
            case 503: throw new AwsServiceException("ServiceUnavailableException", "Service unavailable. Please retry your request.", 503);
        }

        string partition = Partitions.ForRegion(region);
        if (_faults.IsDenied(principal.AccountId, region, operation))
        {
            throw new AwsServiceException("AccessDeniedException",
                $"User: {principal.Arn(partition)} is not authorized to perform: datasync:{operation}");
        }

        RequestReader request = RequestReader.Parse(call.Body);
        JsonObject response = _dataSync.Execute(operation, request, _dataset.Find(principal.AccountId, region), principal.AccountId, region,
            _faults.IsTokenLoop(region, operation));
        if (_faults.RandomDrop())
        {
            _stats.RecordDropped();
            call.Context.Abort(); // the connection is dropped: no status line, no body
            return;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(response.ToJsonString());
        switch (_faults.RandomMalformed())
        {
            case MalformedKind.InvalidJson:
                _stats.RecordMalformed();
                await WriteAsync(call.Context, 200, JsonContentType, [.. bytes.AsSpan(0, bytes.Length / 2), .. "\u0000}"u8]).ConfigureAwait(false);
                return;
            case MalformedKind.Truncated:
                _stats.RecordMalformed();
                call.Context.Response.StatusCode = 200;
                call.Context.Response.ContentType = JsonContentType;
                call.Context.Response.ContentLength = bytes.Length;
                EndInFlight(call.Context);
                await call.Context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2)).ConfigureAwait(false);
                await call.Context.Response.Body.FlushAsync().ConfigureAwait(false);
                call.Context.Abort();
                return;
        }

        await WriteAsync(call.Context, 200, JsonContentType, bytes).ConfigureAwait(false);
    }

    private async Task ServeOrganizationsAsync(Call call, Principal principal, string region)
    {
        string operation = call.Operation!;
        if (!OrganizationsOperations.Names.Contains(operation))
        {
            throw new AwsServiceException("UnknownOperationException", $"The operation {operation} is not served by the emulator.");
        }

        if (_faults.IsDenied(principal.AccountId, region, operation))
        {
            throw new AwsServiceException("AccessDeniedException",
                $"User: {principal.Arn(Partitions.ForRegion(region))} is not authorized to perform: organizations:{operation}");
        }

        JsonObject response = _organizations.Execute(operation, call.Body, principal.AccountId, region);
        await WriteAsync(call.Context, 200, JsonContentType, Encoding.UTF8.GetBytes(response.ToJsonString())).ConfigureAwait(false);
    }

    private Principal Authenticate(Call call, SigV4Authorization auth)
    {
        string service = call.IsSts ? "sts" : call.IsOrganizations ? "organizations" : "datasync";
        if (auth.Service != service)
        {
            throw new AwsServiceException(call.IsSts ? "SignatureDoesNotMatch" : "InvalidSignatureException",
                $"Credential should be scoped to correct service: '{service}'. ", 403);
        }

        Principal principal = _credentials.Find(auth.AccessKeyId) ?? throw InvalidToken(call.IsSts);
        string? token = call.Headers.GetValueOrDefault("x-amz-security-token");
        if (principal.SessionToken != token)
        {
            throw InvalidToken(call.IsSts);
        }

        var request = new SignedRequest(call.Context.Request.Method, call.RawPath, call.RawQuery, call.Headers, call.Body);
        SigV4Failure failure = SigV4Verifier.Verify(auth, request, principal.SecretAccessKey, _time.GetUtcNow(), out string message);
        if (failure != SigV4Failure.None)
        {
            throw AuthError(call.IsSts, failure, message);
        }

        if (principal.Expiration is { } expiration && expiration <= _time.GetUtcNow())
        {
            throw call.IsSts
                ? new AwsServiceException("ExpiredToken", "The security token included in the request is expired", 400)
                : new AwsServiceException("ExpiredTokenException", "The security token included in the request is expired", 400);
        }

        return principal;
    }

    private static AwsServiceException AuthError(bool isSts, SigV4Failure failure, string message) => failure switch
    {
        SigV4Failure.Missing => isSts
            ? new AwsServiceException("MissingAuthenticationToken", "Request is missing Authentication Token", 403)
            : new AwsServiceException("MissingAuthenticationTokenException", "Missing Authentication Token", 403),
        SigV4Failure.Incomplete => new AwsServiceException(isSts ? "IncompleteSignature" : "IncompleteSignatureException", message, 403),
        _ => new AwsServiceException(isSts ? "SignatureDoesNotMatch" : "InvalidSignatureException", message, 403),
    };

    private static AwsServiceException InvalidToken(bool isSts) =>
        new(isSts ? "InvalidClientTokenId" : "UnrecognizedClientException", "The security token included in the request is invalid.", 403);

    private static string? DataSyncOperation(IReadOnlyDictionary<string, string> headers)
    {
        string? target = headers.GetValueOrDefault("x-amz-target");
        return target is not null && target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
    }

    private static string? StsAction(Call call)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> p in QueryHelpers.ParseQuery(call.RawQuery))
        {
            parameters[p.Key] = p.Value.ToString();
        }

        string contentType = call.Headers.GetValueOrDefault("content-type") ?? "";
        if (call.Body.Length > 0 && (contentType.Length == 0 || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> p in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(call.Body)))
            {
                parameters[p.Key] = p.Value.ToString();
            }
        }

        call.Parameters = parameters;
        return parameters.GetValueOrDefault("Action");
    }

    private async Task WriteErrorAsync(Call call, AwsServiceException error)
    {
        if (call.IsSts)
        {
            XNamespace ns = StsOperations.Namespace;
            var document = new XElement(ns + "ErrorResponse",
                new XElement(ns + "Error",
                    new XElement(ns + "Type", error.StatusCode >= 500 ? "Receiver" : "Sender"),
                    new XElement(ns + "Code", error.Code),
                    new XElement(ns + "Message", error.Message)),
                new XElement(ns + "RequestId", call.RequestId));
            await WriteAsync(call.Context, error.StatusCode, "text/xml", Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting))).ConfigureAwait(false);
            return;
        }

        var body = new JsonObject { ["__type"] = error.Code, ["message"] = error.Message };
        if (error.ErrorCode is not null) body[call.IsOrganizations ? "Reason" : "errorCode"] = error.ErrorCode;
        call.Context.Response.Headers["x-amzn-ErrorType"] = error.Code;
        await WriteAsync(call.Context, error.StatusCode, JsonContentType, Encoding.UTF8.GetBytes(body.ToJsonString())).ConfigureAwait(false);
    }

    internal void ResetRateLimits() => _faults.ResetRateLimits();

    private const string InFlightKey = "StratusScan.Emulator.InFlight";

    private static void EndInFlight(HttpContext context) =>
        (context.Items.TryGetValue(InFlightKey, out object? inFlight) ? inFlight as IDisposable : null)?.Dispose();

    private static async Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        EndInFlight(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>What is known about the request being served.</summary>
    private sealed class Call
    {
        public Call(HttpContext context, string requestId, bool isSts, IReadOnlyDictionary<string, string> headers, byte[] body)
        {
            Context = context;
            RequestId = requestId;
            IsSts = isSts;
            Headers = headers;
            Body = body;
            string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (context.Request.Path + context.Request.QueryString);
            int query = rawTarget.IndexOf('?', StringComparison.Ordinal);
            RawPath = query < 0 ? rawTarget : rawTarget[..query];
            RawQuery = query < 0 ? "" : rawTarget[(query + 1)..];
        }

        public HttpContext Context { get; }
        public string RequestId { get; }
        public bool IsSts { get; }
        public bool IsOrganizations { get; init; }
        public IReadOnlyDictionary<string, string> Headers { get; }
        public byte[] Body { get; }
        public string RawPath { get; }
        public string RawQuery { get; }
        public string? Operation { get; set; }
        public string? Region { get; set; }
        public IReadOnlyDictionary<string, string>? Parameters { get; set; }
    }
}
