using System.Security.Cryptography;
using System.Text;

namespace Kiln.Providers.Docker;

/// <summary>A content-addressed blob of an OCI image: its media type, sha256 digest and size, and its bytes (or the file that holds them).</summary>
public sealed record OciBlob(string MediaType, string Digest, long Size, byte[]? Content, string? File)
{
    public string Hex => Digest["sha256:".Length..];

    /// <summary>Where the blob lies in an OCI layout: <c>blobs/sha256/HEX</c>.</summary>
    public string LayoutPath => $"blobs/sha256/{Hex}";

    public static OciBlob FromJson(string mediaType, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return new OciBlob(mediaType, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, bytes, null);
    }

    public static async Task<OciBlob> FromFileAsync(string mediaType, string path, CancellationToken cancellationToken)
    {
        await using var stream = System.IO.File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return new OciBlob(mediaType, "sha256:" + Convert.ToHexStringLower(hash), stream.Length, null, path);
    }
}
