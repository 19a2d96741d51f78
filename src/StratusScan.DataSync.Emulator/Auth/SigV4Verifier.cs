using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace StratusScan.DataSync.Emulator.Auth;

/// <summary>The Credential, SignedHeaders and Signature of an AWS4-HMAC-SHA256 Authorization header.</summary>
internal sealed record SigV4Authorization(
    string AccessKeyId, string ScopeDate, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public string Scope => $"{ScopeDate}/{Region}/{Service}/aws4_request";
}

/// <summary>The parts of an HTTP request that its signature covers.</summary>
internal sealed record SignedRequest(
    string Method, string RawPath, string RawQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body);

internal enum SigV4Failure
{
    None,
    Missing,
    Incomplete,
    Expired,
    Mismatch,
}

/// <summary>Verifies AWS Signature Version 4 (header-based) the way AWS services do.</summary>
internal static class SigV4Verifier
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>Parses the Authorization header; null with a reason when it is absent or malformed.</summary>
    public static SigV4Authorization? Parse(string? header, out SigV4Failure failure, out string message)
    {
        failure = SigV4Failure.None;
        message = "";
        if (string.IsNullOrWhiteSpace(header))
        {
            failure = SigV4Failure.Missing;
            message = "Missing Authentication Token";
            return null;
        }

        header = header.Trim();
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            failure = SigV4Failure.Incomplete;
            message = $"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={header.Split(' ')[0]}";
            return null;
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) parts[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        string[] missing = new[] { "Credential", "SignedHeaders", "Signature" }.Where(p => !parts.ContainsKey(p)).ToArray();
        if (missing.Length > 0)
        {
            failure = SigV4Failure.Incomplete;
            message = string.Join(" ", missing.Select(m => $"Authorization header requires '{m}' parameter.")) + $" Authorization={header}";
            return null;
        }

        string[] credential = parts["Credential"].Split('/');
        if (credential.Length != 5 || credential[4] != "aws4_request" || credential.Take(4).Any(string.IsNullOrEmpty))
        {
            failure = SigV4Failure.Incomplete;
            message = $"Credential should be scoped to a valid region. Credential={parts["Credential"]}";
            return null;
        }

        string[] signedHeaders = parts["SignedHeaders"].Split(';', StringSplitOptions.RemoveEmptyEntries);
        return new SigV4Authorization(credential[0], credential[1], credential[2], credential[3], signedHeaders, parts["Signature"]);
    }

    /// <summary>Checks the date and the signature of a request made with the given secret key.</summary>
    public static SigV4Failure Verify(SigV4Authorization auth, SignedRequest request, string secretAccessKey, DateTimeOffset now, out string message)
    {
        message = "";
        string? amzDate = Header(request, "x-amz-date");
        DateTimeOffset requestTime;
        if (amzDate is not null)
        {
            if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out requestTime))
            {
                message = $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601";
                return SigV4Failure.Incomplete;
            }
        }
        else if (Header(request, "date") is { } date && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out requestTime))
        {
            amzDate = requestTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }
        else
        {
            message = "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
            return SigV4Failure.Incomplete;
        }

        if (requestTime < now - MaxClockSkew)
        {
            message = $"Signature expired: {amzDate} is now earlier than {Basic(now - MaxClockSkew)} ({Basic(now)} - 15 min.)";
            return SigV4Failure.Expired;
        }

        if (requestTime > now + MaxClockSkew)
        {
            message = $"Signature not yet current: {amzDate} is still later than {Basic(now + MaxClockSkew)} ({Basic(now)} + 15 min.)";
            return SigV4Failure.Expired;
        }

        if (!string.Equals(auth.ScopeDate, amzDate[..8], StringComparison.Ordinal))
        {
            message = $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{auth.ScopeDate}' != '{amzDate[..8]}', from '{amzDate}'.";
            return SigV4Failure.Mismatch;
        }

        if (!auth.SignedHeaders.Contains("host", StringComparer.Ordinal))
        {
            message = "'Host' must be a 'SignedHeader' in the AWS Authorization.";
            return SigV4Failure.Incomplete;
        }

        string canonicalRequest = CanonicalRequest(request, auth.SignedHeaders);
        string stringToSign = string.Join('\n', Algorithm, amzDate, auth.Scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        byte[] key = SigningKey(secretAccessKey, auth.ScopeDate, auth.Region, auth.Service);
        byte[] expected = Encoding.ASCII.GetBytes(Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign))));
        byte[] provided = Encoding.ASCII.GetBytes(auth.Signature.ToLowerInvariant());
        if (!CryptographicOperations.FixedTimeEquals(expected, provided))
        {
            message = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
            return SigV4Failure.Mismatch;
        }

        return SigV4Failure.None;
    }

    public static string CanonicalRequest(SignedRequest request, IReadOnlyList<string> signedHeaders)
    {
        var canonicalHeaders = new StringBuilder();
        foreach (string name in signedHeaders)
        {
            canonicalHeaders.Append(name).Append(':').Append(CanonicalHeaderValue(Header(request, name) ?? "")).Append('\n');
        }

        // A declared x-amz-content-sha256 (a hash, or the literal UNSIGNED-PAYLOAD) is what the signer used.
        string payloadHash = Header(request, "x-amz-content-sha256") ?? Hex(SHA256.HashData(request.Body));
        return string.Join('\n',
            request.Method.ToUpperInvariant(),
            CanonicalUri(request.RawPath),
            CanonicalQuery(request.RawQuery),
            canonicalHeaders.ToString(),
            string.Join(';', signedHeaders),
            payloadHash);
    }

    /// <summary>Each path segment URI-encoded once more (services other than S3 double-encode the path).</summary>
    public static string CanonicalUri(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath)) return "/";
        return string.Join('/', rawPath.Split('/').Select(s => UriEncode(s)));
    }

    public static string CanonicalQuery(string rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery)) return "";
        if (rawQuery.StartsWith('?')) rawQuery = rawQuery[1..];
        return string.Join('&', rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                int eq = p.IndexOf('=', StringComparison.Ordinal);
                string name = Uri.UnescapeDataString(eq < 0 ? p : p[..eq]);
                string value = eq < 0 ? "" : Uri.UnescapeDataString(p[(eq + 1)..]);
                return (Name: UriEncode(name), Value: UriEncode(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>RFC 3986 encoding: unreserved characters kept, everything else %XX (upper case) of its UTF-8 bytes.</summary>
    public static string UriEncode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        byte[] key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    private static string CanonicalHeaderValue(string value)
    {
        var text = new StringBuilder(value.Length);
        bool space = false;
        foreach (char c in value.Trim())
        {
            if (c == ' ')
            {
                if (!space) text.Append(c);
                space = true;
            }
            else
            {
                text.Append(c);
                space = false;
            }
        }

        return text.ToString();
    }

    private static string? Header(SignedRequest request, string name) => request.Headers.GetValueOrDefault(name);

    private static string Basic(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
