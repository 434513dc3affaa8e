using System.Buffers;
using System.Security.Cryptography;
using Kiln.Sbom;

namespace Kiln.Common.Sbom;

/// <summary>A file's SHA-1 and SHA-256 digests.</summary>
public static class FileDigests
{
    private const int BufferSize = 1 << 20;

    /// <summary>The digests of the file at <paramref name="path"/>, recorded under <paramref name="fileName"/> (its name in the output directory).</summary>
    /// <remarks>The two digests are computed at once, each reading the file (from the page cache: it was just written).</remarks>
    public static async Task<ProducedFile> ComputeAsync(string path, string fileName, CancellationToken cancellationToken)
    {
        // SPDX 2.3 (8.4) wants a SHA-1 among every file's checksums; it identifies, it does not protect: SHA-256 is given too.
#pragma warning disable CA5350
        var sha1 = Task.Run(() => HashAsync(path, HashAlgorithmName.SHA1, cancellationToken), cancellationToken);
#pragma warning restore CA5350
        var sha256 = Task.Run(() => HashAsync(path, HashAlgorithmName.SHA256, cancellationToken), cancellationToken);
        return new ProducedFile(fileName, await sha1, await sha256);
    }

    private static async Task<string> HashAsync(string path, HashAlgorithmName algorithm, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
