using Kiln.Common.Sbom;
using Kiln.Sbom;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Sbom;

public sealed class FileDigestsTests
{
    [Fact]
    public async Task A_file_gets_its_sha1_and_sha256_computed_side_by_side()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "abc");

            (await FileDigests.ComputeAsync(path, "x.raw", CancellationToken.None)).ShouldBe(new ProducedFile(
                "x.raw",
                "a9993e364706816aba3e25717850c26c9cd0d89d",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
