using System.Globalization;
using Kiln.SystemTests.Clouds;
using Kiln.SystemTests.Plugins;
using Kiln.Tests.Fakes;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// The oracle example: <c>kiln build</c> makes a QCOW2, uploads it through the S3-compatible API (s3rver), reads it
/// back to verify it, and creates the custom image (a local OCI API that checks each request's signature and body,
/// throttling one), then the disk, made 1 GiB larger as a bigger boot volume would be, boots as OCI's
/// PARAVIRTUALIZED mode presents it (virtio-scsi, virtio-net) and shows what an OCI image needs.
/// </summary>
[Trait("Category", "System")]
public sealed class OracleImageTests
{
    private const string Bucket = "kiln-images";
    private const string Region = "eu-frankfurt-1";

    [SystemFact]
    public async Task The_oracle_image_is_uploaded_and_imported_and_boots_paravirtualized_with_the_oracle_data_source_and_ocis_time_service()
    {
        using var s3 = await S3rver.StartAsync(Bucket);
        using var account = new OciTestAccount(region: Region);
        using var publicKey = account.PublicKey();
        using var oci = new FakeOciApi(publicKey, OciTestAccount.KeyId, Region);
        long? imported = null;
        oci.CheckImportSource = (ns, bucket, name) =>
        {
            imported = s3.ObjectSize(bucket, name);
            return ns != "kilntenancy" || imported is null ? $"The object {ns}/{bucket}/{name} does not exist" : null;
        };
        // OCI throttles: the image's creation is answered 429 once, and retried.
        oci.FailNext("CreateImage", 429, "TooManyRequests");
        var environment = new Dictionary<string, string>
        {
            ["OCI_CLI_CONFIG_FILE"] = account.ConfigFile,
            ["OCI_CLI_ENDPOINT"] = oci.Endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = S3rver.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = S3rver.SecretKey,
            ["AWS_ENDPOINT_URL_S3"] = s3.Endpoint,
            ["AWS_CONFIG_FILE"] = "/nonexistent/config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
        };

        using var build = await ImageBuild.RunAsync(Repository.Example("oracle/trixie-amd64.yml"), environment);
        var qcow2 = build.Image;
        qcow2.ShouldEndWith(".qcow2");
        var name = Path.GetFileNameWithoutExtension(qcow2);
        name.ShouldStartWith("debian-trixie-amd64-");

        // The publication: every request signed and shaped as OCI documents it, in order, and nothing left in the bucket.
        oci.Problems.ShouldBeEmpty(string.Join('\n', oci.Calls));
        oci.Calls.Select(c => c.Operation).ShouldBe(["ListImages", "CreateImage", "CreateImage", "GetWorkRequest", "GetWorkRequest", "GetImage"], string.Join('\n', oci.Calls));
        imported.ShouldBe(new FileInfo(qcow2).Length);
        s3.ObjectSize(Bucket, $"imports/{name}.qcow2").ShouldBeNull("the upload is deleted once the image is AVAILABLE");
        var create = oci.Calls.Last(c => c.Operation == "CreateImage").Body!;
        create["compartmentId"]!.ToString().ShouldBe(OciTestAccount.Tenancy);
        create["displayName"]!.ToString().ShouldBe(name);
        create["launchMode"]!.ToString().ShouldBe("PARAVIRTUALIZED");
        create["imageSourceDetails"]!["sourceImageType"]!.ToString().ShouldBe("QCOW2");
        create["imageSourceDetails"]!["operatingSystemVersion"]!.ToString().ShouldBe("trixie");
        create["freeformTags"]!["BuiltBy"]!.ToString().ShouldBe("kiln");
        var image = oci.Images.Single().Key;
        build.Build.Output.ShouldContain($"published image {image} ({Region})");
        build.Build.Output.ShouldContain("verified imports/");
        File.ReadAllText(Path.Combine(build.OutputDirectory, name + ".published.json")).ShouldContain(image);
        build.Log.ShouldContain("retry 1 of");
        build.Log.ShouldNotContain("S3RVER", Case.Sensitive, "the secret key is masked in the log");
        File.ReadAllText(build.BootRecord).ShouldContain("\"disk_bus\": \"virtio-scsi\"");

        // A boot volume 1 GiB larger than the image, as OCI makes one on request.
        await HostProgram.CheckedAsync("qemu-img", "resize", qcow2, "+1G");
        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("root_source", "findmnt -n -o SOURCE /"),
            ("kernel", "uname -r"),
            ("scsi_host", "cat /sys/block/sda/device/../../scsi_host/*/proc_name"),
            ("nic_driver", "basename $(readlink /sys/class/net/$(ls /sys/class/net | grep -v lo | head -1)/device/driver)"),
            ("root_bytes", "lsblk -bdno SIZE /dev/sda1"),
            ("fs_bytes", "df -B1 --output=size / | tail -1"),
            ("datasources", "grep -h ^datasource_list /etc/cloud/cloud.cfg.d/*.cfg | cut -d: -f2-"),
            ("default_user", "grep -A1 default_user: /etc/cloud/cloud.cfg.d/01_kiln_oracle.cfg | tail -1"),
            ("oracle_source", "ls /usr/lib/python3/dist-packages/cloudinit/sources/DataSourceOracle.py"),
            ("cloud_init", "cloud-init status 2>&1 | head -1"),
            ("ds_identify", "grep -o 'DSLIST=[^ ]* [^ ]*' /run/cloud-init/ds-identify.log | head -1"),
            ("packages", "dpkg-query -W -f '${Package}=${db:Status-Status} ' cloud-init cloud-guest-utils cloud-initramfs-growroot systemd-timesyncd sudo"),
            ("timesyncd", "systemctl is-active systemd-timesyncd.service"),
            ("time_service", "systemd-analyze cat-config systemd/timesyncd.conf | grep ^NTP="),
            ("timesync_server", "timedatectl show-timesync -p SystemNTPServers --value"),
            ("console_getty", "systemctl is-active serial-getty@ttyS0.service"),
            ("efi", "test -d /sys/firmware/efi && echo yes || echo no"),
            ("fstab_root", "awk '$2 == \"/\" { print $4 }' /etc/fstab"),
        ])));

        facts["codename"].ShouldBe("trixie");
        facts["root_source"].ShouldBe("/dev/sda1");
        facts["scsi_host"].ShouldBe("virtio_scsi", facts.ToString());
        facts["nic_driver"].ShouldBe("virtio_net", facts.ToString());
        facts["kernel"].ShouldEndWith("-cloud-amd64");
        facts["cmdline"].ShouldContain("root=UUID=");
        facts["cmdline"].ShouldContain("console=ttyS0,115200");
        facts["console_getty"].ShouldBe("active");
        facts["failed_units"].ShouldBe("0", facts.ToString());
        facts["datasources"].Trim().ShouldBe("[ Oracle, None ]");
        facts["default_user"].Trim().ShouldBe("name: opc");
        facts["oracle_source"].ShouldNotContain("No such file");
        facts["packages"].ShouldBe("cloud-guest-utils=installed cloud-init=installed cloud-initramfs-growroot=installed sudo=installed systemd-timesyncd=installed");
        facts["timesyncd"].ShouldBe("active");
        facts["time_service"].ShouldBe("NTP=169.254.169.254");
        facts["timesync_server"].ShouldBe("169.254.169.254");
        facts["fstab_root"].ShouldContain("x-systemd.growfs");
        // The root partition and its filesystem fill the larger volume: 3 GiB less the ESP's 128 MiB share and the BIOS boot partition.
        long.Parse(facts["root_bytes"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(2900L << 20, facts.ToString());
        long.Parse(facts["fs_bytes"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(2700L << 20, facts.ToString());
        // Outside OCI (no OracleCloud.com chassis asset tag) the Oracle data source is not found and cloud-init finishes
        // on the None data source, without waiting for a metadata service.
        facts["ds_identify"].ShouldContain("Oracle");
        facts["cloud_init"].ShouldBe("status: done", facts.ToString());
    }
}
