using Kiln.Remote;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Remote;

public sealed class OutputChecksumsTests
{
    // SHA-256 of "image".
    private const string ImageHash = "6105d6cc76af400325e94d588ce511be5bfdbb73b437dc51eca43917d7a43e3d";

    [Fact]
    public void Exact_copies_have_no_problems_and_damage_missing_and_extra_files_each_have_one()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-checksums-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "a.raw"), "image");
            OutputChecksums.Parse($"{ImageHash}  ./a.raw\n").Problems(directory.FullName).ShouldBeEmpty();

            File.WriteAllText(Path.Combine(directory.FullName, "a.raw"), "imagf");
            File.WriteAllText(Path.Combine(directory.FullName, "extra"), string.Empty);
            var problems = OutputChecksums.Parse($"{ImageHash}  ./a.raw\n{ImageHash}  ./b.json\n").Problems(directory.FullName);

            problems.Count.ShouldBe(3);
            problems[0].ShouldStartWith("a.raw arrived with SHA-256");
            problems[1].ShouldBe("b.json did not arrive");
            problems[2].ShouldBe("extra arrived without a checksum");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_line_that_is_not_sha256sum_output_is_refused()
    {
        Should.Throw<KilnException>(() => OutputChecksums.Parse("sha256sum: x: Permission denied\n")).Message.ShouldContain("not `SHA256  PATH`");
    }
}
