using Kiln.Providers.Ec2;
using Kiln.Providers.Ec2.Publishing;
using Kiln.Tests.Providers.Ec2;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Ec2;

/// <summary>The ec2_publish and ec2_launch plugins' keys: bound into the publication record, refused where they cannot work.</summary>
public sealed class Ec2PluginsManifestTests
{
    [Fact]
    public void Both_plugins_reach_the_publication_record_with_local_paths_made_absolute_and_tags_rendered()
    {
        var yaml = Ec2Manifests.Minimal + """

            plugins:
              ec2_publish:
                regions: [us-east-1]
                public: true
                manifest_url: out/amis.json
              ec2_launch:
                security_group_ids: [sg-0a1b]
                instance_type: t3.small
                ssh_key: kiln
                print_public_ip: ip.txt
                tags:
                  Name: '{system.release} launch'
                terminate: true
            """;
        var spec = TestManifests.Read(yaml);

        var target = Ec2Target.From(((Ec2Provider)spec.Provider).DescribePublication(spec).Target);

        target.Publishing.ShouldBe(new AmiPublishing(["us-east-1"], true, "/srv/manifests/out/amis.json"), new AmiPublishingComparer());
        target.Launching!.InstanceType.ShouldBe("t3.small");
        target.Launching.SecurityGroupIds.ShouldBe(["sg-0a1b"]);
        target.Launching.KeyName.ShouldBe("kiln");
        target.Launching.PublicIpFile.ShouldBe("/srv/manifests/ip.txt");
        target.Launching.Tags["Name"].ShouldBe("trixie launch");
        target.Launching.Terminate.ShouldBeTrue();
    }

    [Fact]
    public void Ec2_launch_defaults_to_a_nitro_type()
    {
        var spec = TestManifests.Read(Ec2Manifests.Minimal + "\nplugins:\n  ec2_launch: {}\n");

        Ec2Target.From(((Ec2Provider)spec.Provider).DescribePublication(spec).Target).Launching!.InstanceType.ShouldBe("t3.micro");
    }

    [Fact]
    public void The_plugins_are_refused_for_another_provider_and_where_they_contradict_themselves()
    {
        var kvm = "name: kvm-image\nprovider:\n  name: kvm\nbootstrapper: {}\nsystem:\n  release: trixie\nvolume:\n  backing: raw\n  partitions:\n    type: msdos\n    root:\n      filesystem: ext4\n      size: 2GiB\nplugins:\n  ec2_publish: {}\n";
        TestManifests.ErrorsOf(kvm).ShouldHaveSingleItem().Message.ShouldStartWith("ec2_publish publishes AMIs, which only the ec2 provider registers");

        var errors = TestManifests.ErrorsOf(Ec2Manifests.Minimal + "\nplugins:\n  ec2_publish:\n    manifest_url: s3://bucket-only\n  ec2_launch:\n    deregister_ami: true\n").Select(e => e.Message).ToList();

        errors.ShouldContain("manifest_url `s3://bucket-only` names no object; write s3://BUCKET/KEY or a local file path");
        errors.ShouldContain("deregister_ami deletes the AMI that ec2_publish publishes; remove one of them");
    }

    private sealed class AmiPublishingComparer : IEqualityComparer<AmiPublishing?>
    {
        public bool Equals(AmiPublishing? x, AmiPublishing? y) =>
            x is not null && y is not null && x.Regions.SequenceEqual(y.Regions) && x.Public == y.Public && x.ManifestUrl == y.ManifestUrl;

        public int GetHashCode(AmiPublishing? obj) => 0;
    }
}
