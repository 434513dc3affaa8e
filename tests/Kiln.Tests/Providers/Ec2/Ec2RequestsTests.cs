using Amazon.EC2;
using Kiln.Platforms;
using Kiln.Providers.Ec2.Publishing;
using Kiln.Publishing;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Ec2;

public sealed class Ec2RequestsTests
{
    [Fact]
    public void The_image_is_registered_as_debian_registers_its_amis_with_the_boot_mode_of_its_firmware()
    {
        var request = Ec2Requests.RegisterImage(Ec2Records.Record(), Ec2Records.Target, "snap-1");

        request.Name.ShouldBe("debian-trixie");
        request.Description.ShouldBe("Debian trixie");
        request.Architecture.ShouldBe(ArchitectureValues.X86_64);
        request.RootDeviceName.ShouldBe("/dev/xvda");
        request.VirtualizationType.ShouldBe("hvm");
        request.BootMode.ShouldBe(BootModeValues.UefiPreferred);
        request.EnaSupport.ShouldBe(true);
        request.SriovNetSupport.ShouldBe("simple");
        var root = request.BlockDeviceMappings.ShouldHaveSingleItem();
        root.DeviceName.ShouldBe("/dev/xvda");
        root.Ebs.SnapshotId.ShouldBe("snap-1");
        root.Ebs.VolumeType.Value.ShouldBe("gp3");
        root.Ebs.DeleteOnTermination.ShouldBe(true);
        request.TagSpecifications.ShouldHaveSingleItem().Tags.Select(t => $"{t.Key}={t.Value}").ShouldBe(["BuiltBy=kiln", "Release=trixie"]);
    }

    [Theory]
    [InlineData(Firmware.Bios, "legacy-bios")]
    [InlineData(Firmware.Uefi, "uefi")]
    [InlineData(Firmware.Hybrid, "uefi-preferred")]
    public void The_boot_mode_follows_the_firmware(Firmware firmware, string mode)
    {
        Ec2Requests.BootMode(firmware).Value.ShouldBe(mode);
    }

    [Fact]
    public void Without_enhanced_networking_the_flags_are_not_set_and_arm64_is_registered_as_arm64()
    {
        var record = Ec2Records.Record(Firmware.Uefi) with { Architecture = "arm64" };

        var request = Ec2Requests.RegisterImage(record, Ec2Records.Target with { EnhancedNetworking = false, VolumeType = "gp2" }, "snap-1");

        request.Architecture.ShouldBe(ArchitectureValues.Arm64);
        request.EnaSupport.ShouldBeNull();
        request.SriovNetSupport.ShouldBeNull();
        request.BlockDeviceMappings[0].Ebs.VolumeType.Value.ShouldBe("gp2");
    }

    [Fact]
    public void The_snapshot_is_imported_from_the_uploaded_object_in_the_images_format()
    {
        var record = Ec2Records.Record(format: "raw");
        var key = Ec2Requests.ObjectKey(record, Ec2Records.Target);

        var request = Ec2Requests.ImportSnapshot(record, Ec2Records.Target with { Encrypted = true, KmsKeyId = "arn:k" }, "kiln-images", key);

        key.ShouldBe("imports/debian-trixie.raw");
        request.DiskContainer.Format.ShouldBe("RAW");
        request.DiskContainer.UserBucket.S3Bucket.ShouldBe("kiln-images");
        request.DiskContainer.UserBucket.S3Key.ShouldBe("imports/debian-trixie.raw");
        request.Encrypted.ShouldBe(true);
        request.KmsKeyId.ShouldBe("arn:k");
        Ec2Requests.ImportSnapshot(Ec2Records.Record(), Ec2Records.Target, "b", "k").Encrypted.ShouldBeNull();
    }

    [Fact]
    public void The_publication_record_reads_back_what_it_wrote()
    {
        var record = Ec2Records.Record();

        var read = PublicationRecord.Parse(record.ToJson(), "r.json");

        read.ToJson().ShouldBe(record.ToJson());
        Ec2Target.From(read.Target).ShouldBe(Ec2Records.Target);
    }

    [Fact]
    public void A_damaged_publication_record_says_to_build_again()
    {
        Should.Throw<UserInputException>(() => PublicationRecord.Parse("{\"cloud\": \"ec2\"}", "r.json")).Message.ShouldBe("r.json: not a publication record Kiln can read (image is missing); build the image again");
    }

    [Fact]
    public void A_cloud_resource_survives_the_journal_and_names_no_credential()
    {
        var resource = new CloudResource("ec2", "snapshot", new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = "snap-1", ["region"] = "eu-west-1" });

        var text = resource.ToJournalText();

        text.ShouldBe("{\"cloud\":\"ec2\",\"kind\":\"snapshot\",\"id\":\"snap-1\",\"region\":\"eu-west-1\"}");
        CloudResource.Parse(text)!.ToString().ShouldBe("ec2 snapshot id=snap-1 region=eu-west-1");
        CloudResource.Parse("not json").ShouldBeNull();
    }
}
