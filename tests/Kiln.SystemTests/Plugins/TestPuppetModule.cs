using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Kiln.SystemTests.Plugins;

/// <summary>Makes a Puppet module archive as <c>puppet module build</c> would: a gzipped tar of AUTHOR-NAME-VERSION/ with metadata.json and manifests.</summary>
public static class TestPuppetModule
{
    /// <summary>Writes the module <c>kiln-probe</c> (class <c>probe</c>) into <paramref name="directory"/>; returns the archive's path.</summary>
    public static string Write(string directory)
    {
        const string Top = "kiln-probe-1.0.0";
        var path = Path.Combine(directory, $"{Top}.tar.gz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar);
        tar.WriteEntry(new UstarTarEntry(TarEntryType.Directory, $"{Top}/") { Mode = (UnixFileMode)0b111_101_101 });
        tar.WriteEntry(new UstarTarEntry(TarEntryType.Directory, $"{Top}/manifests/") { Mode = (UnixFileMode)0b111_101_101 });
        AddFile(tar, $"{Top}/metadata.json", """
            {"name": "kiln-probe", "version": "1.0.0", "author": "kiln", "summary": "A module from a local archive", "license": "Apache-2.0", "source": "none", "dependencies": []}

            """);
        AddFile(tar, $"{Top}/manifests/init.pp", "class probe {\n  file { '/etc/kiln-puppet-probe': content => \"probe\\n\" }\n}\n");
        return path;
    }

    private static void AddFile(TarWriter tar, string name, string text) =>
        tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = (UnixFileMode)0b110_100_100,
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
        });
}
