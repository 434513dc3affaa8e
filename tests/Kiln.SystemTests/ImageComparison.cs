namespace Kiln.SystemTests;

/// <summary>Compares two disk image files byte for byte and names the first regions where they differ.</summary>
public static class ImageComparison
{
    private const int Block = 4096;

    /// <summary>
    /// The offsets of the first differing byte of up to <paramref name="limit"/> differing 4 KiB blocks, in order;
    /// empty when the files are identical. Files of different lengths differ at the shorter one's end.
    /// </summary>
    public static IReadOnlyList<long> Differences(string first, string second, int limit)
    {
        const int chunk = 1 << 20;
        using var a = new FileStream(first, FileMode.Open, FileAccess.Read, FileShare.Read, chunk);
        using var b = new FileStream(second, FileMode.Open, FileAccess.Read, FileShare.Read, chunk);
        var differences = new List<long>();
        var bufferA = new byte[chunk];
        var bufferB = new byte[chunk];
        long position = 0;
        while (differences.Count < limit)
        {
            var readA = a.ReadAtLeast(bufferA, chunk, throwOnEndOfStream: false);
            var readB = b.ReadAtLeast(bufferB, chunk, throwOnEndOfStream: false);
            var common = Math.Min(readA, readB);
            if (!bufferA.AsSpan(0, common).SequenceEqual(bufferB.AsSpan(0, common)))
            {
                for (var start = 0; start < common && differences.Count < limit; start += Block)
                {
                    var length = Math.Min(Block, common - start);
                    var index = bufferA.AsSpan(start, length).CommonPrefixLength(bufferB.AsSpan(start, length));
                    if (index < length)
                    {
                        differences.Add(position + start + index);
                    }
                }
            }

            if (readA != readB)
            {
                if (differences.Count < limit)
                {
                    differences.Add(position + common);
                }

                break;
            }

            if (readA == 0)
            {
                break;
            }

            position += readA;
        }

        return differences;
    }
}
