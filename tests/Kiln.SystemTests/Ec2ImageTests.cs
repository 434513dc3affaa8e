using System.Globalization;
using System.Text;
using Kiln.SystemTests.Clouds;
using Kiln.SystemTests.Plugins;
using Kiln.Tests.Fakes;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// The ec2 example: <c>kiln build</c> makes a stream-optimized VMDK, uploads it to S3 (s3rver), imports it and
/// registers the AMI (a local EC2 API that checks each request, throttling one), then the disk, made 1 GiB larger
/// as a bigger EBS volume would be, boots from NVMe as on Nitro and shows what an EC2 image needs.
/// </summary>
[Trait("Category", "System")]
public sealed class Ec2ImageTests
{
    private const string Bucket = "kiln-images";
    private const string Region = "eu-west-1";

    [SystemFact]
    public async Task The_ec2_image_is_uploaded_imported_and_registered_and_boots_from_nvme_with_cloud_init_ena_and_a_grown_root()
    {
        using var s3 = await S3rver.StartAsync(Bucket);
        using var ec2 = new FakeEc2Api(Region);
        long? imported = null;
        ec2.CheckImportSource = (bucket, key) =>
        {
            imported = s3.ObjectSize(bucket, key);
            return imported is null ? $"The S3 object s3://{bucket}/{key} does not exist" : null;
        };
        // EC2 throttles: the registration is answered RequestLimitExceeded once, and retried.
        ec2.FailNext("RegisterImage", 503, "RequestLimitExceeded");
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = S3rver.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = S3rver.SecretKey,
            ["AWS_ENDPOINT_URL_S3"] = s3.Endpoint,
            ["AWS_ENDPOINT_URL_EC2"] = ec2.Endpoint.ToString(),
            ["AWS_CONFIG_FILE"] = "/nonexistent/config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
        };

        using var build = await ImageBuild.RunAsync(Repository.Example("ec2/trixie-amd64.yml"), environment);
        var vmdk = build.Image;
        var name = Path.GetFileNameWithoutExtension(vmdk);
        name.ShouldStartWith("debian-trixie-amd64-");

        // The publication: every request as EC2 documents it, in order, and nothing left in the bucket.
        ec2.Problems.ShouldBeEmpty(string.Join('\n', ec2.Calls));
        ec2.Calls.Select(c => c.Action).ShouldBe(["DescribeImages", "ImportSnapshot", "DescribeImportSnapshotTasks", "DescribeImportSnapshotTasks", "CreateTags", "RegisterImage", "RegisterImage"], string.Join('\n', ec2.Calls));
        imported.ShouldBe(new FileInfo(vmdk).Length);
        s3.ObjectSize(Bucket, $"imports/{name}.vmdk").ShouldBeNull("the upload is deleted once the snapshot is made");
        var import = ec2.Calls.Single(c => c.Action == "ImportSnapshot");
        import["DiskContainer.Format"].ShouldBe("VMDK");
        import["DiskContainer.UserBucket.S3Bucket"].ShouldBe(Bucket);
        import["DiskContainer.UserBucket.S3Key"].ShouldBe($"imports/{name}.vmdk");
        var register = ec2.Calls.Last(c => c.Action == "RegisterImage");
        register["Name"].ShouldBe(name);
        register["Description"].ShouldBe("Debian trixie (amd64) built by Kiln");
        register["Architecture"].ShouldBe("x86_64");
        register["BootMode"].ShouldBe("uefi-preferred");
        register["EnaSupport"].ShouldBe("true");
        register["SriovNetSupport"].ShouldBe("simple");
        register["RootDeviceName"].ShouldBe("/dev/xvda");
        register["BlockDeviceMapping.1.Ebs.VolumeType"].ShouldBe("gp3");
        register["BlockDeviceMapping.1.Ebs.SnapshotId"].ShouldBe(ec2.Snapshots.Single());
        register.Parameters.Where(p => p.Key.StartsWith("TagSpecification.1.Tag.", StringComparison.Ordinal)).Select(p => p.Value).Order(StringComparer.Ordinal)
            .ShouldBe(["BuiltBy", "Release", "kiln", "trixie"]);
        var ami = ec2.Images.Single(i => i.Value == name).Key;
        build.Build.Output.ShouldContain($"published image {ami} ({Region})");
        File.ReadAllText(Path.Combine(build.OutputDirectory, name + ".published.json")).ShouldContain(ami);
        build.Log.ShouldContain("retry 1 of");
        build.Log.ShouldNotContain("S3RVER", Case.Sensitive, "the secret key is masked in the log");

