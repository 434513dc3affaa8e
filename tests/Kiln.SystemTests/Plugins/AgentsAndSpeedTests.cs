using System.Globalization;
using Shouldly;

namespace Kiln.SystemTests.Plugins;

/// <summary>
/// chef, salt and opennebula from vendor repositories served here, in builds that run in memory
/// (tmpfs_workspace) and reuse the bootstrapped tree (prebootstrapped): the example manifest
/// plugins-agents-speed.yml built twice, and once more to fail.
/// </summary>
[Trait("Category", "System")]
public sealed class AgentsAndSpeedTests(AgentsAndSpeedBuilds builds) : IClassFixture<AgentsAndSpeedBuilds>
{
    [SystemFact]
    public async Task The_first_build_installs_each_agent_from_its_vendor_repository_with_its_configuration_in_a_tmpfs_and_saves_the_tree()
    {
        var build = await builds.FirstBuildAsync();

        build.Build.All.ShouldContain("note: building in memory: a tmpfs on /var/tmp/kiln-system-test-");
        build.Build.All.ShouldContain($"note: prebootstrapped: miss, no stored tree for these packages and settings yet; bootstrapping and storing the tree in {builds.SavedTrees}/");
        build.Log.ShouldContain("mount -t tmpfs -o mode=0755,size=4294967296 kiln-tmpfs /var/tmp/kiln-system-test-");
        build.Log.ShouldContain("undo: unmount the tmpfs on /var/tmp/kiln-system-test-");
        var requests = builds.Server.Requests;
        requests.ShouldContain("chef/dists/stable/InRelease");
        requests.ShouldContain("salt/pool/main/salt-minion_3007.1_all.deb");
        requests.ShouldNotContain("salt/pool/main/salt-minion_3008.0_all.deb");
        requests.ShouldContain("opennebula/pool/opennebula/one-context_6.10.0-1_all.deb");

        File.Exists(Path.Combine(builds.SavedEntry(), "tree.json")).ShouldBeTrue();
        using var image = new ImageInspector(build.Image);
        var status = image.ReadFile("/var/lib/dpkg/status").ShouldNotBeNull();
        status.ShouldContain("Package: chef\nStatus: install ok installed\n");
        status.ShouldContain("Package: salt-minion\nStatus: install ok installed\n");
        status.ShouldContain("Package: one-context\nStatus: install ok installed\n");
        status.ShouldContain("Version: 3007.1\n", Case.Sensitive, "the version pin keeps salt-minion at 3007.* although 3008.0 is in the repository");
        foreach (var (plugin, component) in new[] { ("chef", "main"), ("salt", "main"), ("opennebula", "opennebula") })
        {
            var entry = image.ReadFile($"/etc/apt/sources.list.d/{plugin}.sources").ShouldNotBeNull($"the {plugin} source entry");
            entry.ShouldContain($"URIs: http://127.0.0.1:{builds.Server.Port}/{plugin}\nSuites: stable\nComponents: {component}\nSigned-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n");
        }

        image.ReadFile("/etc/apt/preferences.d/salt-pin-1001").ShouldBe("Explanation: Written by Kiln: Salt stays at the version plugins.salt.version names.\nPackage: salt-*\nPin: version 3007.*\nPin-Priority: 1001\n");
        image.ReadFile("/etc/chef/client.rb").ShouldBe(File.ReadAllText(Repository.Example("kvm/plugins-agents-speed/chef/client.rb")));
        image.ReadFile("/etc/chef/trusted_certs/README").ShouldNotBeNull();
        image.ReadFile("/etc/salt/minion.d/99-master-address.conf").ShouldBe("# Written by Kiln (plugins.salt.master).\nmaster: \"salt.example.org\"\n");
        image.ReadFile("/etc/salt/grains").ShouldBe("# Written by Kiln (plugins.salt.grains).\nrole: \"web\"\nroles: [\"web\", \"cache\"]\nrack: 12\n");
        image.ReadFile("/etc/systemd/system/multi-user.target.wants/salt-minion.service").ShouldNotBeNull("salt-minion is enabled");
        image.ReadFile("/etc/systemd/system/multi-user.target.wants/one-context.service").ShouldNotBeNull("one-context is enabled");
        image.ReadFile("/etc/systemd/system/multi-user.target.wants/one-context-local.service").ShouldNotBeNull("one-context-local is enabled");
        image.ReadFile("/etc/systemd/network/80-kiln-dhcp.network").ShouldBeNull("OpenNebula's context owns the network");
    }

