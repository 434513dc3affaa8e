using System.Diagnostics;

namespace Kiln.Host;

/// <summary>Byte plumbing between child processes: one's output into another's input, and closing a pipe that may be gone.</summary>
internal static class ProcessPipes
{
    /// <summary>Copies the producer's standard output into the consumer's standard input, then closes both ends.</summary>
    public static async Task ConnectAsync(Process producer, Process consumer)
    {
        try
        {
            await producer.StandardOutput.BaseStream.CopyToAsync(consumer.StandardInput.BaseStream);
        }
        catch (IOException)
        {
            // The consumer stopped reading; its exit code tells why.
        }
        finally
        {
            CloseQuietly(consumer.StandardInput);
            // A producer still writing now fails with a broken pipe instead of blocking forever.
            producer.StandardOutput.Close();
        }
    }

    public static void CloseQuietly(StreamWriter input)
    {
        try
        {
            input.Close();
        }
        catch (IOException)
        {
            // The program exited without reading all of its input; its exit code tells what happened.
        }
    }
}
