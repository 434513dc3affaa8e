using System.Globalization;
using Kiln.Packages;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Sbom;

/// <summary>
/// The SPDX 2.3 JSON document of an image: the image as the described package, with the checksums of its file, one
/// package per installed Debian package that the image CONTAINS, and the files beside the image as metafiles of it.
/// Licenses and copyrights are NOASSERTION: Kiln reads dpkg's database, not the packages' copyright files.
/// </summary>
public static class SpdxDocument
{
    /// <summary>Where Kiln's document namespaces live: a name, never fetched (the .invalid domain does not resolve, RFC 2606).</summary>
    public const string NamespaceBase = "https://kiln.invalid/spdx/";

    private const string NoAssertion = "NOASSERTION";

    public static string Render(SbomSubject subject) => Build(subject).ToString(Formatting.Indented) + "\n";

    public static JObject Build(SbomSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var relationships = new JArray(Relationship(SpdxIds.Document, "DESCRIBES", SpdxIds.Image));
        foreach (var file in subject.Companions)
        {
            relationships.Add(Relationship(SpdxIds.ForFile(file.FileName), "METAFILE_OF", SpdxIds.Image));
        }

        foreach (var package in subject.Packages)
        {
            relationships.Add(Relationship(SpdxIds.Image, "CONTAINS", SpdxIds.ForDebianPackage(package)));
        }

        return new JObject
        {
            ["spdxVersion"] = "SPDX-2.3",
            ["dataLicense"] = "CC0-1.0",
            ["SPDXID"] = SpdxIds.Document,
            ["name"] = subject.ImageName,
            ["documentNamespace"] = DocumentNamespace(subject.ImageName, subject.Image.Sha256),
            ["creationInfo"] = new JObject
            {
                ["created"] = subject.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["creators"] = new JArray("Tool: kiln-" + subject.ToolVersion),
            },
            ["packages"] = new JArray([ImagePackage(subject), .. subject.Packages.Select(p => DebianPackage(p, subject.Codename))]),
            ["files"] = new JArray(subject.Companions.Select(CompanionFile)),
            ["relationships"] = relationships,
        };
    }

    /// <summary>Unique per image: the image's name and its file's SHA-256, so the same image always gets the same document.</summary>
    public static string DocumentNamespace(string imageName, string imageSha256) =>
        $"{NamespaceBase}{Uri.EscapeDataString(imageName)}-{imageSha256}";

    private static JObject ImagePackage(SbomSubject subject) => new()
    {
        ["SPDXID"] = SpdxIds.Image,
        ["name"] = subject.ImageName,
        ["packageFileName"] = subject.Image.FileName,
        ["supplier"] = NoAssertion,
        ["downloadLocation"] = NoAssertion,
        ["filesAnalyzed"] = false,
        ["checksums"] = Checksums(subject.Image),
        ["licenseConcluded"] = NoAssertion,
        ["licenseDeclared"] = NoAssertion,
        ["copyrightText"] = NoAssertion,
        ["summary"] = $"Debian {subject.Codename} disk image for {subject.Architecture}, built by Kiln",
        ["primaryPackagePurpose"] = "OPERATING_SYSTEM",
    };

    private static JObject DebianPackage(InstalledPackage package, string codename) => new()
    {
        ["SPDXID"] = SpdxIds.ForDebianPackage(package),
        ["name"] = package.Name,
        ["versionInfo"] = package.Version,
        ["supplier"] = NoAssertion,
        ["downloadLocation"] = NoAssertion,
        ["filesAnalyzed"] = false,
        ["licenseConcluded"] = NoAssertion,
        ["licenseDeclared"] = NoAssertion,
        ["copyrightText"] = NoAssertion,
        ["sourceInfo"] = $"built from the Debian source package {package.SourceName} {package.SourceVersion}",
        ["externalRefs"] = new JArray(new JObject
        {
            ["referenceCategory"] = "PACKAGE-MANAGER",
            ["referenceType"] = "purl",
            ["referenceLocator"] = PackageUrl.ForDebian(package, codename),
        }),
    };

    private static JObject CompanionFile(ProducedFile file) => new()
    {
        ["SPDXID"] = SpdxIds.ForFile(file.FileName),
        ["fileName"] = "./" + file.FileName,
        ["fileTypes"] = new JArray("TEXT"),
        ["checksums"] = Checksums(file),
        ["licenseConcluded"] = NoAssertion,
        ["copyrightText"] = NoAssertion,
    };

    private static JArray Checksums(ProducedFile file) =>
    [
        new JObject { ["algorithm"] = "SHA1", ["checksumValue"] = file.Sha1 },
        new JObject { ["algorithm"] = "SHA256", ["checksumValue"] = file.Sha256 },
    ];

    private static JObject Relationship(string element, string type, string related) => new()
    {
        ["spdxElementId"] = element,
        ["relationshipType"] = type,
        ["relatedSpdxElement"] = related,
    };
}
