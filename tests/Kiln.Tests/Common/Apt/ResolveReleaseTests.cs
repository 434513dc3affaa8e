using Kiln.Common.Apt;
using Kiln.Manifests;
using Kiln.Specs;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Apt;

/// <summary>The release and the build's epoch read from a mirror in a temporary directory (a file: mirror, as MirrorClient reads them).</summary>
public sealed class ResolveReleaseTests : IDisposable
{
    private const string TrixieRelease = "Origin: Debian\nSuite: stable\nCodename: trixie\nDate: Sat, 06 Sep 2025 09:30:21 UTC\n";

    private readonly string _mirror = Directory.CreateTempSubdirectory("kiln-mirror-").FullName;

    [Fact]
    public async Task A_codename_without_an_epoch_takes_the_date_of_its_in_release_file()
    {
        Publish("bookworm", "InRelease", "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nCodename: bookworm\nDate: Sat, 11 Jul 2026 10:16:37 UTC\n");
        var context = Context("bookworm");

        await new ResolveRelease().RunAsync(context, CancellationToken.None);

        context.Release.ShouldBe(ReleaseCatalog.Bookworm);
        context.SourceDateEpoch.ShouldBe(new SourceDateEpoch(new DateTimeOffset(2026, 7, 11, 10, 16, 37, TimeSpan.Zero).ToUnixTimeSeconds(), "the Date of the mirror's bookworm Release file"));
        context.BootstrapEnvironment["SOURCE_DATE_EPOCH"].ShouldBe("1783764997");
    }

    [Fact]
    public async Task A_mirror_with_only_a_release_file_is_read_too()
    {
        Publish("stable", "Release", TrixieRelease);
        var context = Context("stable");

        await new ResolveRelease().RunAsync(context, CancellationToken.None);

        context.Release.ShouldBe(ReleaseCatalog.Trixie);
        context.SourceDateEpoch!.Seconds.ShouldBe(1757151021);
    }

    [Fact]
    public async Task An_epoch_the_manifest_sets_wins_and_a_codename_then_needs_no_release_file()
    {
        var context = Context("bookworm", "bootstrapper: {source_date_epoch: 1700000000}");

        await new ResolveRelease().RunAsync(context, CancellationToken.None);

        context.SourceDateEpoch.ShouldBe(new SourceDateEpoch(1700000000, "bootstrapper.source_date_epoch"));
    }

    [Fact]
    public async Task A_suite_still_reads_its_codename_when_the_epoch_is_set()
    {
        Publish("stable", "InRelease", TrixieRelease);
        var context = Context("stable", "bootstrapper: {source_date_epoch: 1700000000}");

        await new ResolveRelease().RunAsync(context, CancellationToken.None);

        context.Release.ShouldBe(ReleaseCatalog.Trixie);
        context.SourceDateEpoch!.Seconds.ShouldBe(1700000000);
    }

    [Fact]
    public async Task A_release_the_mirror_does_not_carry_is_bad_input_naming_both_files()
    {
        var context = Context("bookworm");

        var error = await Should.ThrowAsync<UserInputException>(() => new ResolveRelease().RunAsync(context, CancellationToken.None));

        error.Message.ShouldBe($"the mirror {context.Mirror} has no suite bookworm (dists/bookworm/InRelease and dists/bookworm/Release are missing)");
    }

    [Fact]
    public async Task A_release_file_without_a_date_asks_for_an_epoch_in_the_manifest()
    {
        Publish("bookworm", "Release", "Codename: bookworm\n");

        var error = await Should.ThrowAsync<UserInputException>(() => new ResolveRelease().RunAsync(Context("bookworm"), CancellationToken.None));

        error.Message.ShouldContain("set bootstrapper.source_date_epoch or SOURCE_DATE_EPOCH");
    }

    public void Dispose() => Directory.Delete(_mirror, recursive: true);

    private Kiln.Tasks.BuildContext Context(string release, string bootstrapper = "bootstrapper: {}")
    {
        var yaml = TestManifests.Minimal.Replace("release: bookworm", $"release: {release}", StringComparison.Ordinal).Replace("bootstrapper: {}", bootstrapper, StringComparison.Ordinal);
        var context = TestBuildContexts.Create(TestManifests.Bind(yaml));
        context.Mirror = new Uri(_mirror).AbsoluteUri;
        return context;
    }

    private void Publish(string suite, string file, string text)
    {
        var directory = Path.Combine(_mirror, "dists", suite);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, file), text);
    }
}
