using Kiln.Platforms;

namespace Kiln.Providers.Azure;

/// <summary>Hyper-V generations: 1 boots from a BIOS, 2 from UEFI (Azure's default for new images); a hybrid disk boots either.</summary>
public static class AzureGeneration
{
    /// <summary>The generation an image is registered with: the manifest's, else the one its firmware boots on (hybrid: 2).</summary>
    public static int Of(AzureSettings settings, Firmware firmware)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Generation ?? (firmware == Firmware.Bios ? 1 : 2);
    }

    /// <summary>The firmware a generation's machines start the image with.</summary>
    public static Firmware FirmwareOf(int generation) => generation == 1 ? Firmware.Bios : Firmware.Uefi;

    /// <summary>ARM's name of the generation (<c>hyperVGeneration</c>).</summary>
    public static string HyperVName(int generation) => generation == 1 ? "V1" : "V2";
}
