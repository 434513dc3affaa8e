using System.Text.RegularExpressions;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// Four builds of one manifest, one after the other in different workspaces, against the same mirror: the raw
/// disk images are byte-identical, and so are the boot records, package lists and SBOMs beside them. The first
/// three share a cache of their own: the first bootstraps for real (downloading every package) and stores the tree
/// and the packages (in memory on a host with the memory: its bootstrap writes the cache through a bind mount), the
/// second's root is layered on that tree (in memory too); then the trees are removed and the third bootstraps again
/// from the cached packages alone, on disk (<c>in_memory: false</c>: its tree is renamed into the cache); the fourth
/// builds with --no-cache into a plain directory (in a tmpfs, on a host with the memory). So an image built from
/// either cache, in memory or on disk, is shown to be the image built without it.
/// </summary>
[Trait("Category", "System")]
public sealed partial class ReproducibleImageTests
{
    private const int Reported = 20;

    [SystemFact]
    public async Task Builds_with_and_without_the_cache_give_byte_identical_raw_images()
    {
        var manifest = Repository.Example("kvm/reproducible.yml");
        var cache = Directory.CreateTempSubdirectory("kiln-reproducible-cache-").FullName;
        var environment = new Dictionary<string, string> { ["KILN_CACHE_DIR"] = cache };
        try
        {
            using var first = await ImageBuild.RunAsync(manifest, environment);
            using var second = await ImageBuild.RunAsync(manifest, environment);
            await RemoveAsync(Path.Combine(cache, "trees"));
            var onDisk = Path.Combine(cache, "reproducible.yml");
            await File.WriteAllTextAsync(onDisk, (await File.ReadAllTextAsync(manifest)).Replace("bootstrapper:\n  variant: minbase\n", "bootstrapper:\n  variant: minbase\n  in_memory: false\n", StringComparison.Ordinal));
            using var fromPackages = await ImageBuild.RunAsync(onDisk, environment);
            using var uncached = await ImageBuild.RunAsync(manifest, environment, "--no-cache");
            first.Log.ShouldContain("cache: miss", Case.Sensitive, "the first build bootstraps for real");
            first.Log.ShouldMatch(@"package cache: 0 of (\d+) package\(s\) were cached, \1 added", "the first build downloads every package");
            second.Log.ShouldContain("cache: hit", Case.Sensitive, "the second build uses the first one's tree");
            fromPackages.Log.ShouldContain("cache: miss", Case.Sensitive, "the third build finds no tree");
            fromPackages.Log.ShouldMatch(@"package cache: (\d+) of \1 package\(s\) were cached, 0 added", "the third build downloads no package");
            uncached.Log.ShouldNotContain("cache: ", Case.Sensitive, "the fourth build has no cache at all: its root is a plain directory, its packages downloaded");
            if (Kiln.Host.HostMemory.Available() >= Kiln.Disks.ByteSize.Parse("12GiB"))
            {
                // On a host with the memory the build directories are a tmpfs, but for the build told otherwise.
                uncached.Log.ShouldContain("building in memory", Case.Sensitive);
                first.Log.ShouldContain("building in memory", Case.Sensitive);
                second.Log.ShouldContain("building in memory", Case.Sensitive);
                fromPackages.Log.ShouldNotContain("building in memory", Case.Sensitive);
            }

            Compare(first, second);
            Compare(first, fromPackages);
            Compare(first, uncached);

            // kiln clean --cache empties both: the tree the third build stored, and every cached package.
            var packages = Directory.GetFiles(Path.Combine(cache, "packages"), "*.deb", SearchOption.AllDirectories).Length;
            packages.ShouldBeGreaterThan(100);
            var clean = await KilnCli.RunAsync(["clean", "--cache", Directory.CreateDirectory(Path.Combine(cache, "clean-workspace")).FullName], environment: environment);
            clean.ExitCode.ShouldBe(0, clean.ToString());
            clean.Output.ShouldContain("1 tree(s) removed");
            clean.Output.ShouldContain($"{packages} package file(s) removed");
            Directory.Exists(Path.Combine(cache, "packages")).ShouldBeFalse();
            Directory.GetDirectories(Path.Combine(cache, "trees")).ShouldBeEmpty();
        }
        finally
        {
            await RemoveAsync(cache);
        }
    }

    private static async Task RemoveAsync(string directory)
    {
        using var rm = System.Diagnostics.Process.Start("rm", ["-rf", "--one-file-system", "--", directory]);
        await rm.WaitForExitAsync();
    }

    private static void Compare(ImageBuild first, ImageBuild second)
    {

        var epochs = new[] { first, second }.Select(b => Epoch().Match(b.Build.Output + b.Log).Groups["seconds"].Value).ToList();
        epochs[0].ShouldNotBeEmpty("the build announces its SOURCE_DATE_EPOCH");
        epochs[1].ShouldBe(epochs[0], "the mirror published a new Release file between the two builds, so they built different snapshots; run the test again");
        Path.GetFileName(second.Image).ShouldBe(Path.GetFileName(first.Image));
        first.Image.ShouldEndWith(".raw");

        var differences = ImageComparison.Differences(first.Image, second.Image, Reported);
        if (differences.Count > 0)
        {
            var regions = new DiskRegions(first.Image);
            var lines = differences.Select(regions.Describe);
            differences.ShouldBeEmpty($"the images differ (first {Reported} differing 4 KiB blocks; compare them with diffoscope):\n{string.Join('\n', lines)}");
        }

        // Everything else the build writes beside the image: boot record, package list, SBOM.
        var companions = Directory.GetFiles(first.OutputDirectory).Where(f => f != first.Image).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        companions.ShouldContain(Path.GetFileName(first.BootRecord));
        Directory.GetFiles(second.OutputDirectory).Where(f => f != second.Image).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(companions);
        foreach (var name in companions)
        {
            File.ReadAllText(Path.Combine(second.OutputDirectory, name!)).ShouldBe(File.ReadAllText(Path.Combine(first.OutputDirectory, name!)), $"{name} differs");
        }
    }

    [GeneratedRegex(@"SOURCE_DATE_EPOCH=(?<seconds>\d+)")]
    private static partial Regex Epoch();
}
