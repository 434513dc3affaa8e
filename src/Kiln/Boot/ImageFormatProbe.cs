using Kiln.Host;
using Newtonsoft.Json.Linq;

namespace Kiln.Boot;

/// <summary>Asks qemu-img which format an image file is in.</summary>
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

        return (string?)JObject.Parse(result.StandardOutput)["format"] ?? "raw";
    }
}
