using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kiln.Common.Bootstrap;
using Kiln.Manifests;
using Kiln.Packages;
using Kiln.Tasks;
using Newtonsoft.Json;

namespace Kiln.Caching;

/// <summary>
/// Everything that decides what a bootstrap puts into the root, as text: the bootstrapper and its version,
/// the request (packages, sources, variant, keyring ...) and, for mmdebstrap, its exact command line, the
/// files placed before packages are installed, the debconf answers, and the content of local packages and
/// keyrings. Paths of the build directory are written as <c>$BUILD</c>, so two builds of one manifest agree.
/// The key names the saved tree: a hash of the text.
/// </summary>
public sealed record BootstrapFingerprint(string Key, string Text)
{
    public const string BuildPlaceholder = "$BUILD";

    public static BootstrapFingerprint Compute(BuildContext context, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = BootstrapSystem.CreateRequest(context) with { PackageCache = null, DownloadedPackages = null };
        var text = new StringBuilder()
            .Append("kiln-prebootstrapped 1\n")
            .Append(CultureInfo.InvariantCulture, $"tool: {context.Manifest.Bootstrapper.Tool} {toolVersion.Trim()}\n")
            .Append(CultureInfo.InvariantCulture, $"request: {JsonConvert.SerializeObject(request)}\n");
        if (context.Manifest.Bootstrapper.Tool == BootstrapTool.Mmdebstrap)
        {
            text.Append(CultureInfo.InvariantCulture, $"command: {MmdebstrapCommand.Build(request)}\n");
        }

        foreach (var (path, file) in context.EarlyFiles.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"early file: {path} {Convert.ToString((int)file.Mode, 8)} {Hash(file.Content)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"debconf: {Hash(Encoding.UTF8.GetBytes(EarlyFileWriter.DebconfText(context)))}\n");
        foreach (var local in request.Include.Where(p => p.IsLocal))
        {
            text.Append(CultureInfo.InvariantCulture, $"local package: {local.LocalPath} {HashOfFile(local.LocalPath!)}\n");
        }

        if (request.Keyring is { } keyring)
        {
            text.Append(CultureInfo.InvariantCulture, $"keyring: {keyring} {HashOfFile(keyring)}\n");
        }

        var normalized = text.ToString().Replace(context.Paths.BuildDirectory, BuildPlaceholder, StringComparison.Ordinal);
        return new BootstrapFingerprint(Hash(Encoding.UTF8.GetBytes(normalized))[..16], normalized);
    }

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A keyring may be a directory of keys (mmdebstrap's --keyring takes one).</summary>
    private static string HashOfFile(string path) => Directory.Exists(path)
        ? Hash(Encoding.UTF8.GetBytes(string.Join('\n', Directory.GetFiles(path).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)} {HashOfFile(f)}"))))
        : File.Exists(path) ? Hash(File.ReadAllBytes(path)) : "missing";
}
