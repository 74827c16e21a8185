namespace StripeModelGen.Cli;

/// <summary>
/// Thrown by a command when its input is unusable before any compilation happens (for example a
/// project directory that does not exist). <see cref="CliApplication"/> prints <c>error: message</c>
/// and exits with <see cref="ExitCodes.Usage"/>.
/// </summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
