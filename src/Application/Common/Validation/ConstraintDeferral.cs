using FluentValidation;

namespace Invoicing.Application.Common.Validation;

/// <summary>
/// A rule that only repeats what a database constraint enforces (a reference exists, a value is unique) may be left to
/// the constraint when everything else about the request is valid: the write then needs no query before it, and a write
/// the database refuses is validated again in full to name the fields (docs/decisions/0044). Such a rule asks
/// <see cref="Defer"/> first; the validation behaviour allows deferring on its first pass only, and runs the full rules
/// at once when the first pass found anything else wrong, so that every error is reported together.
/// </summary>
internal static class ConstraintDeferral
{
    private const string Allowed = "invoicing:constraints-may-decide";
    private const string Used = "invoicing:constraints-decide";

    /// <summary>A validation context in which rules may defer to constraints.</summary>
    public static ValidationContext<T> Allowing<T>(ValidationContext<T> context)
    {
        context.RootContextData[Allowed] = true;
        return context;
    }

    /// <summary>Whether a rule in this context left its check to the database.</summary>
    public static bool WasUsed(IValidationContext context) => context.RootContextData.ContainsKey(Used);

    /// <summary>True (and remembered) when the calling rule may leave its check to the database constraints.</summary>
    public static bool Defer(IValidationContext context)
    {
        if (!context.RootContextData.ContainsKey(Allowed))
        {
            return false;
        }

        context.RootContextData[Used] = true;
        return true;
    }
}
