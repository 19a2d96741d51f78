using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace StratusScan.DataSync.Emulator.Tests.Helpers;

/// <summary>A small, independent SigV4 signer for the tests (header-based, as the AWS SDKs sign).</summary>
internal static class TestSigner
{
    /// <summary>Returns the Authorization header value for a request whose headers (lower-case names) are all signed.</summary>
    public static string Authorization(
        string method, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] body,
        string accessKeyId, string secretKey, string region, string service, DateTimeOffset time)
    {
        string date = time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        string amzDate = headers["x-amz-date"];
        string[] names = headers.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray();
        string canonicalHeaders = string.Concat(names.Select(n => $"{n}:{headers[n].Trim()}\n"));
        string signedHeaders = string.Join(";", names);
        string canonicalQuery = string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Encode(Uri.UnescapeDataString(p[0])), Encode(p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")))
            .OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal)
            .Select(p => p.Item1 + "=" + p.Item2));
        string canonicalRequest = string.Join("\n", method, path, canonicalQuery, canonicalHeaders, signedHeaders,
            Convert.ToHexStringLower(SHA256.HashData(body)));
        string scope = $"{date}/{region}/{service}/aws4_request";
        string stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        byte[] key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (string part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        string signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    private static string Encode(string value) =>
        string.Concat(Encoding.UTF8.GetBytes(value).Select(b =>
            char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                ? ((char)b).ToString()
                : "%" + b.ToString("X2", CultureInfo.InvariantCulture)));
}
