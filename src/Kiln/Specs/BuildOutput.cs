namespace Kiln.Specs;

/// <summary>Something a build leaves for the user: a file, an upload, a registered image.</summary>
public abstract record BuildOutput
{
    /// <summary>What it is, as the plan and the build summary say it (<c>disk image (qcow2)</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>Where it goes: a path, or a URI for what leaves the machine.</summary>
    public abstract string Location { get; }

    /// <summary>The path a build locks while it writes the output (<c>.NAME.lock</c> beside it): the output's own, for files.</summary>
    public virtual string LockTarget => Location;

    public override string ToString() => $"{Kind}: {Location}";
}
