namespace Kiln.Publishing;

/// <summary>How far an upload is: bytes sent of the bytes to send.</summary>
public readonly record struct TransferProgress(string What, long Done, long Total)
{
    public double Percent => Total <= 0 ? 100 : Done * 100.0 / Total;
}
