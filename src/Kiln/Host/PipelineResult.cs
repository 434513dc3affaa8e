namespace Kiln.Host;

/// <summary>What the two commands of <c>producer | consumer</c> left.</summary>
public sealed record PipelineResult(CommandResult Producer, CommandResult Consumer)
{
    public bool Succeeded => Producer.Succeeded && Consumer.Succeeded;

    /// <summary>
    /// Throws a <see cref="CommandFailedException"/> for the command that caused the failure: the producer, unless it
    /// only failed because the consumer stopped reading (a broken pipe).
    /// </summary>
    public PipelineResult EnsureSuccess()
    {
        var producerCaused = !Producer.Succeeded && !Producer.StandardError.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
        if (producerCaused || Consumer.Succeeded)
        {
            Producer.EnsureSuccess();
        }

        Consumer.EnsureSuccess();
        return this;
    }
}
