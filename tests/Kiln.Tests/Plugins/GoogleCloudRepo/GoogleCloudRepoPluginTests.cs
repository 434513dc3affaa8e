using System.Text;
using Kiln.Manifests;
using Kiln.Plugins.GoogleCloudRepo;
using Kiln.Tasks;
using Kiln.Tests.Plugins.VendorRepositories;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.GoogleCloudRepo;

/// <summary>
/// Google's apt repository: the source entry and the key's place, and the plan. The network here has no Google
/// repository, so an apt run against it is not exercised; what apt reads is asserted byte for byte.
/// </summary>
public sealed class GoogleCloudRepoPluginTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    public GoogleCloudRepoPluginTests() => File.WriteAllBytes(Path.Combine(_workspace.Directory, "google.gpg"), TestKeys.Binary);

    [Fact]
    public void Bootstrap_vz_s_keys_with_the_key_file_are_valid()
    {
        Errors("{cleanup_bootstrap_key: true, enable_keyring_repo: true, key: google.gpg}").ShouldBeEmpty();
        Errors("{key: google.gpg, url: 'http://127.0.0.1:8080/apt', suites: [cloud-sdk, 'google-compute-engine-{system.release}-stable']}").ShouldBeEmpty();
    }

    [Fact]
    public void Without_the_key_file_the_manifest_is_told_where_google_publishes_the_key()
    {
        Errors("{cleanup_bootstrap_key: true, enable_keyring_repo: true}").ShouldBe(
        [
            $"{_workspace.ManifestPath}:15:3: Kiln does not download Google's signing key during the build (bootstrap-vz did, and trusted it with apt-key): save it from https://packages.cloud.google.com/apt/doc/apt-key.gpg, check its fingerprint, and name the file in plugins.google_cloud_repo.key",
        ]);
        Errors("{key: missing.gpg}").ShouldHaveSingleItem().ShouldEndWith("missing.gpg does not exist");
        Errors("{key: google.gpg, cleanup: true}").ShouldHaveSingleItem().ShouldContain("cleanup");
    }

    [Fact]
    public void The_entry_has_the_suites_with_the_codename_the_keyring_suite_and_google_s_key_in_signed_by()
    {
        var settings = new GoogleCloudRepoSettings { EnableKeyringRepo = true, Suites = ["cloud-sdk", "google-compute-engine-{system.release}-stable"] };

        var entry = GoogleCloudRepository.Entry(settings, "trixie", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF\n=abcd\n-----END PGP PUBLIC KEY BLOCK-----\n");

        entry.ShouldBe("""
            # The google_cloud_repo plugin's vendor repository, written by Kiln; its signing key is embedded below.
            Types: deb
            URIs: https://packages.cloud.google.com/apt
            Suites: cloud-sdk google-compute-engine-trixie-stable google-cloud-packages-archive-keyring-trixie
            Components: main
            Signed-By:
             -----BEGIN PGP PUBLIC KEY BLOCK-----
             .
             mQINBF
             =abcd
             -----END PGP PUBLIC KEY BLOCK-----

            """);
    }

    [Fact]
    public async Task The_entry_is_placed_before_the_bootstrap_and_the_keyring_package_is_installed_only_when_asked()
    {
        var context = _workspace.Context(Bind("{enable_keyring_repo: true, key: google.gpg}"));
        context.Release = ReleaseCatalog.Bookworm;

        await new AddGoogleCloudRepository().RunAsync(context, CancellationToken.None);

        var entry = Encoding.UTF8.GetString(context.EarlyFiles["/etc/apt/sources.list.d/google_cloud_repo.sources"].Content);
        entry.ShouldContain("Suites: cloud-sdk google-cloud-packages-archive-keyring-bookworm\n");
        entry.ShouldContain("Signed-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n");
        context.Packages.Requests.Select(p => p.Name).ShouldBe(["google-cloud-packages-archive-keyring"]);
        var plain = _workspace.Context(Bind("{key: google.gpg}"));
        plain.Release = ReleaseCatalog.Bookworm;
        await new AddGoogleCloudRepository().RunAsync(plain, CancellationToken.None);
        plain.Packages.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void The_plan_adds_the_repository_once_the_release_is_known()
    {
        var tasks = new TaskSet();

        new GoogleCloudRepoPlugin().ResolveTasks(tasks, Bind("{key: google.gpg}"));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["AddGoogleCloudRepository"]);
        new AddGoogleCloudRepository().Predecessors.ShouldBe([typeof(Kiln.Common.Apt.ResolveRelease)]);
        Kiln.Builds.BuildPlanning.CreatePlan(Bind("{key: google.gpg}"), TestManifests.Registry).Describe().ShouldContain("AddGoogleCloudRepository - Adding Google's apt repository");
    }

    public void Dispose() => _workspace.Dispose();

    private IReadOnlyList<string> Errors(string settings) =>
        [.. TestManifests.ErrorsOf(TestManifests.Minimal + $"\nplugins:\n  google_cloud_repo: {settings}\n", _workspace.ManifestPath).Select(e => e.ToString())];

    private Kiln.Specs.BuildSpec Bind(string settings) => TestManifests.Bind(TestManifests.Minimal + $"\nplugins:\n  google_cloud_repo: {settings}\n", _workspace.ManifestPath);
}
