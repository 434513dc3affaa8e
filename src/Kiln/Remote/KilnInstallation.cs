using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.Remote;

/// <summary>
/// The kiln that is running, as it is copied to a build host: the application directory when it runs as
/// <c>dotnet Kiln.Cli.dll</c> (the server then needs a .NET runtime of the same major version), the directory
/// of a self-contained build, or the one file of a single-file build. Its content hash names the copy on the server.
/// </summary>
public sealed record KilnInstallation(KilnInstallationKind Kind, string Directory, IReadOnlyList<string> Files, string EntryFile)
{
    public bool NeedsRuntime => Kind == KilnInstallationKind.FrameworkDependent;

    /// <summary>The .NET major version the server needs (that of the runtime running this kiln).</summary>
    public static int RuntimeMajor => Environment.Version.Major;

    /// <summary>The kiln of this process.</summary>
    public static KilnInstallation Current() =>
        Describe(Environment.ProcessPath ?? "dotnet", AppContext.BaseDirectory, EntryAssemblyLocation());

    // The empty location a single-file program reports is exactly how one is recognised here.
#pragma warning disable IL3000
    private static string? EntryAssemblyLocation() => Assembly.GetEntryAssembly()?.Location;
#pragma warning restore IL3000

    /// <param name="processPath">The running executable: <c>dotnet</c>, an application host or a single-file program.</param>
    /// <param name="baseDirectory">The application's directory.</param>
    /// <param name="entryAssemblyLocation">The entry assembly's file; empty in a single-file program.</param>
    public static KilnInstallation Describe(string processPath, string baseDirectory, string? entryAssemblyLocation)
    {
        ArgumentNullException.ThrowIfNull(processPath);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        if (string.IsNullOrEmpty(entryAssemblyLocation))
        {
            return new KilnInstallation(KilnInstallationKind.SingleFile, Path.GetDirectoryName(processPath)!, [Path.GetFileName(processPath)], Path.GetFileName(processPath));
        }

        var files = System.IO.Directory.EnumerateFiles(baseDirectory, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(baseDirectory, file))
            .Order(StringComparer.Ordinal)
            .ToList();
        // A self-contained directory carries the runtime; anything else (dotnet, or the small application host
        // of a framework-dependent build) runs on the server as `dotnet ENTRY.dll`.
        var selfContained = Path.GetFileName(processPath) != "dotnet" && files.Contains("libcoreclr.so", StringComparer.Ordinal);
        return selfContained
            ? new KilnInstallation(KilnInstallationKind.SelfContained, baseDirectory, files, Path.GetFileName(processPath))
            : new KilnInstallation(KilnInstallationKind.FrameworkDependent, baseDirectory, files, Path.GetFileName(entryAssemblyLocation));
    }

    /// <summary>The command that starts this kiln once it is in <paramref name="remoteDirectory"/> on the server.</summary>
    public IReadOnlyList<string> CommandOn(string remoteDirectory, string? dotnet) =>
        NeedsRuntime
            ? [dotnet ?? throw new InvalidOperationException("the server's dotnet was not checked"), $"{remoteDirectory}/{EntryFile}"]
            : [$"{remoteDirectory}/{EntryFile}"];

    /// <summary>SHA-256 over every file's relative path and bytes (the first 16 hex digits), and the total size.</summary>
    public (string Hash, long Bytes) Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        foreach (var file in Files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            using var stream = File.OpenRead(Path.Combine(Directory, file));
            bytes += stream.Length;
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
            }

            hash.AppendData("\0"u8);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset())[..16], bytes);
    }
}