        // The file is the stream-optimized VMDK EC2 imports, not only named so.
        var header = new byte[4096];
        await using (var file = File.OpenRead(vmdk))
        {
            await file.ReadExactlyAsync(header);
        }

        Encoding.ASCII.GetString(header, 0, 4).ShouldBe("KDMV");
        Encoding.ASCII.GetString(header).ShouldContain("createType=\"streamOptimized\"");
        File.ReadAllText(build.BootRecord).ShouldContain("\"disk_bus\": \"nvme\"");

        // A volume 1 GiB larger than the image, as EC2 makes one from the snapshot on request.
        await HostProgram.CheckedAsync("qemu-img", "convert", "-O", "qcow2", vmdk, Path.ChangeExtension(vmdk, ".qcow2"));
        File.Delete(vmdk);
        await HostProgram.CheckedAsync("qemu-img", "resize", build.Image, "+1G");
        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("root_source", "findmnt -n -o SOURCE /"),
            ("kernel", "uname -r"),
            ("ena", "modinfo -n ena"),
            ("ixgbevf", "modinfo -n ixgbevf"),
            ("nvme_driver", "readlink /sys/block/nvme0n1/device/device/driver | xargs basename"),
            ("root_bytes", "lsblk -bdno SIZE /dev/nvme0n1p1"),
            ("fs_bytes", "df -B1 --output=size / | tail -1"),
            ("growroot", "ls /usr/share/initramfs-tools/scripts/local-bottom/growroot"),
            ("fstab_root", "awk '$2 == \"/\" { print $4 }' /etc/fstab"),
            ("datasources", "grep -h ^datasource_list /etc/cloud/cloud.cfg.d/*.cfg | cut -d: -f2-"),
            ("default_user", "grep -A1 default_user: /etc/cloud/cloud.cfg.d/01_kiln_ec2.cfg | tail -1"),
            ("cloud_init", "cloud-init status 2>&1 | head -1"),
            ("ds_identify", "grep -o 'DSLIST=[^ ]* [^ ]*' /run/cloud-init/ds-identify.log | head -1"),
            ("packages", "dpkg-query -W -f '${Package}=${db:Status-Status} ' cloud-init cloud-guest-utils cloud-initramfs-growroot amazon-ec2-utils systemd-timesyncd"),
            ("timesyncd", "systemctl is-active systemd-timesyncd.service"),
            ("time_service", "systemd-analyze cat-config systemd/timesyncd.conf | grep ^FallbackNTP"),
            ("lo_v6", "grep -c '^00000000000000000000000000000001 .* lo$' /proc/net/if_inet6"),
            ("efi", "test -d /sys/firmware/efi && echo yes || echo no"),
        ])));

        facts["codename"].ShouldBe("trixie");
        facts["root_source"].ShouldBe("/dev/nvme0n1p1");
        facts["nvme_driver"].ShouldBe("nvme");
        facts["efi"].ShouldBe("yes", "a hybrid AMI boots with uefi-preferred from UEFI");
        facts["kernel"].ShouldEndWith("-cloud-amd64");
        facts["ena"].ShouldContain("/ena.ko");
        facts["ixgbevf"].ShouldContain("/ixgbevf.ko");
        facts["cmdline"].ShouldContain("root=UUID=");
        facts["cmdline"].ShouldContain("console=ttyS0,115200");
        facts["serial_getty"].ShouldBe("active");
        facts["lo_v6"].ShouldBe("1");
        facts["failed_units"].ShouldBe("0", facts.ToString());
        facts["datasources"].Trim().ShouldBe("[ Ec2, None ]");
        facts["default_user"].Trim().ShouldBe("name: admin");
        facts["packages"].ShouldBe("amazon-ec2-utils=installed cloud-guest-utils=installed cloud-init=installed cloud-initramfs-growroot=installed systemd-timesyncd=installed");
        facts["timesyncd"].ShouldBe("active");
        facts["time_service"].ShouldBe("FallbackNTP=169.254.169.123 fd00:ec2::123");
        facts["fstab_root"].ShouldContain("x-systemd.growfs");
        facts["growroot"].ShouldNotContain("No such file");
        // The root partition and its filesystem fill the larger volume: 3 GiB less the ESP's 128 MiB share.
        long.Parse(facts["root_bytes"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(2900L << 20, facts.ToString());
        long.Parse(facts["fs_bytes"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(2700L << 20, facts.ToString());
        // Outside EC2 (no EC2 DMI data) ds-identify finds no data source and cloud-init stays out of the boot.
        facts["ds_identify"].ShouldContain("Ec2");
        // Outside EC2 the Ec2 data source finds no metadata and cloud-init ends on None, without an error.
        facts["cloud_init"].ShouldBe("status: done", facts.ToString());
    }
}
