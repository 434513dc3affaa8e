using Shouldly;
using Xunit;

namespace Kiln.Cli.Tests;

public sealed class SchemaWarmUpTests
{
    [Theory]
    [InlineData(new[] { "build", "a.yml" }, true)]
    [InlineData(new[] { "--debug", "validate", "a.yml" }, true)]
    [InlineData(new[] { "plan" }, true)]
    [InlineData(new[] { "boot", "x.qcow2" }, false)]
    [InlineData(new[] { "--version" }, false)]
    [InlineData(new string[0], false)]
    public void Only_the_verbs_that_read_a_manifest_parse_the_schema_ahead(string[] args, bool reads) =>
        SchemaWarmUp.ReadsManifest(args).ShouldBe(reads);
}
