using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Kiln.SystemTests.Clouds;
using Kiln.SystemTests.Plugins;
using Kiln.Tests.Fakes;
using Newtonsoft.Json.Linq;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// The azure example: <c>kiln build</c> writes a fixed VHD, uploads it as a page blob to azurite and creates the
/// image through a local Resource Manager (which checks each request, throttling one); then the VHD itself boots
/// (qemu reads it as vpc) from UEFI on a SCSI disk, as a generation 2 machine, and shows what an Azure image needs.
/// </summary>
[Trait("Category", "System")]
public sealed class AzureImageTests
{
    private const string Container = "vhds";
    private const string ResourceGroup = "kiln-images";
    private const string Location = "westeurope";

    [SystemFact]
    public async Task The_azure_vhd_is_uploaded_as_a_page_blob_made_an_image_and_boots_with_waagent_cloud_init_and_the_hyperv_clock()
    {
        using var azurite = await Azurite.StartAsync(Container);
        using var arm = new FakeAzureResourceManager(ResourceGroup, Location);
        arm.CheckBlob = uri => uri.StartsWith(azurite.BlobEndpoint + "/", StringComparison.Ordinal)
            && azurite.PropertiesAsync(Container, Uri.UnescapeDataString(uri[(azurite.BlobEndpoint.Length + Container.Length + 2)..])).GetAwaiter().GetResult() is not null
                ? null
                : $"The blob {uri} does not exist";
        // Resource Manager throttles: the image's creation is answered 429 once, and retried after its Retry-After.
        arm.FailNext("PUT image", 429, "TooManyRequests");
        var environment = new Dictionary<string, string>(arm.Environment) { ["AZURE_STORAGE_CONNECTION_STRING"] = azurite.ConnectionString };

        using var build = await ImageBuild.RunAsync(Repository.Example("azure/trixie-amd64.yml"), environment);
        var vhd = build.Image;
        vhd.ShouldEndWith(".vhd");
        var name = Path.GetFileNameWithoutExtension(vhd);
        name.ShouldStartWith("debian-trixie-amd64-");
        var size = new FileInfo(vhd).Length;

        // The file is a fixed VHD: the disk, a whole number of MiB, then the footer that says so.
        var footer = new byte[512];
        await using (var file = File.OpenRead(vhd))
        {
            file.Seek(-512, SeekOrigin.End);
            await file.ReadExactlyAsync(footer);
        }

        Encoding.ASCII.GetString(footer, 0, 8).ShouldBe("conectix");
        BinaryPrimitives.ReadUInt32BigEndian(footer.AsSpan(60)).ShouldBe(2u, "disk type fixed");
        var disk = (long)BinaryPrimitives.ReadUInt64BigEndian(footer.AsSpan(48));
        disk.ShouldBe(size - 512);
        (disk % (1L << 20)).ShouldBe(0L, "Azure takes whole MiB");
        var info = JObject.Parse(await HostProgram.CheckedAsync("qemu-img", "info", "-f", "vpc", "--output=json", vhd));
        ((long)info["virtual-size"]!).ShouldBe(disk);

        // The publication: the blob holds the image, the image was created from it, every request as Azure documents it.
        var blob = $"images/{name}.vhd";
        var properties = await azurite.PropertiesAsync(Container, blob);
        properties.ShouldNotBeNull();
        properties.Value.Length.ShouldBe(size);
        properties.Value.Type.ShouldBe("PageBlob");
        (await azurite.ReadAsync(Container, blob, 0, 1 << 20)).ShouldBe(await ReadAsync(vhd, 0, 1 << 20), "the start of the disk (its partition table)");
        (await azurite.ReadAsync(Container, blob, size - (1 << 20), 1 << 20)).ShouldBe(await ReadAsync(vhd, size - (1 << 20), 1 << 20), "the end of the disk and the footer");
        arm.Problems.ShouldBeEmpty(string.Join('\n', arm.Calls));
        arm.Calls.Select(c => c.Operation).ShouldBe(["POST token", "GET image", "PUT image", "PUT image", "GET operation", "GET operation", "GET image"], string.Join('\n', arm.Calls));
        var image = arm.Images[name];
        ((string?)image.SelectToken("properties.hyperVGeneration")).ShouldBe("V2");
        ((string?)image.SelectToken("properties.storageProfile.osDisk.blobUri")).ShouldBe($"{azurite.BlobEndpoint}/{Container}/images/{name}.vhd");
        ((string?)image.SelectToken("properties.storageProfile.osDisk.osType")).ShouldBe("Linux");
        ((string?)image["location"]).ShouldBe(Location);
        ((JObject)image["tags"]!).Properties().Select(p => $"{p.Name}={p.Value}").ShouldBe(["BuiltBy=kiln", "Release=trixie"]);
        var id = $"/subscriptions/{FakeAzureResourceManager.Subscription}/resourceGroups/{ResourceGroup}/providers/Microsoft.Compute/images/{name}";
        build.Build.Output.ShouldContain($"published image {id} ({Location})");
        File.ReadAllText(Path.Combine(build.OutputDirectory, name + ".published.json")).ShouldContain(id);
        build.Log.ShouldContain("retry 1 of");
        build.Log.ShouldNotContain(FakeAzureResourceManager.ClientSecret, Case.Sensitive, "the client secret is masked in the log");
        build.Log.ShouldNotContain(Kiln.Providers.Azure.Publishing.StorageConnectionString.DevelopmentKey, Case.Sensitive, "the account key is masked in the log");
        File.ReadAllText(build.BootRecord).ShouldContain("\"disk_bus\": \"virtio-scsi\"");

        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("root_source", "findmnt -n -o SOURCE /"),
            ("disk_bytes", "lsblk -bdno SIZE /dev/sda"),
            ("efi", "test -d /sys/firmware/efi && echo yes || echo no"),
            ("kernel", "uname -r"),
            ("hyperv_drivers", "for m in hv_vmbus hv_storvsc hv_netvsc hv_utils hyperv_keyboard; do modinfo -n $m >/dev/null && echo $m; done"),
            ("packages", "dpkg-query -W -f '${Package}=${db:Status-Status} ' azure-vm-utils chrony cloud-guest-utils cloud-init cloud-initramfs-growroot hyperv-daemons waagent"),
            ("agent_unit", "systemctl is-enabled walinuxagent.service"),
            ("hv_units", "systemctl is-enabled hv-kvp-daemon.service hv-vss-daemon.service"),
            ("hv_udev", "test -e /lib/udev/rules.d/60-hyperv-daemons.rules && echo yes"),
            ("datasources", "grep -h ^datasource_list /etc/cloud/cloud.cfg.d/*.cfg | cut -d: -f2-"),
            ("default_user", "grep -A1 default_user: /etc/cloud/cloud.cfg.d/01_kiln_azure.cfg | tail -1"),
            ("reporting", "grep -A1 telemetry: /etc/cloud/cloud.cfg.d/01_kiln_azure.cfg | tail -1"),
            ("ds_identify", "grep -o 'DSLIST=[^ ]* [^ ]*' /run/cloud-init/ds-identify.log | head -1"),
            ("cloud_init", "cloud-init status 2>&1 | head -1"),
            ("refclock", "grep ^refclock /etc/chrony/chrony.conf"),
            ("ntp_servers", "grep -cE '^(pool|server) ' /etc/chrony/chrony.conf"),
            ("chrony_condition", "systemctl show -p ConditionResult --value chrony.service"),
            ("lo_v6", "grep -c '^00000000000000000000000000000001 .* lo$' /proc/net/if_inet6"),
            ("fstab_root", "awk '$2 == \"/\" { print $4 }' /etc/fstab"),
        ])));

        facts["codename"].ShouldBe("trixie", facts.ToString());
        facts["efi"].ShouldBe("yes", "generation 2 boots from UEFI");
        facts["root_source"].ShouldStartWith("/dev/sda");
        long.Parse(facts["disk_bytes"], CultureInfo.InvariantCulture).ShouldBe(disk, "qemu read the VHD as vpc, without its footer");
        facts["kernel"].ShouldEndWith("-cloud-amd64");
        facts["hyperv_drivers"].ShouldBe("hv_vmbus hv_storvsc hv_netvsc hv_utils hyperv_keyboard", facts.ToString());
        facts["packages"].ShouldBe("azure-vm-utils=installed chrony=installed cloud-guest-utils=installed cloud-init=installed cloud-initramfs-growroot=installed hyperv-daemons=installed waagent=installed", facts.ToString());
        facts["agent_unit"].ShouldBe("enabled", facts.ToString());
        // Debian's hyperv-daemons are started by udev when Hyper-V's VMBus devices appear, not enabled (trixie has no fcopy daemon).
        facts["hv_units"].ShouldBe("disabled disabled", facts.ToString());
        facts["hv_udev"].ShouldBe("yes", facts.ToString());
        facts["cmdline"].ShouldContain("console=ttyS0,115200");
        facts["cmdline"].ShouldContain("console=tty0");
        facts["cmdline"].ShouldContain("nvme_core.io_timeout=240");
        facts["cmdline"].ShouldNotContain("rootdelay");
        facts["serial_getty"].ShouldBe("active", facts.ToString());
        facts["datasources"].Trim().ShouldBe("[ Azure, None ]", facts.ToString());
        facts["default_user"].Trim().ShouldBe("name: debian", facts.ToString());
        facts["reporting"].Trim().ShouldBe("type: hyperv", facts.ToString());
        // Outside Azure (no Azure DMI data, no provisioning media) ds-identify finds no data source and cloud-init stays out of the boot.
        facts["ds_identify"].ShouldContain("Azure");
        // Without Azure's data cloud-init is either kept out of the boot or ends on the None data source; never an error.
        facts["cloud_init"].ShouldMatch("status: (done|disabled)", facts.ToString());
        facts["refclock"].ShouldBe("refclock PHC /dev/ptp_hyperv poll 3 dpoll -2 offset 0", facts.ToString());
        facts["ntp_servers"].ShouldBe("0", facts.ToString());
        facts["chrony_condition"].ShouldBe("no", "QEMU has no Hyper-V clock, so chronyd is skipped rather than failed");
        facts["lo_v6"].ShouldBe("1");
        facts["fstab_root"].ShouldContain("x-systemd.growfs");
        facts["failed_units"].ShouldBe("0", facts.ToString());
    }

    private static async Task<byte[]> ReadAsync(string path, long offset, int length)
    {
        var bytes = new byte[length];
        await using var file = File.OpenRead(path);
        file.Seek(offset, SeekOrigin.Begin);
        await file.ReadExactlyAsync(bytes);
        return bytes;
    }
}
