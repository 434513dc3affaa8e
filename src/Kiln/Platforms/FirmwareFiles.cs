namespace Kiln.Platforms;

/// <summary>
/// The UEFI firmware QEMU boots a machine with: the code (read-only flash) and the variable store the VM gets
/// a private copy of. Each is a list of candidate paths, because distributions name the files differently;
/// the first that exists wins.
/// </summary>
public sealed record FirmwareFiles(IReadOnlyList<string> Code, IReadOnlyList<string> Variables, string Package)
{
    public string? FindCode() => Code.FirstOrDefault(File.Exists);

    public string? FindVariables() => Variables.FirstOrDefault(File.Exists);
}
