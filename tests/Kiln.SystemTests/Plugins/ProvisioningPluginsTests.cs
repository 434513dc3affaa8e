using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Shouldly;

namespace Kiln.SystemTests.Plugins;

/// <summary>
/// The provisioning plugins in real builds: admin_user, cloud_init, expand_root, ntp, unattended_upgrades,
/// commands, debconf and file_copy. Two images carry all of them; each is grown by 1 GiB before it boots.
/// </summary>
[Trait("Category", "System")]
public sealed class ProvisioningPluginsTests
{
    private const long GiB = 1L << 30;

    [SystemFact]
    public async Task The_trixie_image_takes_host_name_user_and_key_from_a_cloud_init_seed_grows_its_root_and_shows_every_plugins_effect()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/plugins-provisioning-trixie.yml"));
        using (var image = new ImageInspector(build.Image))
        {
            image.ReadFile("/etc/cloud/cloud.cfg.d/90_kiln.cfg").ShouldNotBeNull().ShouldContain("datasource_list: [NoCloud, None]\ncloud_init_modules:\n - ansible\n - seed_random\n");
            image.ReadFile("/etc/kiln-commands").ShouldNotBeNull().ShouldMatch(@"^provisioning trixie \d{4}\n$");
            image.ReadFile("/etc/kiln-site-files").ShouldBe("/opt/site/conf/site.conf\n/opt/site/run\n");
            image.ReadFile("/etc/motd").ShouldBe("Built by Kiln: copied in by the file_copy plugin.\n");
            image.ReadFile("/kiln-file-copy").ShouldBeNull("the staging directory should be gone");
        }

        await HostProgram.CheckedAsync("qemu-img", "resize", build.Image, "+1G");
        using var seed = await NoCloudSeed.CreateAsync("seeded-host");
        var script = GuestFacts.Script(
        [
            ("cloud_init", "cloud-init status --wait >/dev/null 2>&1; cloud-init status | sed -n 's/^status: //p'"),
            .. GuestFacts.Common,
            ("cloud_user_groups", "id -nG cloudy"),
            ("cloud_user_keys", "cat /home/cloudy/.ssh/authorized_keys"),
            ("cloud_user_sudo", "sudo -l -U cloudy | tail -1"),
            ("growpart_module_ran", "grep -c 'Running module growpart' /var/log/cloud-init.log"),
            ("ansible_module_listed", "grep -c \"Skipping modules 'ansible\" /var/log/cloud-init.log"),
            ("root_partition_bytes", "lsblk -bno SIZE /dev/vda1"),
            ("root_fs_bytes", "df -B1 --output=size / | tail -1"),
            ("expand_root", "systemctl is-active kiln-expand-root.service"),
            ("expand_root_changed", "journalctl -b -o cat -u kiln-expand-root.service | grep -c '^CHANGED: partition=1'"),
            ("chrony", "systemctl is-active chrony.service"),
            ("chrony_sources", "chronyc -n sources | awk '/^\\^/ {print $2}' | sort"),
            ("chrony_pool_lines", "grep -c '^pool' /etc/chrony/chrony.conf"),
            ("unattended_upgrades", "dpkg-query -W -f='${Status}' unattended-upgrades"),
            ("apt_timers_enabled", "systemctl is-enabled apt-daily.timer apt-daily-upgrade.timer"),
            ("apt_timers_active", "systemctl is-active apt-daily.timer apt-daily-upgrade.timer"),
            ("apt_periodic", "apt-config dump APT::Periodic | grep -E 'Update-Package-Lists|Download-Upgradeable|Unattended-Upgrade'"),
            ("ssh_password_authentication", "grep '^PasswordAuthentication' /etc/ssh/sshd_config"),
            ("copied", "stat -c '%n %a %U %G' /etc/motd /opt/site /opt/site/run /opt/site/conf/site.conf /usr/local/share/motd /srv/provisioning/logs"),
        ]);

        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", script, "--drive", seed.Image));

