using Kiln.Common;
using Kiln.Common.Apt;
using Kiln.Packages;
using Kiln.Tasks;

namespace Kiln.Plugins.VendorRepositories;

/// <summary>
/// Puts a plugin's vendor repository into the image's apt configuration before the bootstrap, and adds the
/// vendor's packages: they are installed in the same apt run as every other package of the image.
/// </summary>
public sealed class AddVendorRepository(string pluginName, IReadOnlyList<string> packages) : BuildTask
{
    public override string Name => $"{nameof(AddVendorRepository)}.{pluginName}";

    public override Phase Phase => Phase.Preparation;

    public override string Description => $"Adding the {pluginName} vendor repository and {string.Join(", ", packages)}";

    public override IReadOnlyList<Type> Predecessors => [typeof(ResolveRelease)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Release < Manifests.ReleaseCatalog.Bookworm)
        {
            // A suite name such as oldoldstable is only resolved now.
            throw new UserInputException($"plugins.{pluginName}.repository: {VendorRepositoryChecks.ReleaseProblem(context.Release)}");
        }

        var repository = context.Spec.SettingsOf<IVendorRepositorySettings>(pluginName).Repository
            ?? throw new UserInputException($"plugins.{pluginName}.repository is missing");
        var source = AptSourceLine.Parse(repository.ExpandedSource(context.Release.Codename));
        var key = OpenPgpKeyFile.Armored(File.ReadAllBytes(repository.KeyPath));
        context.EarlyFiles[VendorSourceEntry.PathFor(pluginName)] = EarlyFile.Text(VendorSourceEntry.Render(source, key, pluginName));
        foreach (var package in packages)
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }
}
