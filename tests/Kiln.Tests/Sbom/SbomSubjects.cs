using Kiln.Packages;
using Kiln.Sbom;

namespace Kiln.Tests.Sbom;

/// <summary>A small image's SBOM subject with packages of every kind the document treats differently.</summary>
public static class SbomSubjects
{
    public static SbomSubject Trixie => new()
    {
        ImageName = "debian-13-test",
        Codename = "trixie",
        Architecture = "amd64",
        Image = new ProducedFile("debian-13-test.qcow2", new string('1', 40), new string('2', 64)),
        Companions =
        [
            new ProducedFile("debian-13-test.boot.json", new string('3', 40), new string('4', 64)),
            new ProducedFile("debian-13-test.packages.tsv", new string('5', 40), new string('6', 64)),
        ],
        Packages =
        [
            new InstalledPackage("base-files", "13.8", "amd64", "base-files", "13.8"),
            new InstalledPackage("bsdutils", "1:2.41-5", "amd64", "util-linux", "2.41-5"),
            new InstalledPackage("libc6", "2.41-12", "amd64", "glibc", "2.41-12"),
            new InstalledPackage("libstdc++6", "14.2.0-19", "amd64", "gcc-14", "14.2.0-19"),
            new InstalledPackage("tzdata", "2025b-4", "all", "tzdata", "2025b-4"),
        ],
        ToolVersion = "1.0.0+test",
        Created = new DateTimeOffset(2024, 3, 5, 15, 7, 9, TimeSpan.FromHours(1)),
    };
}
