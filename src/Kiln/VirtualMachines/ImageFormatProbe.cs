using Kiln.Host;
using Newtonsoft.Json.Linq;

namespace Kiln.VirtualMachines;

/// <summary>Asks qemu-img which format an image file is in (and looks for the footer of a fixed VHD, which qemu-img takes for raw).</summary>
public static class ImageFormatProbe
{
    public static async Task<string> DetectAsync(ICommandRunner runner, string image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        if (!File.Exists(image))
        {
            throw new UserInputException($"{image}: no such image file");
        }

        var result = await runner.RunAsync(new CommandLine("qemu-img", "info", "--output=json", image), cancellationToken);
        if (!result.Succeeded)
        {
            throw new UserInputException($"{image}: qemu-img cannot read it as a disk image");
        }

        var format = (string?)JObject.Parse(result.StandardOutput)["format"] ?? "raw";
        // A fixed VHD starts with the disk itself, so qemu-img sees raw; its footer at the end says what it is.
        return format == "raw" && Disks.VhdFooter.EndsFile(image) ? "vpc" : format;
    }
}
