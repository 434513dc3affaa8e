using Kiln.Common;
using Kiln.Common.Apt;
using Kiln.Packages;
using Kiln.Plugins.VendorRepositories;
using Kiln.Tasks;

namespace Kiln.Plugins.GoogleCloudRepo;

/// <summary>Puts Google's repository into the image's apt configuration before the bootstrap (so packages.install can name its packages), and the keyring package when asked.</summary>
public sealed class AddGoogleCloudRepository : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding Google's apt repository";

    public override IReadOnlyList<Type> Predecessors => [typeof(ResolveRelease)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Release < Manifests.ReleaseCatalog.Bookworm)
        {
            throw new UserInputException($"plugins.{GoogleCloudRepoPlugin.PluginName}: {VendorRepositoryChecks.ReleaseProblem(context.Release)}");
        }

        var settings = context.Spec.SettingsOf<GoogleCloudRepoSettings>(GoogleCloudRepoPlugin.PluginName);
        var key = OpenPgpKeyFile.Armored(File.ReadAllBytes(settings.KeyPath ?? throw new UserInputException($"plugins.{GoogleCloudRepoPlugin.PluginName}.key is missing")));
        context.EarlyFiles[GoogleCloudRepository.PathInImage] = EarlyFile.Text(GoogleCloudRepository.Entry(settings, context.Release.Codename, key));
        if (settings.EnableKeyringRepo)
        {
            context.Packages.Add(GoogleCloudRepository.KeyringPackage);
        }

        return Task.CompletedTask;
    }
}
