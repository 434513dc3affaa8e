using System.Text;
using Kiln.Manifests;
using Kiln.Plugins.VendorRepositories;
using Shouldly;
using Xunit;
using Kiln.Specs;

namespace Kiln.Tests.Plugins.VendorRepositories;

public sealed class AddVendorRepositoryTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    [Fact]
    public async Task The_source_entry_with_the_armored_key_is_placed_before_the_bootstrap_and_the_packages_are_added()
    {
        File.WriteAllBytes(Path.Combine(_workspace.Directory, "chef.gpg"), TestKeys.Binary);
        var context = _workspace.Context(Manifest("deb http://127.0.0.1/chef {system.release} main", "chef.gpg"));

        await new AddVendorRepository("chef", ["chef"]).RunAsync(context, CancellationToken.None);

        var entry = Encoding.UTF8.GetString(context.EarlyFiles["/etc/apt/sources.list.d/chef.sources"].Content);
        entry.ShouldStartWith("# The chef plugin's vendor repository, written by Kiln; its signing key is embedded below.\nTypes: deb\nURIs: http://127.0.0.1/chef\nSuites: bookworm\nComponents: main\nSigned-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n mDMEawJ+SRYJ");
        entry.ShouldEndWith(" =XXCP\n -----END PGP PUBLIC KEY BLOCK-----\n");
        context.Packages.Requests.Select(p => p.Name).ShouldBe(["chef"]);
    }

    [Fact]
    public void The_task_is_named_after_its_plugin_and_runs_once_the_release_is_known()
    {
        var task = new AddVendorRepository("salt", ["salt-minion"]);

        task.Name.ShouldBe("AddVendorRepository.salt");
        task.Description.ShouldBe("Adding the salt vendor repository and salt-minion");
        task.Predecessors.ShouldBe([typeof(Kiln.Common.Apt.ResolveRelease)]);
    }

    [Fact]
    public async Task A_suite_that_resolves_to_a_release_before_bookworm_fails_as_bad_input()
    {
        _workspace.Write("salt.asc", TestKeys.Armored);
        var context = _workspace.Context(Manifest("deb http://127.0.0.1/salt stable main", "salt.asc"));
        context.Release = ReleaseCatalog.Bullseye;

        var error = await Should.ThrowAsync<UserInputException>(() => new AddVendorRepository("salt", ["salt-minion"]).RunAsync(context, CancellationToken.None));

        error.Message.ShouldBe("plugins.salt.repository: vendor repositories need bookworm or later: Kiln embeds their signing key in the source entry, which apt reads from bookworm on, and bullseye is older");
    }

    public void Dispose() => _workspace.Dispose();

    private BuildSpec Manifest(string source, string key) => TestManifests.Bind(
        TestManifests.Minimal + $"\nplugins:\n  chef:\n    repository: {{source: '{source}', key: {key}}}\n  salt:\n    repository: {{source: '{source}', key: {key}}}\n",
        _workspace.ManifestPath);
}
