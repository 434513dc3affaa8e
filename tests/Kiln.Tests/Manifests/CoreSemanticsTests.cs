using System.Runtime.CompilerServices;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Manifests;

public sealed class CoreSemanticsTests
{
    [Fact]
    public void A_sound_manifest_has_no_errors()
    {
        Check(Manifest()).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_release_lists_the_codenames_and_suites()
    {
        Check(Manifest(release: "bookwurm")).ShouldBe(
        [
            "m.yml:6:12: `bookwurm` is not a Debian release Kiln knows; did you mean `bookworm`?\n    use a codename (wheezy, jessie, stretch, buster, bullseye, bookworm, trixie, forky, sid) or a suite (oldoldstable, oldstable, stable, testing, unstable)",
        ]);
    }

    [Fact]
    public void Grub_cannot_boot_an_unpartitioned_disk()
    {
        Check(Manifest(map: "none")).ShouldBe(
        [
            "m.yml:7:15: grub cannot boot an unpartitioned disk (volume.partitions.type is none); use type msdos or gpt, or bootloader extlinux",
        ]);
    }

    [Fact]
    public void Without_a_bootloader_key_the_grub_error_points_at_the_system_section()
    {
        var errors = Check(Manifest(map: "none", bootloader: null));

        errors.ShouldBe(["m.yml:6:3: grub cannot boot an unpartitioned disk (volume.partitions.type is none); use type msdos or gpt, or bootloader extlinux"]);
    }

    [Fact]
    public void An_unpartitioned_disk_holds_only_root()
    {
        var errors = Check(Manifest(map: "none", bootloader: "extlinux", extra: """
                boot: {filesystem: ext2, size: 256MiB}
                swap: {size: 128MiB}
            """));

        errors.ShouldBe(
        [
            "m.yml:13:11: an unpartitioned disk holds only `root`; `boot` needs volume.partitions.type msdos or gpt",
            "m.yml:14:11: an unpartitioned disk holds only `root`; `swap` needs volume.partitions.type msdos or gpt",
        ]);
    }

    [Fact]
    public void Extlinux_cannot_read_xfs_on_boot()
    {
        var errors = Check(Manifest(bootloader: "extlinux", extra: """
                boot: {filesystem: xfs, size: 512MiB}
            """));

        errors.ShouldBe(["m.yml:13:24: extlinux cannot read XFS; put /boot on ext2, ext3, ext4 or btrfs (a `boot` partition works), or use grub"]);
    }

    [Fact]
    public void Extlinux_cannot_read_an_xfs_root_that_holds_boot()
    {
        var errors = Check(Manifest(bootloader: "extlinux", rootFilesystem: "xfs"));

        errors.ShouldBe(["m.yml:12:24: extlinux cannot read XFS; put /boot on ext2, ext3, ext4 or btrfs (a `boot` partition works), or use grub"]);
    }

    [Fact]
    public void A_partition_too_small_after_the_tables_share_names_what_is_left_and_what_is_needed()
    {
        // The first MiB of the disk belongs to the partition table, so a 2MiB boot partition keeps 1MiB.
        var errors = Check(Manifest(extra: """
                boot: {filesystem: ext2, size: 2MiB}
            """));

        errors.ShouldBe(["m.yml:13:36: partition `boot` leaves 1 MiB for its ext2 filesystem after the partition table's share; it needs at least 2 MiB"]);
    }

    [Fact]
    public void A_partition_of_exactly_the_minimum_after_the_tables_share_is_enough()
    {
        Check(Manifest(extra: """
                boot: {filesystem: ext2, size: 3MiB}
            """)).ShouldBeEmpty();
    }

    [Fact]
    public void Xfs_needs_300_mebibytes_and_the_last_gpt_partition_also_gives_up_the_backup_table()
    {
        // var is last: 300MiB less the 33 sectors of the backup GPT (root, first, gave up the first MiB).
        var errors = Check(Manifest(map: "gpt", extra: """
                var: {filesystem: xfs, size: 300MiB}
            """));

        errors.ShouldBe(["m.yml:13:34: partition `var` leaves 299.98 MiB for its xfs filesystem after the partition table's share; it needs at least 300 MiB"]);
    }

    [Fact]
    public void A_swap_partition_left_empty_by_the_tables_share_is_reported()
    {
        // Swap comes first when there is no boot partition, so it gives the first MiB to the table.
        var errors = Check(Manifest(extra: "    swap: {size: 1MiB}"));

        errors.ShouldBe(["m.yml:13:18: the swap partition leaves 0 MiB after the partition table's share; it needs at least 1 MiB"]);
    }

    [Fact]
    public void A_swap_partition_after_boot_keeps_its_size()
    {
        Check(Manifest(extra: "    boot: {filesystem: ext2, size: 64MiB}\n    swap: {size: 1MiB}")).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_local_package_file_is_reported_at_its_entry()
    {
        var errors = Check(Manifest(packages: """
              install:
                - curl
                - ./debs/missing_1.0_all.deb
            """));

        errors.ShouldBe([$"m.yml:16:7: the package file {Here.Directory}/debs/missing_1.0_all.deb does not exist"]);
    }

    [Fact]
    public void A_missing_trusted_key_is_reported_and_a_key_with_another_extension_is_refused()
    {
        var errors = Check(Manifest(packages: $"""
              trusted-keys:
                - keys/missing.gpg
                - {Here.FileName}
            """));

        errors.ShouldBe(
        [
            $"m.yml:15:7: the key file {Here.Directory}/keys/missing.gpg does not exist",
            $"m.yml:16:7: apt reads trusted keys only from files named *.gpg (binary) or *.asc (armored): {Here.Path}",
        ]);
    }

    [Fact]
    public void A_missing_keyring_is_reported()
    {
        var errors = Check(Manifest(bootstrapper: "{keyring: /nonexistent/archive.gpg}"));

        errors.ShouldBe(["m.yml:4:25: the keyring /nonexistent/archive.gpg does not exist"]);
    }

    private static List<string> Check(string yaml)
    {
        // The manifest "lives" next to this test file, so that relative paths can name a file that exists.
        var document = TestManifests.Document(yaml, Here.Path);
        var spec = Kiln.Specs.SpecResolver.Resolve(document, TestManifests.Registry, TestManifests.BuildTime, TestManifests.Options, new List<ManifestError>());
        return [.. CoreSemantics.Check(spec, document).Select(e => e.ToString().Replace(Here.Path + ":", "m.yml:", StringComparison.Ordinal))];
    }

    /// <summary>A manifest with the interesting keys on fixed lines: release 6, bootloader 7, root 12, extra partitions from 13, then packages.</summary>
    private static string Manifest(
        string release = "bookworm",
        string? bootloader = "grub",
        string map = "msdos",
        string rootFilesystem = "ext4",
        string extra = "",
        string packages = "  components: [main]",
        string bootstrapper = "{}") => string.Join('\n',
        [
            "name: test",
            "provider:",
            "  name: kvm",
            $"bootstrapper: {bootstrapper}",
            "system:",
            $"  release: {release}",
            bootloader is null ? "  locale: C" : $"  bootloader: {bootloader}",
            "volume:",
            "  backing: raw",
            "  partitions:",
            $"    type: {map}",
            $"    root: {{filesystem: {rootFilesystem}, size: 2GiB}}",
            .. extra.Length == 0 ? [] : extra.Split('\n'),
            "packages:",
            packages,
        ]);

    /// <summary>This test file: an existing file that is not a key.</summary>
    private static class Here
    {
        public static string Path => Locate();

        public static string Directory => System.IO.Path.GetDirectoryName(Path)!;

        public static string FileName => System.IO.Path.GetFileName(Path);

        private static string Locate([CallerFilePath] string path = "") => path;
    }
}
