using Kiln.Common.Sbom;
using Kiln.Packages;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Sbom;

public sealed class ReadInstalledPackagesTests
{
    [Fact]
    public async Task The_packages_are_read_with_dpkg_query_in_the_chroot_and_kept_for_the_package_list_and_the_sbom()
    {
        var runner = new FakeCommandRunner().Returns("chroot", 0, "ii \tlibc6\t2.36-9+deb12u13\tamd64\tglibc\nii \tbash\t5.2.15-2+b8\tamd64\tbash (5.2.15-2)\n");
        var context = TestBuildContexts.Create(runner: runner);

        await new ReadInstalledPackages().RunAsync(context, CancellationToken.None);

        runner.Argvs.ShouldBe([["chroot", "/nonexistent/workspace/kiln-test/tree/root", "dpkg-query", "-W", "-f", DpkgQuery.Format]]);
        context.StateOf<InstalledPackageList>().Require().ShouldBe(
        [
            new InstalledPackage("bash", "5.2.15-2+b8", "amd64", "bash", "5.2.15-2"),
            new InstalledPackage("libc6", "2.36-9+deb12u13", "amd64", "glibc", "2.36-9+deb12u13"),
        ]);
    }

    [Fact]
    public void Without_reading_them_there_is_no_package_list_to_write()
    {
        Should.Throw<InvalidOperationException>(() => TestBuildContexts.Create().StateOf<InstalledPackageList>().Require()).Message.ShouldContain("ReadInstalledPackages");
    }
}
