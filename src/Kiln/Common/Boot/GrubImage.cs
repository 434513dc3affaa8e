using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>Runs the image's own grub-mkimage in the chroot (so GRUB matches the image's modules) and returns the image file on the host.</summary>
public static class GrubImage
{
    public static CommandLine Command(string grubPlatform, string output, string embeddedConfig, IEnumerable<string> modules) =>
        new("grub-mkimage", ["-O", grubPlatform, "-o", output, "-c", embeddedConfig, "-p", "/boot/grub", .. modules]);

    /// <returns>The path of the built image in the build's scratch directory.</returns>
    public static async Task<string> MakeAsync(BuildContext context, string grubPlatform, string name, string embeddedConfig, IEnumerable<string> modules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = $"/tmp/kiln-grub-{grubPlatform}.cfg";
        var output = $"/tmp/kiln-grub-{grubPlatform}-{name}";
        context.WriteFile(config, embeddedConfig);
        try
        {
            await context.Chroot.RunAsync(Command(grubPlatform, output, config, modules), cancellationToken);
        }
        finally
        {
            File.Delete(context.Paths.InRoot(config));
        }

        var target = Path.Combine(context.Paths.Scratch, $"grub-{grubPlatform}-{name}");
        File.Move(context.Paths.InRoot(output), target, overwrite: true);
        return target;
    }
}
