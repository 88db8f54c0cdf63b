namespace Invoicing.Application.Common.Exceptions;

/// <summary>
/// The database refused a row because a row it refers to does not exist (a foreign key: an invoice's counterparty in
/// the invoice's environment). Validation left that check to the database on a create (docs/decisions/0044), so it is
/// validated again to name the fields. Raised by persistence.
/// </summary>
public sealed class ReferenceConstraintException(Exception inner)
    : Exception("A foreign key rejected the change.", inner);
