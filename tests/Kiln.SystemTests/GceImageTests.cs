using System.Globalization;
using System.IO.Compression;
using System.Text;
using Kiln.SystemTests.Plugins;
using Kiln.Tests.Fakes;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// The gce example: <c>kiln build</c> writes disk.raw into a sparse GNU tar.gz, uploads it to Cloud Storage and
/// creates the image with images.insert (a local stand-in of Google's token endpoint, storage and compute APIs
/// that checks each request, throttling one), then the disk, 1 GiB larger as a bigger persistent disk would be,
/// boots from virtio-scsi as on GCE and shows what a GCE image needs.
/// </summary>
[Trait("Category", "System")]
public sealed class GceImageTests
{
    private const string Project = "kiln-test-project";
    private const string Bucket = "kiln-images";

    [SystemFact]
    public async Task The_gce_image_is_uploaded_and_created_and_boots_from_virtio_scsi_with_the_guest_agent_the_metadata_time_and_a_grown_root()
    {
        using var google = new FakeGoogleCloud(Project, Bucket);
        var key = Path.Combine(Path.GetTempPath(), $"kiln-gce-key-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(key, google.ServiceAccountKey());
        string? member = null;
        google.CheckImageSource = path =>
        {
            using var tar = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            var header = new byte[512];
            tar.ReadExactly(header);
            member = $"{Encoding.ASCII.GetString(header, 0, 100).TrimEnd('\0')} {(char)header[156]} {Encoding.ASCII.GetString(header, 257, 8)}";
            return null;
        };
        // Compute Engine throttles: the image creation is answered 429 once, and retried.
        google.FailNext("images.insert", 429, "rateLimitExceeded");
        var environment = new Dictionary<string, string>
        {
            ["GOOGLE_APPLICATION_CREDENTIALS"] = key,
            ["CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE"] = google.ComputeEndpoint,
            ["CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE"] = google.StorageEndpoint,
            ["CLOUDSDK_CONFIG"] = "/nonexistent/gcloud",
        };

        ImageBuild build;
        try
        {
            build = await ImageBuild.RunAsync(Repository.Example("gce/trixie-amd64.yml"), environment);
        }
        finally
        {
            File.Delete(key);
        }

        using var _ = build;
        var archive = build.Image;
        archive.ShouldEndWith(".tar.gz");
        var name = Path.GetFileName(archive)[..^".tar.gz".Length];
        name.ShouldStartWith("debian-trixie-amd64-");

        // The publication: every request as Google documents it, in order, and nothing left in the bucket.
        google.Problems.ShouldBeEmpty(string.Join('\n', google.Calls));
        var calls = google.Calls.Select(c => c.Method).ToList();
        calls.Take(3).ShouldBe(["token", "buckets.get", "images.get"], string.Join('\n', google.Calls));
        calls.Skip(3).TakeWhile(m => m == "objects.insert").Count().ShouldBeGreaterThan(1);
        // images.insert throttled once and retried, the operation polled until done (how often depends on timing), the image read, the upload deleted.
        var registration = calls.SkipWhile(m => m != "images.insert").ToList();
        registration.Take(2).ShouldBe(["images.insert", "images.insert"], string.Join('\n', google.Calls));
        registration[2].ShouldBe("globalOperations.get", string.Join('\n', google.Calls));
        registration.ShouldContain("images.get", string.Join('\n', google.Calls));
        registration[^1].ShouldBe("objects.delete", string.Join('\n', google.Calls));
        registration.Skip(2).SkipLast(1).ShouldAllBe(m => m == "globalOperations.get" || m == "images.get", string.Join('\n', google.Calls));
        member.ShouldBe("disk.raw S ustar  \0", "images.insert read disk.raw, a GNU sparse member of an oldgnu tar");
        google.ObjectSize(Bucket, $"imports/{name}.tar.gz").ShouldBeNull("the upload is deleted once the image is made");
        var image = google.Images[name];
        ((string?)image["description"]).ShouldBe("Debian trixie (amd64) built by Kiln");
        ((string?)image["family"]).ShouldBe("debian-trixie-kiln");
        ((string?)image["rawDisk"]!["source"]).ShouldBe($"https://storage.googleapis.com/{Bucket}/imports/{name}.tar.gz");
        image["guestOsFeatures"]!.Select(f => (string?)f["type"]).ShouldBe(["UEFI_COMPATIBLE", "VIRTIO_SCSI_MULTIQUEUE", "GVNIC"]);
        image["labels"]!.ToString(Newtonsoft.Json.Formatting.None).ShouldBe("""{"built-by":"kiln","release":"trixie"}""");
        build.Build.Output.ShouldContain($"published image {image["id"]}");
        File.ReadAllText(Path.Combine(build.OutputDirectory, name + ".published.json")).ShouldContain($"projects/{Project}/global/images/{name}");
        build.Log.ShouldContain("retry 1 of");
        build.Log.ShouldNotContain("BEGIN PRIVATE KEY", Case.Sensitive, "the service account's key is masked in the log");
        build.Log.ShouldNotContain("ya29.fake-", Case.Sensitive, "the access token is masked in the log");
        File.ReadAllText(build.BootRecord).ShouldContain("\"disk_bus\": \"virtio-scsi\"");

        // GCE unpacks disk.raw; the persistent disk made from the image is 1 GiB larger here.
        await HostProgram.CheckedAsync("tar", "--extract", "--gzip", "--sparse", "--file", archive, "--directory", build.OutputDirectory);
        File.Move(Path.Combine(build.OutputDirectory, "disk.raw"), Path.Combine(build.OutputDirectory, name + ".raw"));
        File.Delete(archive);
        await HostProgram.CheckedAsync("qemu-img", "resize", "-f", "raw", build.Image, "+1G");
        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("root_source", "findmnt -n -o SOURCE /"),
            ("kernel", "uname -r"),
            ("virtio_scsi", "ls -d /sys/bus/virtio/drivers/virtio_scsi/virtio* | wc -l"),
            ("gve", "modinfo -n gve"),
            ("root_bytes", "lsblk -bdno SIZE /dev/sda1"),
            ("fs_bytes", "df -B1 --output=size / | tail -1"),
            ("fstab_root", "awk '$2 == \"/\" { print $4 }' /etc/fstab"),
            ("packages", "dpkg-query -W -f '${Package}=${db:Status-Status} ' google-guest-agent google-compute-engine-oslogin cloud-initramfs-growroot systemd-timesyncd"),
            ("cloud_init", "dpkg-query -W -f '${db:Status-Status}' cloud-init 2>/dev/null | grep -qx installed && echo installed || echo absent"),
            ("agent_enabled", "systemctl is-enabled google-guest-agent.service google-startup-scripts.service google-shutdown-scripts.service google-oslogin-cache.timer"),
            ("timesyncd", "systemctl is-active systemd-timesyncd.service"),
            ("time_service", "systemd-analyze cat-config systemd/timesyncd.conf | grep ^FallbackNTP"),
            ("dhcp_mtu", "grep -h ^UseMTU /etc/systemd/network/80-kiln-dhcp.network.d/*.conf"),
            ("lo_v6", "grep -c '^00000000000000000000000000000001 .* lo$' /proc/net/if_inet6"),
            ("efi", "test -d /sys/firmware/efi && echo yes || echo no"),
            ("failed", "systemctl --failed --no-legend --plain | awk '{print $1}' | sort"),
        ])));

        facts["codename"].ShouldBe("trixie");
        facts["root_source"].ShouldBe("/dev/sda1");
        facts["virtio_scsi"].ShouldBe("1", "the disk is on virtio-scsi, as GCE presents it");
        facts["efi"].ShouldBe("yes", "a UEFI_COMPATIBLE image boots from UEFI");
        facts["kernel"].ShouldEndWith("-cloud-amd64");
        facts["gve"].ShouldContain("/gve.ko");
        facts["cmdline"].ShouldContain("root=UUID=");
        facts["cmdline"].ShouldContain("console=ttyS0,115200");
        facts["cmdline"].ShouldContain("intel_iommu=off");
        facts["serial_getty"].ShouldBe("active");
        facts["lo_v6"].ShouldBe("1");
        facts["networkd"].ShouldBe("active");
        facts["dhcp_mtu"].ShouldBe("UseMTU=yes");
        facts["packages"].ShouldBe("cloud-initramfs-growroot=installed google-compute-engine-oslogin=installed google-guest-agent=installed systemd-timesyncd=installed", facts.ToString());
        facts["cloud_init"].ShouldBe("absent", $"Debian's GCE images have no cloud-init: the guest agent makes the users\n{facts}");
        facts["agent_enabled"].ShouldBe("enabled enabled enabled enabled", facts.ToString());
        facts["timesyncd"].ShouldBe("active", facts.ToString());
        facts["time_service"].ShouldBe("FallbackNTP=metadata.google.internal 169.254.169.254", facts.ToString());
        facts["fstab_root"].ShouldContain("x-systemd.growfs", Case.Sensitive, facts.ToString());
        // Outside GCE there is no metadata server: only Google's own units may fail, nothing else.
        facts["failed"].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(unit => unit.StartsWith("google-", StringComparison.Ordinal), facts.ToString());
        // The root partition and its filesystem fill the larger disk: 3 GiB less the ESP's 128 MiB share.
        long.Parse(facts["root_bytes"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(2900L << 20, facts.ToString());
        long.Parse(facts["fs_bytes"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(2700L << 20, facts.ToString());
    }
}
