using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace StratusScan.DataSync.Emulator.Protocol;

/// <summary>
/// Pages lists. A NextToken is opaque: base64url of the next offset and a MAC over the offset and the
/// request's scope (operation, account, region, filters), so a token made up or taken from another list
/// is rejected.
/// </summary>
internal sealed class Paginator
{
    private const int MacLength = 12;
    private readonly byte[] _key;

    public Paginator(int seed) =>
        _key = SHA256.HashData(Encoding.UTF8.GetBytes($"stratusscan-emulator-next-token/{seed}"));

    public (IReadOnlyList<T> Page, string? NextToken) Page<T>(
        IReadOnlyList<T> items, int? maxResults, int serverPageSize, string? nextToken, string scope)
    {
        int offset = nextToken is null ? 0 : Decode(nextToken, scope);
        int limit = maxResults is > 0 ? maxResults.Value : 100;
        if (serverPageSize > 0) limit = Math.Min(limit, serverPageSize);
        if (offset >= items.Count) return ([], null);

        T[] page = items.Skip(offset).Take(limit).ToArray();
        int next = offset + page.Length;
        return (page, next < items.Count ? Encode(next, scope) : null);
    }

    private string Encode(int offset, string scope)
    {
        var bytes = new byte[4 + MacLength];
        BinaryPrimitives.WriteInt32BigEndian(bytes, offset);
        Mac(offset, scope).CopyTo(bytes, 4);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    private int Decode(string token, string scope)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/'));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        if (bytes.Length != 4 + MacLength) throw Invalid();
        int offset = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (offset < 0 || !CryptographicOperations.FixedTimeEquals(bytes.AsSpan(4), Mac(offset, scope))) throw Invalid();
        return offset;
    }

    private byte[] Mac(int offset, string scope) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{offset}|{scope}")).AsSpan(0, MacLength).ToArray();

    private static AwsServiceException Invalid() =>
        AwsServiceException.InvalidRequest("Invalid pagination token: the NextToken was not issued for this request.", "InvalidNextToken");
}
