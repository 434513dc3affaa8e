using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>Builds GRUB's BIOS core.img with the image's own grub-mkimage, the boot filesystem's UUID embedded.</summary>
public sealed class BuildGrubCoreImage : BuildTask
{
    public const string CoreImageName = "grub-core.img";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Building GRUB's BIOS core image";

    public override IReadOnlyList<Type> Predecessors => [typeof(ConfigureGrub)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.RequireLayout();
        var platform = context.Spec.Architecture.GrubBiosPlatform!;
        var image = await GrubImage.MakeAsync(context, platform, "core.img", GrubConfiguration.Embedded(layout), GrubConfiguration.CoreModules(layout), cancellationToken);
        File.Move(image, Path.Combine(context.Paths.Scratch, CoreImageName), overwrite: true);
    }
}
