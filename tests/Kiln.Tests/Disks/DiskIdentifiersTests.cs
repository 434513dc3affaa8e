using Kiln.Disks;
using Kiln.Manifests;
using Kiln.Platforms;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

public sealed class DiskIdentifiersTests
{
    [Fact]
    public void A_derived_uuid_is_sha256_of_the_seed_and_the_name_as_a_version_8_uuid()
    {
        // Pinned: a change here changes the UUIDs of every image built from an unchanged manifest.
        DiskIdentifiers.NameBased("debian-{system.release}\n", "filesystem:root").ShouldBe(new Guid("e8b3a9d6-eaea-8be3-b226-651b54a9aecd"));
    }

    [Fact]
    public void Derived_identifiers_are_the_same_for_the_same_seed_and_differ_by_name_and_seed()
    {
        var ids = DiskIdentifiers.DerivedFrom("web\n");

        ids.Filesystem("root").ShouldBe(DiskIdentifiers.DerivedFrom("web\n").Filesystem("root"));
        ids.Filesystem("root").ShouldNotBe(ids.Filesystem("boot"));
        ids.Filesystem("root").ShouldNotBe(ids.Partition("root"));
        ids.Filesystem("root").ShouldNotBe(ids.HashSeed("root"));
        ids.Filesystem("root").ShouldNotBe(DiskIdentifiers.DerivedFrom("web\n1700000000").Filesystem("root"));
    }

    [Fact]
    public void Every_derived_uuid_carries_the_rfc_9562_version_8_and_variant_bits()
    {
        foreach (var name in new[] { "a", "b", "filesystem:root", "disk" })
        {
            var text = DiskIdentifiers.NameBased("seed", name).ToString();

            text[14].ShouldBe('8');
            text[19].ShouldBeOneOf('8', '9', 'a', 'b');
        }
    }

    [Fact]
    public void The_msdos_disk_id_is_eight_hex_digits_and_never_zero()
    {
        DiskIdentifiers.DerivedFrom("web\n").MsdosDisk().ShouldMatch("^0x[0-9a-f]{8}$");
        DiskIdentifiers.Sequence(() => Guid.Empty).MsdosDisk().ShouldBe("0x00000001");
        DiskIdentifiers.Sequence(() => new Guid("1a2b3c4d-0000-4000-8000-000000000000")).MsdosDisk().ShouldBe("0x1a2b3c4d");
    }

    [Fact]
    public void A_gpt_layout_gets_a_disk_guid_and_a_distinct_guid_for_every_partition_and_filesystem()
    {
        var layout = Derived(PartitionMapKind.Gpt, "seed");

        var all = new List<string?> { layout.DiskId };
        all.AddRange(layout.Partitions.Select(p => p.PartitionUuid));
        all.AddRange(layout.Partitions.Where(p => p.Uuid is not null).Select(p => p.Uuid));
        all.AddRange(layout.Partitions.Where(p => p.HashSeed is not null).Select(p => p.HashSeed));
        all.ShouldAllBe(id => id != null);
        all.Distinct().Count().ShouldBe(all.Count);
        layout.Partitions.Where(p => p.HashSeed is not null).Select(p => p.Label).ShouldBe(["boot", "root"], ignoreOrder: true);
    }

    [Fact]
    public void Two_layouts_of_one_manifest_are_the_same_and_another_seed_changes_every_identifier()
    {
        var first = Derived(PartitionMapKind.Gpt, "seed");
        var again = Derived(PartitionMapKind.Gpt, "seed");
        var other = Derived(PartitionMapKind.Gpt, "other");

        again.ShouldBeEquivalentTo(first);
        other.DiskId.ShouldNotBe(first.DiskId);
        other.Root.Uuid.ShouldNotBe(first.Root.Uuid);
    }

    [Fact]
    public void An_msdos_layout_has_a_disk_id_and_no_partition_guids()
    {
        var layout = Derived(PartitionMapKind.Msdos, "seed");

        layout.DiskId!.ShouldMatch("^0x[0-9a-f]{8}$");
        layout.Partitions.ShouldAllBe(p => p.PartitionUuid == null);
    }

    [Fact]
    public void With_a_sequence_the_filesystems_are_numbered_first_as_before()
    {
        var layout = TestLayouts.MsdosRootOnly();

        layout.Root.Uuid.ShouldBe("00000000-0000-4000-8000-000000000001");
        layout.Root.HashSeed.ShouldBe("00000000-0000-4000-8000-000000000002");
    }

    private static DiskLayout Derived(PartitionMapKind map, string seed)
    {
        var volume = new VolumeSection
        {
            PartitionMap = map,
            Partitions = [TestLayouts.Partition("boot", "256MiB", FilesystemKind.Ext2), TestLayouts.Partition("root", "2GiB"), TestLayouts.Partition("var", "1GiB", FilesystemKind.Xfs)],
            Swap = ByteSize.FromMiB(128),
        };
        return DiskLayoutCalculator.Calculate(volume, LayoutNeeds.BiosGrub, DiskIdentifiers.DerivedFrom(seed));
    }
}
