using System.Security.Cryptography;
using System.Text;
using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Specs;
using Newtonsoft.Json.Linq;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// The SBOM (<c>NAME.spdx.json</c>) and the package list (<c>NAME.packages.tsv</c>) beside a built image, read and
/// checked against the local SPDX 2.3 schema (Kiln.Tests/Sbom/spdx-2.3.schema.yml, linked into this project).
/// </summary>
public sealed class ImageSbom
{
    /// <summary>What the guest runs to list its packages the way <see cref="PackageLines"/> lists them, as a digest and a count.</summary>
    public static IEnumerable<(string Key, string Shell)> GuestFacts =>
    [
        ("packages_sha256", "dpkg-query -W -f '${Package} ${Version} ${Architecture}\\n' | LC_ALL=C sort | sha256sum | cut -d' ' -f1"),
        ("packages_count", "dpkg-query -W | wc -l"),
    ];

    private ImageSbom(string image, string stem, string path, JObject document, IReadOnlyList<InstalledPackage> list)
    {
        ImagePath = image;
        _stem = stem;
        Path = path;
        Document = document;
        List = list;
    }

    private readonly string _stem;

    public string ImagePath { get; }

    public string Path { get; }

    public JObject Document { get; }

    /// <summary>The package list file beside the image, parsed.</summary>
    public IReadOnlyList<InstalledPackage> List { get; }

    private string ListPath => _stem + PackageListOutput.Extension;

    private string BootRecordPath => Kiln.VirtualMachines.BootRecord.PathFor(ImagePath);

    /// <summary>
    /// Reads both files beside <paramref name="image"/> (named after it without its extension, or after
    /// <paramref name="stem"/>: a path without extension); the SBOM must parse and be valid SPDX 2.3.
    /// </summary>
    public static ImageSbom Read(string image, string? stem = null)
    {
        stem ??= System.IO.Path.ChangeExtension(image, null);
        var path = stem + SbomOutput.Extension;
        var list = stem + PackageListOutput.Extension;
        File.Exists(path).ShouldBeTrue($"there is no SBOM beside {image}");
        File.Exists(list).ShouldBeTrue($"there is no package list beside {image}");
        var text = File.ReadAllText(path);
        var schemaPath = System.IO.Path.Combine(AppContext.BaseDirectory, "Sbom", "spdx-2.3.schema.yml");
        var errors = ManifestSchema.FromYaml("spdx-2.3", File.ReadAllText(schemaPath), schemaPath).Schema.Validate(text);
        errors.ShouldBeEmpty($"{path} is not valid SPDX 2.3: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}");
        return new ImageSbom(image, stem, path, JObject.Parse(text), PackageListFile.Parse(File.ReadAllText(list)));
    }

    /// <summary>The Debian packages the SBOM lists, as <c>NAME VERSION ARCH</c> lines in byte order (what <c>LC_ALL=C sort</c> prints).</summary>
    public IReadOnlyList<string> PackageLines =>
    [
        .. Document["packages"]!.Where(p => ((string)p["SPDXID"]!).StartsWith("SPDXRef-Package-deb-", StringComparison.Ordinal))
            .Select(p => $"{p["name"]} {p["versionInfo"]} {Architecture(p)}").Order(StringComparer.Ordinal),
    ];

    /// <summary>The SHA-256 of <see cref="PackageLines"/> as the guest's <c>sha256sum</c> prints it.</summary>
    public string PackageLinesSha256 =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(PackageLines.Select(l => l + "\n")))));

    /// <summary>
    /// The checksums in the SBOM are those of the image and of the files beside it (the boot record and the package
    /// list, or the <paramref name="others"/> named); the package list is the SBOM's.
    /// </summary>
    public void ShouldDescribeTheFilesBesideIt(params string[] others)
    {
        var image = Document["packages"]!.Single(p => (string?)p["SPDXID"] == "SPDXRef-Image");
        ((string)image["packageFileName"]!).ShouldBe(System.IO.Path.GetFileName(ImagePath));
        Sha256Of(image).ShouldBe(Sha256(ImagePath), "the SBOM's checksum of the image");
        var directory = System.IO.Path.GetDirectoryName(ImagePath)!;
        var files = Document["files"]!.ToDictionary(f => ((string)f["fileName"]!).TrimStart('.', '/'), Sha256Of, StringComparer.Ordinal);
        string[] expected = others.Length > 0 ? others : [System.IO.Path.GetFileName(BootRecordPath), System.IO.Path.GetFileName(ListPath)];
        files.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
        foreach (var (name, sha256) in files)
        {
            sha256.ShouldBe(Sha256(System.IO.Path.Combine(directory, name)), $"the SBOM's checksum of {name}");
        }

        List.Select(p => $"{p.Name} {p.Version} {p.Architecture}").Order(StringComparer.Ordinal).ShouldBe(PackageLines, ignoreOrder: false, customMessage: "the package list and the SBOM list the same packages");
        List.ShouldContain(p => p.Name == "libc6" && p.SourceName == "glibc", "libc6 is built from glibc");
    }

    private static string Architecture(JToken package)
    {
        var purl = (string)package["externalRefs"]![0]!["referenceLocator"]!;
        var arch = purl[(purl.IndexOf("?arch=", StringComparison.Ordinal) + "?arch=".Length)..];
        return arch[..arch.IndexOf('&', StringComparison.Ordinal)];
    }

    private static string Sha256Of(JToken element) =>
        (string)element["checksums"]!.Single(c => (string?)c["algorithm"] == "SHA256")["checksumValue"]!;

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
