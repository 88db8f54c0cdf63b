namespace Invoicing.Domain.Common;

/// <summary>
/// A domain rule was broken. Validators catch user errors first; reaching this is a bug, except for the
/// subclasses that are answers in their own right (<c>InvoiceStateConflictException</c>: 409).
/// </summary>
public class DomainException(string message) : Exception(message);
