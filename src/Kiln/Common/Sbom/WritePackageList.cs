using Kiln.Common.Volume;
using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Common.Sbom;

/// <summary>Writes the package list beside the image (<c>NAME.packages.tsv</c>).</summary>
public sealed class WritePackageList : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Writing the image's package list";

    public override IReadOnlyList<Type> Predecessors => [typeof(ConvertImage)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Spec.Outputs.PackageList is not { } output)
        {
            return Task.CompletedTask;
        }

        var list = PackageListFile.Render(context.StateOf<InstalledPackageList>().Require());
        return File.WriteAllTextAsync(context.Outputs.Begin(context, output, output.Path), list, cancellationToken);
    }
}
