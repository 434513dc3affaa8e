using Kiln.Manifests;
using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Packages;

/// <summary>kiln validate asks the mirror for the release's Release file: missing is an error, unreachable a warning.</summary>
public sealed class ReleaseAvailabilityTests : IDisposable
{
    private static readonly SourceLocation Where = new("m.yml", 7, 12);
    private readonly string _mirror = Directory.CreateTempSubdirectory("kiln-mirror-").FullName;

    public ReleaseAvailabilityTests()
    {
        Directory.CreateDirectory(Path.Combine(_mirror, "dists", "bookworm"));
        File.WriteAllText(Path.Combine(_mirror, "dists", "bookworm", "Release"), "Codename: bookworm\n");
    }

    [Fact]
    public async Task A_release_the_mirror_carries_passes()
    {
        var manifest = Manifest("bookworm");

        (await ReleaseAvailability.CheckAsync(manifest, Where, $"file://{_mirror}", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_release_the_mirror_dropped_is_an_error_with_a_hint_about_the_archive()
    {
        var error = await ReleaseAvailability.CheckAsync(Manifest("buster"), Where, $"file://{_mirror}", CancellationToken.None);

        error.ShouldNotBeNull();
        error.IsWarning.ShouldBeFalse();
        error.ToString().ShouldStartWith($"m.yml:7:12: the mirror file://{_mirror} does not carry `buster` (it has no dists/buster/Release)");
        error.Hint!.ShouldContain("archive of old releases");
    }

    [Fact]
    public async Task An_unreachable_mirror_is_only_a_warning()
    {
        var warning = await ReleaseAvailability.CheckAsync(Manifest("bookworm"), Where, "http://127.0.0.1:9/debian", CancellationToken.None);

        warning.ShouldNotBeNull();
        warning.IsWarning.ShouldBeTrue();
        warning.Message.ShouldContain("could not ask the mirror http://127.0.0.1:9/debian whether it carries `bookworm`");
    }

    public void Dispose() => Directory.Delete(_mirror, recursive: true);

    private static Manifest Manifest(string release) =>
        TestManifests.BindCore(TestManifests.Minimal.Replace("release: bookworm", $"release: {release}", StringComparison.Ordinal));
}
