using Kiln.Plugins.MinimizeSize;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.MinimizeSize;

public sealed class MinimizeSizePluginTests
{
    [Theory]
    [InlineData("{shrink: true, zerofree: true}")]
    [InlineData("{shrink: false}")]
    [InlineData("{shrink: qemu-img-no-compression}")]
    [InlineData("{shrink: qemu-img, apt: {autoclean: true, languages: [none], gzip_indexes: true, autoremove_suggests: true}, dpkg: {locales: [], exclude_docs: true}}")]
    [InlineData("{dpkg: {locales: [de, pt_BR, sr@latin], exclude_man_pages: true}}")]
    public void Bootstrap_vz_settings_are_valid(string settings)
    {
        TestManifests.ErrorsOf(WithPlugin(settings)).ShouldBeEmpty();
    }

    [Fact]
    public void Vmware_vdiskmanager_is_refused_with_the_tool_that_works()
    {
        Errors("{shrink: vmware-vdiskmanager}").ShouldBe([
            "m.yml:15:27: vmware-vdiskmanager is VMware's own tool, not in Debian, and only shrinks vmdk, which the kvm provider does not write; use shrink: qemu-img",
        ]);
    }

    [Fact]
    public void An_unknown_shrink_tool_is_refused_with_the_allowed_ones()
    {
        Errors("{shrink: zstd}").ShouldBe(["m.yml:15:27: `zstd` is not allowed for `plugins.minimize_size.shrink`\n    allowed: True, False, qemu-img, qemu-img-no-compression, vmware-vdiskmanager"]);
    }

    [Fact]
    public void Zerofree_needs_an_ext_filesystem()
    {
        var xfs = TestManifests.Minimal.Replace("filesystem: ext4", "filesystem: xfs", StringComparison.Ordinal);

        TestManifests.ErrorsOf(xfs + "\nplugins:\n  minimize_size: {zerofree: true}\n", "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:29: zerofree works on ext2, ext3 and ext4 only, and this image has none of them"]);
    }

    [Fact]
    public void A_misspelt_apt_setting_is_refused()
    {
        Errors("{apt: {gzip_index: true}}").ShouldBe(["m.yml:15:25: unknown key `gzip_index` in `plugins.minimize_size.apt`; did you mean `gzip_indexes`?\n    allowed: autoclean, languages, gzip_indexes, autoremove_suggests"]);
    }

    [Fact]
    public void Each_setting_brings_its_tasks()
    {
        Tasks("{}").ShouldBeEmpty();
        Tasks("{dpkg: {exclude_docs: true}}").ShouldBe(["AddDpkgPathFilters", "RemoveFilteredFiles"]);
        Tasks("{apt: {autoclean: true}}").ShouldBe(["WriteAptSettings"]);
        Tasks("{zerofree: true, shrink: qemu-img}").ShouldBe(["ZeroFreeBlocks", "ShrinkImage"]);
        Tasks("{zerofree: false, shrink: false, dpkg: {exclude_docs: false}, apt: {gzip_indexes: false}}").ShouldBeEmpty();
    }

    private static List<string> Tasks(string settings)
    {
        var tasks = new TaskSet();
        new MinimizeSizePlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin(settings)));
        return [.. tasks.Tasks.Select(t => t.Name)];
    }

    private static List<string> Errors(string settings) => [.. TestManifests.ErrorsOf(WithPlugin(settings), "m.yml").Select(e => e.ToString())];

    private static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  minimize_size: {settings}\n";
}
