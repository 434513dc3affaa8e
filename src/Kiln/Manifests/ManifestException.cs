namespace Kiln.Manifests;

/// <summary>The manifest is not valid; carries every problem found, each with its location (exit code 2).</summary>
public sealed class ManifestException : UserInputException
{
    public ManifestException(IReadOnlyList<ManifestError> errors)
        : base(string.Join('\n', errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public ManifestException(ManifestError error)
        : this([error])
    {
    }

    public IReadOnlyList<ManifestError> Errors { get; }
}
