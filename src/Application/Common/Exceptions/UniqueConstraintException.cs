namespace Invoicing.Application.Common.Exceptions;

/// <summary>
/// The database refused a row because a unique index already holds its key: a concurrent
/// request won a race that validation could not see. Raised by persistence.
/// </summary>
public sealed class UniqueConstraintException(Exception inner)
    : Exception("A unique index rejected the change.", inner);
