using Kiln.Disks.Lvm;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Disks.Lvm;

public sealed class LvmReportTests
{
    /// <summary>What pvs printed for the trixie-lvm example's physical volume on this host (lvm2 2.03.16).</summary>
    public const string PhysicalVolumeJson = """
          {
              "report": [
                  {
                      "pv": [
                          {"pv_name":"/dev/loop7", "pv_uuid":"000000-0000-0040-0080-0000-0000-000002", "vg_name":"vg0", "pe_start":"1048576", "vg_extent_size":"4194304", "pv_pe_count":"671"}
                      ]
                  }
              ]
          }
        """;

    public const string LogicalVolumesJson = """
          {
              "report": [
                  {
                      "lv": [
                          {"lv_name":"root", "seg_pe_ranges":"/dev/loop7:32-543"},
                          {"lv_name":"swap", "seg_pe_ranges":"/dev/loop7:0-31"},
                          {"lv_name":"var", "seg_pe_ranges":"/dev/loop7:544-670"}
                      ]
                  }
              ]
          }
        """;

    [Fact]
    public void A_physical_volume_report_gives_its_data_start_extent_size_and_count()
    {
        LvmReport.PhysicalVolume(PhysicalVolumeJson).ShouldBe(new PhysicalVolumeReport("000000-0000-0040-0080-0000-0000-000002", "vg0", 1048576, 4194304, 671));
    }

    [Fact]
    public void Segments_are_the_extent_ranges_without_the_device()
    {
        LvmReport.Segments(LogicalVolumesJson).ShouldBe([("root", "32-543"), ("swap", "0-31"), ("var", "544-670")]);
    }

    [Fact]
    public void Warnings_before_the_json_are_skipped_and_an_empty_report_has_no_rows()
    {
        LvmReport.Rows("  WARNING: Activation disabled.\n" + LogicalVolumesJson, "lv").Count.ShouldBe(3);
        LvmReport.Rows(string.Empty, "lv").ShouldBeEmpty();
    }

    [Fact]
    public void What_lvm_wrote_for_the_layout_matches_it()
    {
        VolumeGroupCheck.Differences(TestLayouts.GptWithRootOnLvm().VolumeGroup!, LvmReport.PhysicalVolume(PhysicalVolumeJson), LvmReport.Segments(LogicalVolumesJson)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_difference_from_the_layout_is_named()
    {
        var moved = LogicalVolumesJson.Replace("/dev/loop7:32-543", "/dev/loop7:40-551", StringComparison.Ordinal).Replace("\"var\"", "\"other\"", StringComparison.Ordinal);
        var physicalVolume = LvmReport.PhysicalVolume(PhysicalVolumeJson.Replace("\"1048576\"", "\"2097152\"", StringComparison.Ordinal));

        VolumeGroupCheck.Differences(TestLayouts.GptWithRootOnLvm().VolumeGroup!, physicalVolume, LvmReport.Segments(moved)).ShouldBe(
        [
            "its data start (pe_start) is 2097152, not 1048576",
            "root takes extents 40-551, not 32-543",
            "var takes extents none, not 544-670",
            "it has a logical volume other that the layout does not",
        ]);
    }
}
