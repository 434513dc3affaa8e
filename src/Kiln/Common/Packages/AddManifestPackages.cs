using Kiln.Tasks;

namespace Kiln.Common.Packages;

/// <summary>Adds <c>packages.install</c>, <c>bootstrapper.include_packages</c> and, with <c>install_standard</c>, the standard task.</summary>
public sealed class AddManifestPackages : BuildTask
{
    /// <summary>The apt pattern for tasksel's "standard" task: every package of priority standard.</summary>
    public const string StandardPattern = "?priority(standard)";

    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the manifest's packages";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manifest = context.Manifest;
        foreach (var name in manifest.Bootstrapper.IncludePackages)
        {
            context.Packages.Add(name);
        }

        context.Packages.AddRange(manifest.Packages.Install);
        if (manifest.Packages.InstallStandard)
        {
            context.Packages.Add(StandardPattern);
        }

        return Task.CompletedTask;
    }
}
