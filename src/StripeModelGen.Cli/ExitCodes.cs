namespace StripeModelGen.Cli;

/// <summary>The process exit codes (a contract: scripts and CI branch on them).</summary>
public static class ExitCodes
{
    /// <summary>Everything went well.</summary>
    public const int Success = 0;

    /// <summary>The model or query has errors (or, later, <c>--check</c> found stale output).</summary>
    public const int ModelErrors = 1;

    /// <summary>Bad usage: unknown option, bad option value, missing project directory.</summary>
    public const int Usage = 2;

    /// <summary>An internal error: a bug in stripe-modelgen.</summary>
    public const int InternalError = 3;
}
