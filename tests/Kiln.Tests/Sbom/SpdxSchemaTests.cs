using Kiln.Sbom;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Sbom;

public sealed class SpdxSchemaTests
{
    public static TheoryData<string> Breakages => new(Breaks.Keys);

    private static readonly Dictionary<string, Action<JObject>> Breaks = new(StringComparer.Ordinal)
    {
        ["no spdxVersion"] = d => d.Remove("spdxVersion"),
        ["spdxVersion 2.2"] = d => d["spdxVersion"] = "SPDX-2.2",
        ["another data license"] = d => d["dataLicense"] = "MIT",
        ["no documentNamespace"] = d => d.Remove("documentNamespace"),
        ["a namespace with a fragment"] = d => d["documentNamespace"] = "https://kiln.invalid/spdx/x#y",
        ["a creator without its kind"] = d => d["creationInfo"]!["creators"] = new JArray("kiln-1.0"),
        ["no creators"] = d => d["creationInfo"]!["creators"] = new JArray(),
        ["a local creation time"] = d => d["creationInfo"]!["created"] = "2024-03-05T15:07:09+01:00",
        ["an identifier with an underscore"] = d => d["packages"]![1]!["SPDXID"] = "SPDXRef-Package-deb-foo_bar-amd64",
        ["an identifier without SPDXRef-"] = d => d["packages"]![1]!["SPDXID"] = "Package-deb-libc6-amd64",
        ["a package without a download location"] = d => ((JObject)d["packages"]![1]!).Remove("downloadLocation"),
        ["a package without a name"] = d => ((JObject)d["packages"]![1]!).Remove("name"),
        ["a misspelt package field"] = d => d["packages"]![1]!["version"] = "1.0",
        ["a supplier that is neither person nor organization"] = d => d["packages"]![1]!["supplier"] = "Debian",
        ["a verification code for files not analyzed"] = d => d["packages"]![1]!["packageVerificationCode"] = new JObject { ["packageVerificationCodeValue"] = "ab" },
        ["an unknown checksum algorithm"] = d => d["packages"]![0]!["checksums"]![1]!["algorithm"] = "SHA-256",
        ["a SHA256 of the wrong length"] = d => d["packages"]![0]!["checksums"]![1]!["checksumValue"] = "abc",
        ["an uppercase checksum"] = d => d["packages"]![0]!["checksums"]![0]!["checksumValue"] = new string('A', 40),
        ["an unknown reference category"] = d => d["packages"]![1]!["externalRefs"]![0]!["referenceCategory"] = "PACKAGE_MANAGERS",
        ["a purl that is not one"] = d => d["packages"]![1]!["externalRefs"]![0]!["referenceLocator"] = "deb:base-files",
        ["an unknown package purpose"] = d => d["packages"]![0]!["primaryPackagePurpose"] = "DISK",
        ["a file without checksums"] = d => ((JObject)d["files"]![0]!).Remove("checksums"),
        ["a file without its SHA1"] = d => ((JArray)d["files"]![0]!["checksums"]!).RemoveAt(0),
        ["an unknown file type"] = d => d["files"]![0]!["fileTypes"] = new JArray("JSON"),
        ["an unknown relationship"] = d => d["relationships"]![0]!["relationshipType"] = "INCLUDES",
        ["a relationship without its related element"] = d => ((JObject)d["relationships"]![0]!).Remove("relatedSpdxElement"),
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_document_is_rejected_by_the_schema(string breakage)
    {
        var document = SpdxDocument.Build(SbomSubjects.Trixie);
        Breaks[breakage](document);

        SpdxSchema.Errors(document.ToString(Formatting.None)).ShouldNotBeEmpty(breakage);
    }

    [Fact]
    public void The_unbroken_document_passes_so_each_rejection_is_the_breakages_doing()
    {
        SpdxSchema.Errors(SpdxDocument.Build(SbomSubjects.Trixie).ToString(Formatting.None)).ShouldBeEmpty();
    }
}
