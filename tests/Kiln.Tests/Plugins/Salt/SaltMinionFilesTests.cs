using Kiln.Plugins.Salt;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Salt;

public sealed class SaltMinionFilesTests
{
    [Fact]
    public void Grains_are_written_so_that_yaml_reads_back_exactly_the_manifests_values()
    {
        var grains = JObject.Parse("""{"role": "web", "answer": "yes", "note": "a: b, c", "port": 4505, "enabled": true, "roles": ["db", "cache, hot"], "data center": "fra 1"}""");

        SaltMinionFiles.Grains(grains).ShouldBe("""
            # Written by Kiln (plugins.salt.grains).
            role: "web"
            answer: "yes"
            note: "a: b, c"
            port: 4505
            enabled: true
            roles: ["db", "cache, hot"]
            "data center": "fra 1"

            """);
    }

    [Fact]
    public void The_master_is_quoted()
    {
        SaltMinionFiles.Master("10.0.0.5").ShouldBe("# Written by Kiln (plugins.salt.master).\nmaster: \"10.0.0.5\"\n");
    }

    [Fact]
    public void The_pin_keeps_every_salt_package_at_the_version_with_a_priority_that_allows_downgrades()
    {
        SaltMinionFiles.Pin("3007.1").ShouldBe("""
            Explanation: Written by Kiln: Salt stays at the version plugins.salt.version names.
            Package: salt-*
            Pin: version 3007.1
            Pin-Priority: 1001

            """);
    }
}
