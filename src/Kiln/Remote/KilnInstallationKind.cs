namespace Kiln.Remote;

/// <summary>How the running kiln was built, which decides what is copied to a build host and what it needs there.</summary>
public enum KilnInstallationKind
{
    /// <summary><c>dotnet Kiln.Cli.dll</c>: the application directory, and a .NET runtime on the server.</summary>
    FrameworkDependent,

    /// <summary>A self-contained application directory (runtime included): built for one architecture.</summary>
    SelfContained,

    /// <summary>One self-contained executable: built for one architecture.</summary>
    SingleFile,
}
