using Kiln.Platforms;
using Kiln.Providers.Gce.Publishing;
using Kiln.Publishing;

namespace Kiln.Tests.Providers.Gce;

/// <summary>A publication record and target as a gce build writes them.</summary>
public static class GceRecords
{
    public static GceTarget Target { get; } = new()
    {
        GcsDestination = "gs://kiln-images/imports/",
        Project = "kiln-test-project",
        Family = "debian-trixie-kiln",
        GuestOsFeatures = ["UEFI_COMPATIBLE", "VIRTIO_SCSI_MULTIQUEUE", "GVNIC"],
    };

    public static PublicationRecord Record(GceTarget? target = null) => new()
    {
        Cloud = "gce",
        Image = "debian-trixie.tar.gz",
        Format = "tar.gz",
        DiskBytes = 2L << 30,
        Architecture = "amd64",
        Firmware = Firmware.Hybrid,
        Name = "debian-trixie",
        Description = "Debian trixie",
        Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["release"] = "trixie", ["built-by"] = "kiln" },
        Target = (target ?? Target).ToJson(),
    };
}
