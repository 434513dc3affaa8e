using Kiln.Platforms;
using Kiln.Providers.Azure.Publishing;
using Kiln.Publishing;

namespace Kiln.Tests.Providers.Azure;

/// <summary>A publication record and target as an azure build writes them.</summary>
public static class AzureRecords
{
    public static AzureTarget Target { get; } = new() { Container = "vhds", BlobPrefix = "images/", ResourceGroup = "kiln-images", Location = "westeurope", Generation = 2 };

    public static PublicationRecord Record(AzureTarget? target = null) => new()
    {
        Cloud = "azure",
        Image = "debian-trixie.vhd",
        Format = "vhd",
        DiskBytes = 8L << 20,
        Architecture = "amd64",
        Firmware = Firmware.Uefi,
        Name = "debian-trixie",
        Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["Release"] = "trixie", ["BuiltBy"] = "kiln" },
        Target = (target ?? Target).ToJson(),
    };
}
