using System.Diagnostics;
using Kiln.Disks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks;

/// <summary>The VDI and VMDK header readers, on files qemu-img writes (the tool Kiln converts with), and on bytes that are neither.</summary>
public sealed class DiskHeaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-disk-headers-").FullName;

    [Fact]
    public void A_vdi_from_qemu_img_is_a_dynamic_version_1_1_image_of_the_given_size_in_1_mib_blocks()
    {
        var path = Create("vdi", []);

        var header = VdiHeader.ReadFile(path);

        header.Version.ShouldBe(VdiHeader.SupportedVersion);
        header.IsDynamic.ShouldBeTrue();
        header.DiskSize.ShouldBe(64L << 20);
        header.BlockSize.ShouldBe(1u << 20);
        header.Blocks.ShouldBe(64u);
        header.HeaderSize.ShouldBeOneOf(0x180u, 0x190u);
        header.CreationUuid.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void A_stream_optimized_vmdk_has_version_3_compressed_grains_markers_and_says_so_in_its_descriptor()
    {
        var header = VmdkHeader.ReadFile(Create("vmdk", ["-o", "subformat=streamOptimized"]));

        header.IsStreamOptimized.ShouldBeTrue();
        header.CapacityBytes.ShouldBe(64L << 20);
        header.CreateType.ShouldBe("streamOptimized");
    }

    [Fact]
    public void The_default_vmdk_is_monolithic_sparse_and_not_stream_optimized()
    {
        var header = VmdkHeader.ReadFile(Create("vmdk", []));

        header.IsStreamOptimized.ShouldBeFalse();
        header.CreateType.ShouldBe("monolithicSparse");
        header.CapacitySectors.ShouldBe((64L << 20) / 512);
    }

    [Fact]
    public void Bytes_that_are_no_such_image_are_refused_with_what_was_found()
    {
        var zeros = new byte[1024];

        Should.Throw<InvalidDataException>(() => VdiHeader.Read(zeros)).Message.ShouldContain("no VDI signature");
        Should.Throw<InvalidDataException>(() => VmdkHeader.Read(zeros)).Message.ShouldContain("no VMDK magic");
        Should.Throw<InvalidDataException>(() => VdiHeader.Read(new byte[10])).Message.ShouldContain("too short");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Create(string format, string[] options)
    {
        var path = Path.Combine(_directory, $"disk-{Guid.NewGuid():N}.{format}");
        var info = new ProcessStartInfo("qemu-img") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "create", "-q", "-f", format }.Concat(options).Concat([path, "64M"]))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        return path;
    }
}
