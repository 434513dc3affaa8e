using Kiln.Common.Cleanup;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Cleanup;

public sealed class RemoveBuildRecordsTests
{
    [Fact]
    public async Task The_package_logs_and_the_ldconfig_cache_go_and_the_rest_of_var_log_stays()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(TestManifests.Minimal));
        foreach (var file in RemoveBuildRecords.Files)
        {
            image.Write(file, "2026-12-02 01:02:03 install base-files:amd64 <none> 13.8\n");
        }

        image.Write("/var/log/README", "kept\n");

        await new RemoveBuildRecords().RunAsync(image.Context, CancellationToken.None);

        RemoveBuildRecords.Files.ShouldAllBe(file => !File.Exists(image.Context.Paths.InRoot(file)));
        image.Read("/var/log/README").ShouldBe("kept\n");
        Directory.Exists(image.Context.Paths.InRoot("/var/log/apt")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_link_in_place_of_a_log_is_left_alone_and_its_target_untouched()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(TestManifests.Minimal));
        var target = Path.Combine(image.Workspace, "outside.log");
        File.WriteAllText(target, "the host's\n");
        Directory.CreateDirectory(image.Context.Paths.InRoot("/var/log"));
        File.CreateSymbolicLink(image.Context.Paths.InRoot("/var/log/dpkg.log"), target);

        await new RemoveBuildRecords().RunAsync(image.Context, CancellationToken.None);

        File.ReadAllText(target).ShouldBe("the host's\n");
        new FileInfo(image.Context.Paths.InRoot("/var/log/dpkg.log")).LinkTarget.ShouldBe(target);
    }

    [Fact]
    public async Task A_tree_without_any_of_them_is_fine()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(TestManifests.Minimal));

        await new RemoveBuildRecords().RunAsync(image.Context, CancellationToken.None);

        Directory.Exists(image.Context.Paths.InRoot("/var/log")).ShouldBeFalse();
    }
}
