using Kiln.Specs;

namespace Kiln.Plugins.Vagrant;

/// <summary>A Vagrant box (<c>NAME.box</c>) for one Vagrant provider, beside the disk image.</summary>
public sealed record VagrantBoxOutput(string Path, string BoxProvider) : BuildOutput
{
    public const string Extension = ".box";

    public override string Kind => $"vagrant box ({BoxProvider})";

    public override string Location => Path;
}
