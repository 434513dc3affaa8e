using Kiln.Specs;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Specs;

/// <summary>What resolving decides for a reproducible build: the epoch known before the build, and disk identifiers derived from the manifest.</summary>
public sealed class ReproducibleSpecTests
{
    private static readonly ResolveOptions Derived = TestManifests.Options with { NewUuid = null };

    private static readonly string Dated = TestManifests.Minimal.Replace("name: test-{system.release}", "name: web-{%Y}{%m}{%d}{%H}{%M}{%S}", StringComparison.Ordinal);

    [Fact]
    public void Two_resolves_of_one_manifest_give_the_same_disk_identifiers()
    {
        var first = TestManifests.Bind(Dated, options: Derived).RequireLayout();
        var second = TestManifests.Bind(Dated, options: Derived).RequireLayout();

        second.ShouldBeEquivalentTo(first);
        first.Root.Uuid.ShouldNotBe("00000000-0000-4000-8000-000000000001");
    }

    [Fact]
    public void A_date_in_the_name_does_not_change_them_the_name_counts_as_written()
    {
        var spec = TestManifests.Bind(Dated, options: Derived);
        var later = SpecResolver.Resolve(TestManifests.Document(Dated), TestManifests.Registry, TestManifests.BuildTime.AddDays(40), Derived, new List<Kiln.Manifests.ManifestError>());

        later.Manifest.Name.ShouldNotBe(spec.Manifest.Name);
        later.RequireLayout().ShouldBeEquivalentTo(spec.RequireLayout());
        SpecResolver.IdentifierSeed(Newtonsoft.Json.Linq.JObject.Parse("{\"name\": \"web-{%Y}\"}"), spec.Manifest, null).ShouldBe("web-{%Y}\n");
    }

    [Fact]
    public void Another_name_gives_other_identifiers()
    {
        var web = TestManifests.Bind(Dated, options: Derived).RequireLayout();
        var db = TestManifests.Bind(Dated.Replace("name: web-", "name: db-", StringComparison.Ordinal), options: Derived).RequireLayout();

        db.Root.Uuid.ShouldNotBe(web.Root.Uuid);
        db.DiskId.ShouldNotBe(web.DiskId);
    }

    [Fact]
    public void Without_an_epoch_in_the_environment_or_the_manifest_the_spec_has_none_and_the_build_asks_the_mirror()
    {
        TestManifests.Bind(Dated, options: Derived).SourceDateEpoch.ShouldBeNull();
    }

    [Fact]
    public void The_manifests_epoch_is_the_specs_and_takes_part_in_the_identifiers()
    {
        var withEpoch = Dated.Replace("bootstrapper: {}", "bootstrapper: {source_date_epoch: 1700000000}", StringComparison.Ordinal);

        var spec = TestManifests.Bind(withEpoch, options: Derived);

        spec.Manifest.Bootstrapper.SourceDateEpoch.ShouldBe(1700000000);
        spec.SourceDateEpoch.ShouldBe(new SourceDateEpoch(1700000000, "bootstrapper.source_date_epoch"));
        spec.RequireLayout().Root.Uuid.ShouldNotBe(TestManifests.Bind(Dated, options: Derived).RequireLayout().Root.Uuid);
    }

    [Fact]
    public void The_environments_epoch_wins_over_the_manifests()
    {
        var withEpoch = Dated.Replace("bootstrapper: {}", "bootstrapper: {source_date_epoch: 1700000000}", StringComparison.Ordinal);

        var fromEnvironment = TestManifests.Bind(withEpoch, options: Derived with { SourceDateEpoch = 1800000000 });
        var sameEpochInManifest = TestManifests.Bind(withEpoch.Replace("1700000000", "1800000000", StringComparison.Ordinal), options: Derived);

        fromEnvironment.SourceDateEpoch!.Seconds.ShouldBe(1800000000);
        fromEnvironment.SourceDateEpoch.Origin.ShouldBe("the environment's SOURCE_DATE_EPOCH");
        fromEnvironment.RequireLayout().ShouldBeEquivalentTo(sameEpochInManifest.RequireLayout());
    }

    [Fact]
    public void A_uuid_seed_replaces_the_name_and_the_epoch()
    {
        var seeded = Dated.Replace("  backing: raw", "  backing: raw\n  uuid_seed: fleet-7", StringComparison.Ordinal);

        var web = TestManifests.Bind(seeded, options: Derived with { SourceDateEpoch = 1800000000 });
        var db = TestManifests.Bind(seeded.Replace("name: web-", "name: db-", StringComparison.Ordinal), options: Derived);

        web.Manifest.Volume.UuidSeed.ShouldBe("fleet-7");
        db.RequireLayout().ShouldBeEquivalentTo(web.RequireLayout());
    }

    [Theory]
    [InlineData("source_date_epoch: -1")]
    [InlineData("source_date_epoch: yesterday")]
    [InlineData("source_date_epoch: 1.5")]
    public void The_manifests_epoch_must_be_whole_seconds(string setting)
    {
        var errors = TestManifests.ErrorsOf(TestManifests.Minimal.Replace("bootstrapper: {}", $"bootstrapper: {{{setting}}}", StringComparison.Ordinal));

        errors.ShouldHaveSingleItem().ToString().ShouldContain("source_date_epoch");
    }

    [Fact]
    public void An_empty_uuid_seed_is_refused()
    {
        TestManifests.ErrorsOf(TestManifests.Minimal.Replace("  backing: raw", "  backing: raw\n  uuid_seed: ''", StringComparison.Ordinal))
            .ShouldHaveSingleItem().ToString().ShouldContain("uuid_seed");
    }
}
