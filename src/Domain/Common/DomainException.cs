namespace Invoicing.Domain.Common;

/// <summary>A domain rule was broken. Validators catch user errors first; reaching this is a bug.</summary>
public class DomainException(string message) : Exception(message);
