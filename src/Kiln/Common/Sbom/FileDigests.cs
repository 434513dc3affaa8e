using System.Buffers;
using System.Security.Cryptography;
using Kiln.Sbom;

namespace Kiln.Common.Sbom;

/// <summary>Reads a file once and returns its SHA-1 and SHA-256 digests.</summary>
public static class FileDigests
{
    private const int BufferSize = 1 << 20;

    /// <summary>The digests of the file at <paramref name="path"/>, recorded under <paramref name="fileName"/> (its name in the output directory).</summary>
    public static async Task<ProducedFile> ComputeAsync(string path, string fileName, CancellationToken cancellationToken)
    {
        // SPDX 2.3 (8.4) wants a SHA-1 among every file's checksums; it identifies, it does not protect: SHA-256 is given too.
#pragma warning disable CA5350
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                sha1.AppendData(buffer, 0, read);
                sha256.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new ProducedFile(fileName, Convert.ToHexStringLower(sha1.GetHashAndReset()), Convert.ToHexStringLower(sha256.GetHashAndReset()));
    }
}