    [SystemFact]
    public async Task A_second_build_copies_the_saved_tree_instead_of_bootstrapping_and_its_image_boots_with_the_agents()
    {
        await builds.FirstBuildAsync();

        using var second = await ImageBuild.RunAsync(builds.Manifest());

        second.Build.All.ShouldContain($"is current; copying it from {builds.SavedEntry()}");
        second.Log.ShouldContain($"cp -a -- {builds.SavedEntry()}/root/. /var/tmp/kiln-system-test-");
        second.Log.ShouldNotContain("mmdebstrap --verbose");
        var script = GuestFacts.Script(
        [
            ("codename", ". /etc/os-release; echo $VERSION_CODENAME"),
            ("hostname", "hostname"),
            ("salt_version", "dpkg-query -W -f='${Version}' salt-minion"),
            ("chef", "dpkg-query -W -f='${Status}' chef"),
            ("one_context", "dpkg-query -W -f='${Status}' one-context"),
            ("minion", "systemctl is-active salt-minion.service"),
            ("context_units", "systemctl is-enabled one-context-local.service one-context.service"),
            ("master", "grep ^master: /etc/salt/minion.d/99-master-address.conf"),
            ("client_rb", "grep -c chef_server_url /etc/chef/client.rb"),
            ("sources", "ls /etc/apt/sources.list.d"),
            ("machine_id_new", "journalctl -b -o cat | grep -c 'Initializing machine ID'"),
            ("apt_lists", "find /var/lib/apt/lists -maxdepth 1 -type f ! -name lock | wc -l"),
            ("policy_rc_d", "test -e /usr/sbin/policy-rc.d && echo present || echo absent"),
            ("bootstrap_settings", "ls /etc/dpkg/dpkg.cfg.d/99mmdebstrap /etc/apt/apt.conf.d/99mmdebstrap 2>/dev/null | wc -l"),
        ]);

        var facts = GuestFacts.Parse(await second.BootAndRunAsync("root:kiln-test", script));

        facts["codename"].ShouldBe("trixie");
        facts["hostname"].ShouldBe("agents");
        facts["salt_version"].ShouldBe("3007.1");
        facts["chef"].ShouldBe("install ok installed");
        facts["one_context"].ShouldBe("install ok installed");
        facts["minion"].ShouldBe("active");
        facts["context_units"].ShouldBe("enabled enabled");
        facts["master"].ShouldBe("master: \"salt.example.org\"");
        facts["client_rb"].ShouldBe("1");
        facts["sources"].ShouldBe("chef.sources opennebula.sources salt.sources");
        facts["machine_id_new"].ShouldBe("1");
        facts["apt_lists"].ShouldBe("0");
        facts["policy_rc_d"].ShouldBe("absent");
        facts["bootstrap_settings"].ShouldBe("0");
    }

    [SystemFact]
    public async Task A_chef_asset_copy_that_fills_the_tmpfs_fails_the_build_which_rolls_back_and_leaves_nothing_mounted()
    {
        await builds.FirstBuildAsync();
        var record = File.ReadAllText(Path.Combine(builds.SavedEntry(), "tree.json"));
        var treeBytes = long.Parse(ToolRun.Run("du", ["-s", "-B1", Path.Combine(builds.SavedEntry(), "root")]).Split('\t')[0], CultureInfo.InvariantCulture);
        var assets = Path.Combine(builds.Directory, "big-assets");
        Directory.CreateDirectory(assets);
        var blob = new byte[256 << 20];
        Random.Shared.NextBytes(blob);
        await File.WriteAllBytesAsync(Path.Combine(assets, "cookbooks.tar"), blob);
        var sizeMiB = (treeBytes >> 20) + 96;
        var manifest = builds.Manifest("too-small.yml", text => text
            .Replace("size: 4GiB", $"size: {sizeMiB}MiB", StringComparison.Ordinal)
            .Replace(Repository.Example("kvm/plugins-agents-speed/chef"), assets, StringComparison.Ordinal));
        var workspace = Path.Combine(builds.Directory, "workspace");
        var output = Path.Combine(builds.Directory, "out");

        var run = await KilnCli.RunAsync("build", manifest, "--workspace", workspace, "--output", output);

        RolledBackBuild.ShouldHaveLeftNothing(run, workspace, output);
        run.All.ShouldContain("is current; copying it from");
        run.Error.ShouldContain($"no space left on {workspace}/kiln-");
        run.Error.ShouldContain("free some space there, or build elsewhere with --workspace and --output");
        File.ReadAllText(Path.Combine(builds.SavedEntry(), "tree.json")).ShouldBe(record, "a failed build leaves the saved tree as it was");
    }
}
