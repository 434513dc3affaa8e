using Kiln.Platforms;
using Kiln.Providers.Ec2.Publishing;
using Kiln.Publishing;

namespace Kiln.Tests.Providers.Ec2;

/// <summary>A publication record and target as an ec2 build writes them.</summary>
public static class Ec2Records
{
    public static PublicationRecord Record(Firmware firmware = Firmware.Hybrid, string format = "vmdk") => new()
    {
        Cloud = "ec2",
        Image = $"debian-trixie.{format}",
        Format = format,
        DiskBytes = 2L << 30,
        Architecture = "amd64",
        Firmware = firmware,
        Name = "debian-trixie",
        Description = "Debian trixie",
        Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["Release"] = "trixie", ["BuiltBy"] = "kiln" },
        Target = Target.ToJson(),
    };

    public static Ec2Target Target { get; } = new() { Bucket = "kiln-images", KeyPrefix = "imports/", Region = "eu-west-1" };
}
