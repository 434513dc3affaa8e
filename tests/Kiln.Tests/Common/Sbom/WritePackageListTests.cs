using Kiln.Common.Sbom;
using Kiln.Packages;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Sbom;

public sealed class WritePackageListTests
{
    [Fact]
    public void The_package_list_is_declared_beside_the_image_as_name_packages_tsv()
    {
        TestManifests.Bind(TestManifests.Minimal).Outputs.PackageList!.Path.ShouldBe("/nonexistent/output/test-bookworm.packages.tsv");
    }

    [Fact]
    public async Task The_list_of_the_installed_packages_is_written_beside_the_image_and_named_in_the_summary()
    {
        using var workspace = new TemporaryWorkspace();
        Directory.CreateDirectory(workspace.Paths.OutputDirectory);
        var spec = TestManifests.Bind(TestManifests.Minimal, options: TestManifests.Options with { OutputDirectory = workspace.Paths.OutputDirectory });
        var context = workspace.Context(spec);
        context.StateOf<InstalledPackageList>().Packages = [new InstalledPackage("libc6", "2.36-9", "amd64", "glibc", "2.36-9")];

        await new WritePackageList().RunAsync(context, CancellationToken.None);

        var path = Path.Combine(workspace.Paths.OutputDirectory, "test-bookworm.packages.tsv");
        File.Exists(path).ShouldBeFalse("the list is published with the other outputs, at the end of the build");
        context.Outputs.Publish().ShouldBe([path]);
        (await File.ReadAllTextAsync(path)).ShouldBe($"{PackageListFile.Header}\nlibc6\t2.36-9\tamd64\tglibc\t2.36-9\n");
    }
}
