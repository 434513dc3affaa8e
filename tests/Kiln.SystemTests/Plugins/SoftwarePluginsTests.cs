using System.Globalization;
using System.Text.RegularExpressions;
using Shouldly;

namespace Kiln.SystemTests.Plugins;

/// <summary>
/// The software plugins in real builds of their example manifests: apt_proxy, ansible, puppet, pip3_install,
/// pip_install and docker_daemon on trixie (booted), the same with minimize_size on bookworm (inspected), and a
/// failing playbook that rolls the build back.
/// </summary>
[Trait("Category", "System")]
public sealed partial class SoftwarePluginsTests(SoftwarePluginInputs inputs) : IClassFixture<SoftwarePluginInputs>
{
    [SystemFact]
    public async Task On_trixie_every_download_goes_through_the_proxy_and_the_image_boots_with_playbook_puppet_pip_and_docker_applied()
    {
        var manifest = inputs.Manifest("kvm/plugins-software-trixie.yml", text => text.Replace(
            "    enable_agent: true\n", $"    enable_agent: true\n    install_modules:\n      - [{inputs.ModuleArchive}]\n", StringComparison.Ordinal));

        // Without the suite's cache: the bootstrap's downloads are what the proxy must have served.
        using var build = await ImageBuild.RunAsync(manifest, "--no-cache");

        // apt_proxy: apt-cacher-ng sent every file apt fetched, from the bootstrap's first index to the last package.
        var fetched = build.Log.Split('\n').Count(line => AptFetch().IsMatch(line));
        var sent = inputs.Proxy.SentToClients();
        fetched.ShouldBeGreaterThan(100);
        sent.Count.ShouldBeGreaterThanOrEqualTo(fetched, $"apt fetched {fetched} files, the proxy sent {sent.Count}");
        sent.ShouldContain(line => line.EndsWith("/dists/trixie/InRelease", StringComparison.Ordinal));
        sent.ShouldContain(line => line.Contains("/pool/main/b/base-files/", StringComparison.Ordinal));
        sent.ShouldContain(line => line.Contains("/pool/main/d/docker.io/", StringComparison.Ordinal));
        inputs.Index.Requests.ShouldContain("simple/kiln-index-probe/");

        using var image = new ImageInspector(build.Image);
        image.ReadFile("/etc/apt/apt.conf.d/02proxy").ShouldBeNull();
        image.ReadFile("/etc/kiln-ansible").ShouldBe("hello from software (trixie) in webservers\n");
        image.ReadFile("/etc/kiln-ansible-skipped").ShouldBeNull();
        ImageEntries.KindOf(image, "/root/.ansible").ShouldBeNull();
        image.ReadFile("/etc/kiln-puppet").ShouldBe($"applied by Puppet {PuppetVersion(image)} on Debian 13\n");
        image.ReadFile("/etc/kiln-puppet-site").ShouldBe("kiln_site came with the assets\n");
        image.ReadFile("/etc/puppet/code/modules/probe/manifests/init.pp")!.ShouldContain("class probe");
        ImageEntries.KindOf(image, "/var/cache/puppet/state/last_run_report.yaml").ShouldBeNull();
        image.ReadFile("/etc/systemd/system/docker.service.d/kiln-docker-opts.conf")!
            .ShouldContain("$DOCKER_OPTS --log-driver=journald --label kiln.example=docker-opts\n");

        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("docker", "timeout 150 sh -c 'until systemctl is-active -q docker.service; do sleep 2; done'; systemctl is-active docker.service"),
            ("docker_enabled", "systemctl is-enabled docker.service"),
            ("docker_labels", "docker info --format '{{json .Labels}}'"),
            ("docker_log_driver", "docker info --format '{{.LoggingDriver}}'"),
            ("puppet_agent", "systemctl is-enabled puppet.service"),
            ("pip_command", "kiln-probe"),
            ("pip_index", "python3 -c 'import kiln_index_probe; print(kiln_index_probe.VERSION)'"),
            ("apt_proxy", "apt-config dump | grep -ci proxy"),
        ])));

        facts["codename"].ShouldBe("trixie");
        facts["docker"].ShouldBe("active");
        facts["docker_enabled"].ShouldBe("enabled");
        facts["docker_labels"].ShouldBe("[\"kiln.example=docker-opts\"]");
        facts["docker_log_driver"].ShouldBe("journald");
        facts["puppet_agent"].ShouldBe("enabled");
        facts["pip_command"].ShouldBe("kiln-probe 1.0");
        facts["pip_index"].ShouldBe("2.0");
        facts["apt_proxy"].ShouldBe("0");
        facts["policy_rc_d"].ShouldBe("absent");
        facts["failed_units"].ShouldBe("0");
    }

    [SystemFact]
    public async Task On_bookworm_minimize_size_filters_docs_man_pages_and_translations_sets_apt_up_and_compresses_the_image()
    {
        using var build = await ImageBuild.RunAsync(inputs.Manifest("kvm/plugins-software-bookworm.yml"));

        build.Build.Output.ShouldContain("zerofree /: 0 of ");
        var shrink = ShrinkNote().Match(build.Build.Output);
        shrink.Success.ShouldBeTrue(build.Build.Output);
        var (before, after) = (int.Parse(shrink.Groups["before"].Value, CultureInfo.InvariantCulture), int.Parse(shrink.Groups["after"].Value, CultureInfo.InvariantCulture));
        after.ShouldBeLessThan(before / 2, $"compressing the qcow2 should at least halve it: {before} MiB -> {after} MiB");
        (new FileInfo(build.Image).Length >> 20).ShouldBe(after);

        using var image = new ImageInspector(build.Image);
        image.ReadFile("/etc/dpkg/dpkg.cfg.d/10exclude-docs")!.ShouldContain("path-include=/usr/share/doc/*/copyright\n");
        image.ReadFile("/etc/dpkg/dpkg.cfg.d/10filter-locales")!.ShouldContain("path-include=/usr/share/locale/de/*\n");
        ImageEntries.KindOf(image, "/usr/share/doc/apt/copyright").ShouldBe("regular");
        ImageEntries.KindOf(image, "/usr/share/doc/apt/changelog.gz").ShouldBeNull();
        ImageEntries.KindOf(image, "/usr/share/doc/docker.io/copyright").ShouldBe("regular");
        ImageEntries.KindOf(image, "/usr/share/locale/locale.alias").ShouldNotBeNull();
        ImageEntries.KindOf(image, "/usr/share/locale/de/LC_MESSAGES/apt.mo").ShouldBe("regular");
        ImageEntries.KindOf(image, "/usr/share/locale/fr").ShouldBeNull();
        ImageEntries.KindOf(image, "/usr/share/man/man8/apt-get.8.gz").ShouldBe("regular");
        ImageEntries.KindOf(image, "/usr/share/man/de/man8/apt-get.8.gz").ShouldBe("regular");
        ImageEntries.KindOf(image, "/usr/share/man/fr").ShouldBeNull();
        image.ReadFile("/etc/apt/apt.conf.d/20languages")!.ShouldEndWith("Acquire::Languages { \"none\"; };\n");
        image.ReadFile("/etc/apt/apt.conf.d/20gzip-indexes")!.ShouldEndWith("Acquire::CompressionTypes::Order:: \"gz\";\n");
        image.ReadFile("/etc/apt/apt.conf.d/20autoremove-suggests")!.ShouldEndWith("Apt::AutoRemove::SuggestsImportant \"false\";\n");
        image.ReadFile("/etc/apt/apt.conf.d/90clean")!.ShouldContain("Dir::Cache::pkgcache \"\";\n");

        image.ReadFile("/etc/kiln-ansible").ShouldBe("moin from small (bookworm) in webservers\n");
        image.ReadFile("/etc/kiln-puppet").ShouldBe($"applied by Puppet {PuppetVersion(image)} on Debian 12\n");
        ImageEntries.KindOf(image, "/etc/systemd/system/multi-user.target.wants/puppet.service").ShouldBeNull();
        ImageEntries.KindOf(image, "/usr/sbin/dockerd").ShouldBe("regular");
        ImageEntries.KindOf(image, "/usr/bin/docker").ShouldBe("regular");
        ImageEntries.KindOf(image, "/etc/systemd/system/multi-user.target.wants/docker.service").ShouldBe("symlink");
        ImageEntries.KindOf(image, "/etc/systemd/system/docker.service.d").ShouldBeNull();
        ImageEntries.KindOf(image, "/usr/local/lib/python3.11/dist-packages/kiln_probe/__init__.py").ShouldBe("regular");
        ImageEntries.KindOf(image, "/usr/local/bin/kiln-probe").ShouldBe("regular");
    }

    [SystemFact]
    public async Task A_failing_playbook_fails_the_build_which_rolls_back_and_leaves_nothing_mounted()
    {
        var directory = Directory.CreateDirectory(Path.Combine(inputs.Directory, "failing")).FullName;
        File.WriteAllText(Path.Combine(directory, "fail.yml"), """
            - hosts: all
              gather_facts: false
              tasks:
                - ansible.builtin.fail:
                    msg: this playbook fails on purpose
            """);
        var manifest = Path.Combine(directory, "failing.yml");
        File.WriteAllText(manifest, SmallManifest.Text("failing-playbook", backing: "qcow2", plugins: """
              ansible:
                playbook: fail.yml
            """));
        var workspace = Path.Combine(directory, "workspace");
        var output = Path.Combine(directory, "out");

        var run = await KilnCli.RunAsync("build", manifest, "--workspace", workspace, "--output", output);

        RolledBackBuild.ShouldHaveLeftNothing(run, workspace, output);
        run.Error.ShouldContain("ansible-playbook");
        run.Error.ShouldContain("failed with exit code 2");
    }

    /// <summary>The version of the image's Puppet, from its package's changelog-free metadata.</summary>
    private static string PuppetVersion(ImageInspector image) =>
        PuppetVersionLine().Match(image.ReadFile("/usr/lib/ruby/vendor_ruby/puppet/version.rb") ?? string.Empty).Groups["version"].Value;

    /// <summary>apt's "Get:N http://..." lines, from mmdebstrap and from apt in the chroot.</summary>
    [GeneratedRegex(@"\] Get:\d+ http://")]
    private static partial Regex AptFetch();

    [GeneratedRegex(@"shrink: (?<before>\d+) MiB -> (?<after>\d+) MiB")]
    private static partial Regex ShrinkNote();

    [GeneratedRegex(@"PUPPETVERSION = '(?<version>[^']+)'")]
    private static partial Regex PuppetVersionLine();
}
