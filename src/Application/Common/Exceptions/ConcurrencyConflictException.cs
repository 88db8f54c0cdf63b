namespace Invoicing.Application.Common.Exceptions;

/// <summary>
/// An update found its row no longer in the state it was read in (a concurrency token changed): a
/// concurrent request changed it first. Raised by persistence; the use case decides what it means.
/// </summary>
public sealed class ConcurrencyConflictException(Exception inner)
    : Exception("A concurrent change won the race for the row.", inner);
