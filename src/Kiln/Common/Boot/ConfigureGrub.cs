using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>
/// Does in the root tree what grub-install and update-grub would do with a disk: copies the modules to
/// /boot/grub, writes grub.cfg naming the root by UUID, and builds core.img with the image's own grub-mkimage.
/// </summary>
public sealed class ConfigureGrub : BuildTask
{
    public const string CoreImageName = "grub-core.img";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring GRUB";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.RequireLayout();
        var kernel = KernelFiles.Find(context);
        context.WriteFile("/etc/default/grub.d/kiln.cfg", GrubConfiguration.Defaults(context.KernelParameters));
        CopyModules(context);
        context.WriteFile("/boot/grub/grub.cfg", GrubConfiguration.Menu(layout, kernel, context.KernelParameters));

        var embedded = "/tmp/kiln-grub-embedded.cfg";
        context.WriteFile(embedded, GrubConfiguration.Embedded(layout));
        var core = "/tmp/kiln-grub-core.img";
        var mkimage = new CommandLine("grub-mkimage", ["-O", "i386-pc", "-o", core, "-c", embedded, "-p", "/boot/grub", .. GrubConfiguration.CoreModules(layout)]);
        await context.Chroot.RunAsync(mkimage, cancellationToken);
        File.Move(context.Paths.InRoot(core), Path.Combine(context.Paths.Scratch, CoreImageName), overwrite: true);
        File.Delete(context.Paths.InRoot(embedded));
    }

    private static void CopyModules(BuildContext context)
    {
        var source = context.Paths.InRoot("/usr/lib/grub/i386-pc");
        var target = context.Paths.InRoot("/boot/grub/i386-pc");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source).Where(f => f.EndsWith(".mod", StringComparison.Ordinal) || f.EndsWith(".lst", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }
}
