using System.Globalization;
using System.Security.Cryptography;

namespace Kiln.Providers.Azure.Publishing;

/// <summary>The Blob service REST requests a publication sends (pure: built here, signed and sent by <see cref="AzureBlobStorage"/>).</summary>
public static class BlobRequests
{
    /// <summary>The Blob service version Kiln speaks (azurite accepts it).</summary>
    public const string Version = "2024-11-04";

    /// <summary>The largest Put Page body the Blob service takes.</summary>
    public const int MaxPageWrite = 4 << 20;

    public const int PageSize = 512;

    public static Uri BlobUri(Uri endpoint, string container, string blob)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new Uri($"{endpoint.ToString().TrimEnd('/')}/{container}/{string.Join('/', blob.Split('/').Select(Uri.EscapeDataString))}");
    }

    public static Uri ContainerUri(Uri endpoint, string container)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new Uri($"{endpoint.ToString().TrimEnd('/')}/{container}?restype=container");
    }

    /// <summary>Get Container Properties: the container exists and the credentials may read it.</summary>
    public static HttpRequestMessage ContainerProperties(Uri endpoint, string container) => new(HttpMethod.Head, ContainerUri(endpoint, container));

    /// <summary>Get Blob Properties: size, type and whether it exists.</summary>
    public static HttpRequestMessage BlobProperties(Uri blob) => new(HttpMethod.Head, blob);

    /// <summary>Put Blob of an empty page blob of <paramref name="size"/> bytes (a multiple of 512), the pages written after.</summary>
    public static HttpRequestMessage CreatePageBlob(Uri blob, long size)
    {
        if (size <= 0 || size % PageSize != 0)
        {
            throw new ArgumentException($"a page blob is a positive multiple of {PageSize} bytes, not {size}", nameof(size));
        }

        var request = new HttpRequestMessage(HttpMethod.Put, blob) { Content = new ByteArrayContent([]) };
        request.Headers.Add("x-ms-blob-type", "PageBlob");
        request.Headers.Add("x-ms-blob-content-length", size.ToString(CultureInfo.InvariantCulture));
        request.Content.Headers.ContentLength = 0;
        return request;
    }

    /// <summary>Put Page (update) of one range of pages at <paramref name="offset"/>, with its MD5 for the service to check.</summary>
    public static HttpRequestMessage PutPage(Uri blob, long offset, ReadOnlyMemory<byte> pages)
    {
        if (offset % PageSize != 0 || pages.Length == 0 || pages.Length % PageSize != 0 || pages.Length > MaxPageWrite)
        {
            throw new ArgumentException($"a page write is 512-byte aligned and at most 4 MiB, not {pages.Length} bytes at {offset}", nameof(pages));
        }

        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(blob.AbsoluteUri + "?comp=page")) { Content = new ReadOnlyMemoryContent(pages) };
        request.Headers.Add("x-ms-page-write", "update");
        request.Headers.Add("x-ms-range", Range(offset, pages.Length));
        request.Content.Headers.ContentLength = pages.Length;
        // Content-MD5 is the Blob service's check that the pages arrived unchanged, not a security measure.
#pragma warning disable CA5351
        request.Content.Headers.ContentMD5 = MD5.HashData(pages.Span);
#pragma warning restore CA5351
        return request;
    }

    /// <summary>Get Blob of one byte range.</summary>
    public static HttpRequestMessage ReadRange(Uri blob, long offset, int length)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, blob);
        request.Headers.Add("x-ms-range", Range(offset, length));
        return request;
    }

    /// <summary>Delete Blob, with its snapshots.</summary>
    public static HttpRequestMessage DeleteBlob(Uri blob)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, blob);
        request.Headers.Add("x-ms-delete-snapshots", "include");
        return request;
    }

    public static string Range(long offset, int length) => string.Create(CultureInfo.InvariantCulture, $"bytes={offset}-{offset + length - 1}");
}
