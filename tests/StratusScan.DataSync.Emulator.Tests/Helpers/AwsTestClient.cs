using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace StratusScan.DataSync.Emulator.Tests.Helpers;

internal sealed record AwsResponse(HttpStatusCode Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public XElement Xml => XElement.Parse(Body);

    /// <summary>The error code of a JSON error (__type) or of an STS XML error (Error/Code).</summary>
    public string? ErrorCode => Body.TrimStart().StartsWith('<')
        ? Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value
        : Status == HttpStatusCode.OK ? null : Json["__type"]?.GetValue<string>();

    public string? Message => Body.TrimStart().StartsWith('<')
        ? Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value
        : Json["message"]?.GetValue<string>();
}

/// <summary>Signs and sends DataSync and Organizations (awsJson 1.1) and STS (query) calls to an emulator.</summary>
internal sealed class AwsTestClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly Uri _endpoint;

    public AwsTestClient(Uri endpoint, string accessKeyId = EmulatorCredentials.DefaultAccessKeyId,
        string secretKey = EmulatorCredentials.DefaultSecretAccessKey, string? sessionToken = null)
    {
        _endpoint = endpoint;
        AccessKeyId = accessKeyId;
        SecretKey = secretKey;
        SessionToken = sessionToken;
    }

    public string AccessKeyId { get; }
    public string SecretKey { get; }
    public string? SessionToken { get; }

    public Task<AwsResponse> DataSyncAsync(string operation, JsonObject? body = null, string region = "us-east-1",
        DateTimeOffset? time = null, string? secretOverride = null, byte[]? rawBody = null, bool sign = true)
    {
        byte[] bytes = rawBody ?? Encoding.UTF8.GetBytes((body ?? []).ToJsonString());
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/x-amz-json-1.1",
            ["x-amz-target"] = "FmrsService." + operation,
        };
        return SendAsync(HttpMethod.Post, "", headers, bytes, region, "datasync", time, secretOverride, sign);
    }

    public Task<AwsResponse> OrganizationsAsync(string operation, JsonObject? body = null, string region = "us-east-1", string service = "organizations")
    {
        byte[] bytes = Encoding.UTF8.GetBytes((body ?? []).ToJsonString());
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/x-amz-json-1.1",
            ["x-amz-target"] = "AWSOrganizationsV20161128." + operation,
        };
        return SendAsync(HttpMethod.Post, "", headers, bytes, region, service, null, null, true);
    }

    public Task<AwsResponse> StsAsync(string action, IReadOnlyDictionary<string, string>? parameters = null,
        string region = "us-east-1", bool useGet = false)
    {
        var all = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2011-06-15") };
        all.AddRange(parameters ?? new Dictionary<string, string>());
        string form = string.Join("&", all.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        if (useGet)
        {
            return SendAsync(HttpMethod.Get, form, new Dictionary<string, string>(StringComparer.Ordinal), [], region, "sts", null, null, true);
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["content-type"] = "application/x-www-form-urlencoded; charset=utf-8" };
        return SendAsync(HttpMethod.Post, "", headers, Encoding.UTF8.GetBytes(form), region, "sts", null, null, true);
    }

    /// <summary>Pages a list operation to the end, asserting that no entry comes twice.</summary>
    public async Task<List<JsonObject>> ListAllAsync(string operation, string member, JsonObject? request = null, string region = "us-east-1", int? maxResults = null)
    {
        var all = new List<JsonObject>();
        string? token = null;
        int pages = 0;
        do
        {
            var body = (JsonObject)(request?.DeepClone() ?? new JsonObject());
            if (maxResults is not null) body["MaxResults"] = maxResults;
            if (token is not null) body["NextToken"] = token;
            AwsResponse response = await DataSyncAsync(operation, body, region);
            Assert.True(response.Status == HttpStatusCode.OK, $"{operation} failed: {response.Body}");
            JsonObject json = response.Json;
            all.AddRange(json[member]!.AsArray().Select(e => e!.AsObject()));
            token = json["NextToken"]?.GetValue<string>();
            Assert.True(++pages < 10_000, "paging does not end");
        }
        while (token is not null);

        return all;
    }

    private async Task<AwsResponse> SendAsync(HttpMethod method, string query, Dictionary<string, string> headers, byte[] body,
        string region, string service, DateTimeOffset? time, string? secretOverride, bool sign)
    {
        DateTimeOffset now = time ?? DateTimeOffset.UtcNow;
        headers["host"] = $"{_endpoint.Host}:{_endpoint.Port}";
        headers["x-amz-date"] = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        if (SessionToken is not null) headers["x-amz-security-token"] = SessionToken;

        using var request = new HttpRequestMessage(method, new Uri(_endpoint, query.Length > 0 ? "/?" + query : "/"));
        if (sign)
        {
            string authorization = TestSigner.Authorization(method.Method, "/", query, headers, body, AccessKeyId,
                secretOverride ?? SecretKey, region, service, now);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach ((string name, string value) in headers.Where(h => h.Key is not ("host" or "content-type")))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", headers["content-type"]);
        }

        using HttpResponseMessage response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        var responseHeaders = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value), StringComparer.Ordinal);
        return new AwsResponse(response.StatusCode, text, responseHeaders);
    }

    public void Dispose() => _http.Dispose();
}
