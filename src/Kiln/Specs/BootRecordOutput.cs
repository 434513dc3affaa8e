namespace Kiln.Specs;

/// <summary>The boot record beside a disk image: how <c>kiln test</c> and <c>kiln boot</c> start a machine for it.</summary>
public sealed record BootRecordOutput(string Path) : BuildOutput
{
    public const string Extension = ".boot.json";

    public override string Kind => "boot record";

    public override string Location => Path;
}
