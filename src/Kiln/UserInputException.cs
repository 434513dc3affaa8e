namespace Kiln;

/// <summary>An error the user caused and can fix (bad manifest, bad argument, missing host tool): exit code 2.</summary>
public class UserInputException : KilnException
{
    public UserInputException(string message)
        : base(message)
    {
    }

    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override int ExitCode => 2;
}
