namespace Kiln.Tests.Fakes;

/// <summary>Hands out predictable UUIDs (…0001, …0002 …) so layouts and generated files are stable.</summary>
public sealed class SequentialGuids
{
    private int _next;

    public Guid Next()
    {
        _next++;
        return new Guid($"00000000-0000-4000-8000-{_next:D12}");
    }
}
