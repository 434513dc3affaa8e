using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Plugins.VendorRepositories;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.GoogleCloudRepo;

/// <summary>
/// bootstrap-vz's google_cloud_repo plugin: Google's apt repository (Google Cloud's CLI, and whatever else the
/// manifest installs from it) with Google's signing key. bootstrap-vz downloaded the key during the build and
/// ran apt-key; Kiln takes the key as a file the manifest names and embeds it in the source entry.
/// </summary>
public sealed class GoogleCloudRepoPlugin : Plugin<GoogleCloudRepoSettings>
{
    public const string PluginName = "google_cloud_repo";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin google_cloud_repo", typeof(GoogleCloudRepoPlugin).Assembly, "Plugins/GoogleCloudRepo/manifest-schema.yml");

    public override GoogleCloudRepoSettings Bind(SettingsSection section) => GoogleCloudRepoSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, GoogleCloudRepoSettings settings)
    {
        var where = settings.Where;
        if (settings.KeyPath is not { } key)
        {
            yield return new ManifestError(where.SectionKey,
                $"Kiln does not download Google's signing key during the build (bootstrap-vz did, and trusted it with apt-key): save it from {settings.Url}/doc/apt-key.gpg, check its fingerprint, and name the file in plugins.{PluginName}.key");
        }
        else if (VendorRepositoryChecks.KeyProblem(key) is { } problem)
        {
            yield return where.ErrorAt("key", problem);
        }

        if (ReleaseCatalog.Find(spec.Manifest.System.Release) is { } release && release < ReleaseCatalog.Bookworm)
        {
            yield return new ManifestError(where.SectionKey, VendorRepositoryChecks.ReleaseProblem(release));
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, GoogleCloudRepoSettings settings) => tasks.Add<AddGoogleCloudRepository>();
}
