namespace Kiln.VirtualMachines;

/// <summary>The firmware files of one VM: the read-only code, and a private copy of the variable store the VM may write.</summary>
public sealed record UefiVariables(string Code, string VariablesCopy);
