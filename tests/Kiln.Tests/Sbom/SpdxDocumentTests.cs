using Kiln.Sbom;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Sbom;

public sealed class SpdxDocumentTests
{
    [Fact]
    public void The_sbom_of_an_image_is_the_reviewed_document()
    {
        Golden.Verify(SpdxDocument.Render(SbomSubjects.Trixie));
    }

    [Fact]
    public void The_sbom_of_an_image_is_valid_spdx_2_3()
    {
        SpdxSchema.Errors(SpdxDocument.Render(SbomSubjects.Trixie)).ShouldBeEmpty();
    }

    [Fact]
    public void An_image_without_companion_files_or_packages_still_has_a_valid_sbom()
    {
        var subject = SbomSubjects.Trixie with { Companions = [], Packages = [] };

        SpdxSchema.Errors(SpdxDocument.Render(subject)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_identifier_is_unique_and_every_relationship_joins_elements_of_the_document()
    {
        var document = SpdxDocument.Build(SbomSubjects.Trixie);
        var ids = document["packages"]!.Concat(document["files"]!).Select(e => (string)e["SPDXID"]!).Append("SPDXRef-DOCUMENT").ToList();

        ids.ShouldBeUnique();
        foreach (var relationship in document["relationships"]!)
        {
            ids.ShouldContain((string)relationship["spdxElementId"]!);
            ids.ShouldContain((string)relationship["relatedSpdxElement"]!);
        }
    }

    [Fact]
    public void The_document_describes_the_image_which_contains_every_package_and_has_its_files_as_metafiles()
    {
        var relationships = SpdxDocument.Build(SbomSubjects.Trixie)["relationships"]!
            .Select(r => $"{r["spdxElementId"]} {r["relationshipType"]} {r["relatedSpdxElement"]}").ToList();

        relationships.ShouldBe(
        [
            "SPDXRef-DOCUMENT DESCRIBES SPDXRef-Image",
            "SPDXRef-File-debian-13-test.boot.json METAFILE_OF SPDXRef-Image",
            "SPDXRef-File-debian-13-test.packages.tsv METAFILE_OF SPDXRef-Image",
            "SPDXRef-Image CONTAINS SPDXRef-Package-deb-base-files-amd64",
            "SPDXRef-Image CONTAINS SPDXRef-Package-deb-bsdutils-amd64",
            "SPDXRef-Image CONTAINS SPDXRef-Package-deb-libc6-amd64",
            "SPDXRef-Image CONTAINS SPDXRef-Package-deb-libstdc-2B-2B6-amd64",
            "SPDXRef-Image CONTAINS SPDXRef-Package-deb-tzdata-all",
        ]);
    }

    [Fact]
    public void The_image_package_carries_the_checksums_of_the_image_file()
    {
        var image = SpdxDocument.Build(SbomSubjects.Trixie)["packages"]![0]!;

        image["packageFileName"]!.ToString().ShouldBe("debian-13-test.qcow2");
        image["checksums"]!.Select(c => $"{c["algorithm"]}={c["checksumValue"]}").ShouldBe(["SHA1=" + new string('1', 40), "SHA256=" + new string('2', 64)]);
    }

    [Fact]
    public void A_package_built_from_another_source_names_it_in_its_source_info()
    {
        var libc = SpdxDocument.Build(SbomSubjects.Trixie)["packages"]!.Single(p => (string?)p["name"] == "libc6");

        libc["sourceInfo"]!.ToString().ShouldBe("built from the Debian source package glibc 2.41-12");
        libc["externalRefs"]![0]!["referenceLocator"]!.ToString().ShouldBe("pkg:deb/debian/libc6@2.41-12?arch=amd64&distro=debian-trixie");
    }

    [Fact]
    public void The_creation_time_is_written_in_utc_to_the_second()
    {
        SpdxDocument.Build(SbomSubjects.Trixie)["creationInfo"]!["created"]!.ToString().ShouldBe("2024-03-05T14:07:09Z");
    }

    [Fact]
    public void The_namespace_names_the_image_and_its_checksum_so_the_same_image_gets_the_same_document()
    {
        var first = SpdxDocument.Render(SbomSubjects.Trixie);
        var again = SpdxDocument.Render(SbomSubjects.Trixie);
        var other = SbomSubjects.Trixie with { Image = SbomSubjects.Trixie.Image with { Sha256 = new string('f', 64) } };

        again.ShouldBe(first);
        ((string)JObject.Parse(first)["documentNamespace"]!).ShouldBe($"https://kiln.invalid/spdx/debian-13-test-{new string('2', 64)}");
        SpdxDocument.Build(other)["documentNamespace"]!.ToString().ShouldEndWith("-" + new string('f', 64));
    }

    [Fact]
    public void An_image_name_that_is_not_uri_safe_is_escaped_in_the_namespace()
    {
        SpdxDocument.DocumentNamespace("debian 13#x", "ab").ShouldBe("https://kiln.invalid/spdx/debian%2013%23x-ab");
    }
}