        facts["cloud_init"].ShouldBe("done");
        facts["hostname"].ShouldBe("seeded-host");
        facts["codename"].ShouldBe("trixie");
        facts["failed_units"].ShouldBe("0");
        facts["cloud_user_groups"].Split(' ').ShouldBe(["cloudy", "adm", "dialout", "cdrom", "floppy", "sudo", "audio", "dip", "video", "plugdev", "staff", "users"], ignoreOrder: true);
        facts["cloud_user_keys"].ShouldBe(seed.PublicKey);
        facts["cloud_user_sudo"].ShouldBe("(ALL) NOPASSWD: ALL");
        facts["growpart_module_ran"].ShouldBe("0");
        facts["ansible_module_listed"].ShouldBe("1");
        long.Parse(facts["root_partition_bytes"], CultureInfo.InvariantCulture).ShouldBeGreaterThan((3 * GiB) - (2L << 20));
        long.Parse(facts["root_fs_bytes"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(29 * GiB / 10);
        facts["expand_root"].ShouldBe("active");
        facts["expand_root_changed"].ShouldBe("1");
        facts["chrony"].ShouldBe("active");
        facts["chrony_sources"].ShouldBe("192.0.2.1 198.51.100.1");
        facts["chrony_pool_lines"].ShouldBe("0");
        facts["unattended_upgrades"].ShouldBe("install ok installed");
        facts["apt_timers_enabled"].ShouldBe("enabled enabled");
        facts["apt_timers_active"].ShouldBe("active active");
        facts["apt_periodic"].ShouldBe("APT::Periodic::Update-Package-Lists \"1\"; APT::Periodic::Download-Upgradeable-Packages \"1\"; APT::Periodic::Unattended-Upgrade \"7\";");
        facts["ssh_password_authentication"].ShouldBe("PasswordAuthentication no");
        facts["copied"].ShouldBe("/etc/motd 644 root root /opt/site 755 daemon adm /opt/site/run 755 root root /opt/site/conf/site.conf 644 root root /usr/local/share/motd 600 root root /srv/provisioning/logs 2750 root adm");
    }

    [SystemFact]
    public async Task The_bookworm_administrator_logs_in_with_ssh_and_uses_sudo_and_the_xfs_root_grows()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-admin-user-").FullName;
        try
        {
            // The example's key file is replaced by a key whose private half this test holds.
            var manifest = Path.Combine(directory, "plugins-provisioning-bookworm.yml");
            File.Copy(Repository.Example("kvm/plugins-provisioning-bookworm.yml"), manifest);
            Directory.CreateDirectory(Path.Combine(directory, "plugins-provisioning"));
            var key = Path.Combine(directory, "plugins-provisioning", "admin");
            await HostProgram.CheckedAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-C", "kiln-test", "-f", key);
            File.Move(key + ".pub", Path.Combine(directory, "plugins-provisioning", "admin.pub"));

            using var build = await ImageBuild.RunAsync(manifest);
            await HostProgram.CheckedAsync("qemu-img", "resize", build.Image, "+1G");
            var port = FreePort();
            var script = "for i in $(seq 1 360); do [ -e /tmp/ssh-done ] && break; sleep 1; done\n" + GuestFacts.Script(
            [
                ("ssh_done_by", "stat -c %U /tmp/ssh-done"),
                .. GuestFacts.Common,
                ("admin_groups", "id -nG kilnadmin"),
                ("admin_password", "passwd -S kilnadmin | cut -d' ' -f2"),
                ("admin_sudo", "sudo -l -U kilnadmin | tail -1"),
                ("admin_ssh_files", "stat -c '%a %U' /home/kilnadmin/.ssh /home/kilnadmin/.ssh/authorized_keys"),
                ("root_partition_bytes", "lsblk -bno SIZE /dev/vda2"),
                ("root_fs_bytes", "df -B1 --output=size / | tail -1"),
                ("expand_root", "systemctl is-active kiln-expand-root.service"),
                ("expand_root_changed", "journalctl -b -o cat -u kiln-expand-root.service | grep -c '^CHANGED: partition=2'"),
            ]);

            var boot = build.BootAndRunAsync("root:kiln-test", script, "--ssh-port", port.ToString(CultureInfo.InvariantCulture));
            var ssh = await LogInAsync(port, key, "kilnadmin", "sudo touch /tmp/ssh-done", boot);
            var facts = GuestFacts.Parse(await boot);

            ssh.ExitCode.ShouldBe(0, ssh.Output);
            facts["ssh_done_by"].ShouldBe("root");
            facts["codename"].ShouldBe("bookworm");
            facts["hostname"].ShouldBe("admin-example");
            facts["root_fs"].ShouldBe("xfs");
            facts["failed_units"].ShouldBe("0");
            facts["admin_groups"].ShouldBe("kilnadmin");
            facts["admin_password"].ShouldBe("P");
            facts["admin_sudo"].ShouldBe("(ALL) NOPASSWD: ALL");
            facts["admin_ssh_files"].ShouldBe("700 kilnadmin 600 kilnadmin");
            long.Parse(facts["root_partition_bytes"], CultureInfo.InvariantCulture).ShouldBeGreaterThan((3 * GiB) - (3L << 20));
            long.Parse(facts["root_fs_bytes"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(29 * GiB / 10);
            facts["expand_root"].ShouldBe("active");
            facts["expand_root_changed"].ShouldBe("1");
        }
        finally
        {
            TestDirectory.Remove(directory);
        }
    }

    [SystemFact]
    public async Task A_failing_command_fails_the_build_which_rolls_back_and_leaves_nothing_mounted()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-commands-").FullName;
        var workspace = Path.Combine(directory, "workspace");
        var output = Path.Combine(directory, "out");
        try
        {
            var manifest = Path.Combine(directory, "failing-command.yml");
            File.WriteAllText(manifest, SmallManifest.Text("failing-command", bootloader: "none", plugins: """
                  file_copy:
                    mkdirs:
                      - dir: /srv/before-the-failure
                  commands:
                    commands:
                      - ['chroot {root} touch /srv/before-the-failure/ran']
                      - [sh, -c, 'echo failing on purpose >&2; exit 3']
                      - [touch, '{root}/never']
                """));

            var run = await KilnCli.RunAsync("build", manifest, "--output", output, "--workspace", workspace);

            RolledBackBuild.ShouldHaveLeftNothing(run, workspace, output);
            run.Error.ShouldContain("exit code 3");
            run.Error.ShouldContain("failing on purpose");
        }
        finally
        {
            TestDirectory.Remove(directory);
        }
    }

    /// <summary>
    /// Logs in over the forwarded port with the key (no host key checks: the host keys are made at first boot)
    /// and runs a command; retries while the guest boots, until it works or the boot ends.
    /// </summary>
    private static async Task<(int ExitCode, string Output)> LogInAsync(int port, string key, string user, string command, Task boot)
    {
        (int ExitCode, string Output) last = (-1, "the guest never accepted an SSH connection");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(7);
        while (DateTime.UtcNow < deadline && !boot.IsCompleted)
        {
            last = await HostProgram.RunAsync("ssh",
            [
                "-i", key, "-p", port.ToString(CultureInfo.InvariantCulture), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR", $"{user}@127.0.0.1", command,
            ], TimeSpan.FromSeconds(60));
            if (last.ExitCode == 0)
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        return last;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
