using System.IO.Compression;
using System.Text;
using Kiln.Host;
using Kiln.Providers.Gce;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Gce;

/// <summary>The archive GCE imports: the GNU tar command, and the structure of what it writes (read here header by header).</summary>
public sealed class GceDiskArchiveTests : IDisposable
{
    private const long Epoch = 1_700_000_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-gce-archive-").FullName;

    [Fact]
    public void The_command_archives_disk_raw_sparse_in_oldgnu_format_with_owner_zero_the_epoch_and_gzip_without_a_name()
    {
        GceDiskArchive.Command("/w/b/disk.raw", "/out/.x.tar.gz.kiln-1", Epoch).Argv.ShouldBe(
        [
            "tar", "--create", "--file", "/out/.x.tar.gz.kiln-1", "--directory", "/w/b", "--format=oldgnu", "--sparse", "--numeric-owner", "--owner=0", "--group=0",
            "--use-compress-program=gzip --no-name", "--mtime=@1700000000", "disk.raw",
        ]);
        GceDiskArchive.Command("/w/b/disk.raw", "/o.tar.gz", null).Argv.ShouldNotContain(a => a.StartsWith("--mtime", StringComparison.Ordinal));
        Should.Throw<ArgumentException>(() => GceDiskArchive.Command("/w/b/root.img", "/o.tar.gz", null));
    }

    [Fact]
    public async Task The_archive_holds_only_disk_raw_as_a_gnu_sparse_member_owned_by_0_at_the_epoch_and_is_the_same_twice()
    {
        var raw = Path.Combine(_directory, "disk.raw");
        await using (var disk = File.Create(raw))
        {
            // A 64 MiB disk with data at its start and its end, and a hole between, as a fresh disk image is.
            disk.SetLength(64L << 20);
            disk.Write(Encoding.ASCII.GetBytes("boot sector"));
            disk.Position = (64L << 20) - 4096;
            disk.Write(new byte[4096].Select(_ => (byte)0x5A).ToArray());
        }

        var runner = new CommandRunner(NullLogger<CommandRunner>.Instance);
        var first = Path.Combine(_directory, "first.tar.gz");
        var second = Path.Combine(_directory, "second.tar.gz");
        (await runner.RunAsync(GceDiskArchive.Command(raw, first, Epoch), CancellationToken.None)).ExitCode.ShouldBe(0);
        File.SetLastWriteTimeUtc(raw, DateTime.UtcNow.AddHours(-3));
        (await runner.RunAsync(GceDiskArchive.Command(raw, second, Epoch), CancellationToken.None)).ExitCode.ShouldBe(0);

        var gzip = File.ReadAllBytes(first);
        gzip[..2].ShouldBe(new byte[] { 0x1f, 0x8b });
        (gzip[3] & 0x08).ShouldBe(0, "gzip stores no file name (FNAME)");
        BitConverter.ToUInt32(gzip, 4).ShouldBe(0u, "gzip stores no time (MTIME 0)");
        File.ReadAllBytes(second).ShouldBe(gzip, "the same disk and epoch give the same bytes");
        new FileInfo(first).Length.ShouldBeLessThan(1L << 20, "the hole is not stored");

        var tar = Gunzip(first);
        var header = tar.AsSpan(0, 512);
        Field(header, 0, 100).ShouldBe("disk.raw");
        ((char)header[156]).ShouldBe('S', "a GNU sparse member");
        Encoding.ASCII.GetString(header.Slice(257, 8)).ShouldBe("ustar  \0", "oldgnu's magic and version");
        Octal(header, 108, 8).ShouldBe(0, "uid");
        Octal(header, 116, 8).ShouldBe(0, "gid");
        Octal(header, 136, 12).ShouldBe(Epoch);
        Octal(header, 483, 12).ShouldBe(64L << 20, "the real size of the disk");
        Checksum(header).ShouldBe(Octal(header, 148, 8));
        // The sparse map: data at 0 and in the last 4 KiB; what is stored is only those pieces.
        Octal(header, 386, 12).ShouldBe(0);
        Octal(header, 386 + 24, 12).ShouldBe((64L << 20) - 4096);
        var stored = Octal(header, 124, 12);
        stored.ShouldBeLessThan(64L << 10);
        var members = 1;
        for (var offset = 512 + ((stored + 511) / 512 * 512); offset + 512 <= tar.Length && tar[(int)offset] != 0; offset += 512)
        {
            members++;
        }

        members.ShouldBe(1, "disk.raw is alone in the archive");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static string Field(ReadOnlySpan<byte> header, int offset, int length) => Encoding.ASCII.GetString(header.Slice(offset, length)).TrimEnd('\0');

    private static long Octal(ReadOnlySpan<byte> header, int offset, int length)
    {
        var text = Encoding.ASCII.GetString(header.Slice(offset, length)).Trim('\0', ' ');
        return text.Length == 0 ? 0 : Convert.ToInt64(text, 8);
    }

    private static long Checksum(ReadOnlySpan<byte> header)
    {
        var sum = 0L;
        for (var index = 0; index < 512; index++)
        {
            sum += index is >= 148 and < 156 ? (byte)' ' : header[index];
        }

        return sum;
    }
}
