namespace Invoicing.Application.Common.Validation;

/// <summary>The field error codes and fixed messages of the contract (§3.1).</summary>
public static class FieldErrorCodes
{
    public const string Required = "required";
    public const string Null = "null";
    public const string Blank = "blank";
    public const string Invalid = "invalid";
    public const string MinValue = "min_value";
    public const string MaxValue = "max_value";
    public const string MaxLength = "max_length";
    public const string Unique = "unique";
    public const string DoesNotExist = "does_not_exist";
    public const string InvalidRelation = "invalid_relation";

    public const string RequiredMessage = "This field is required.";
    public const string NullMessage = "This field may not be null.";
    public const string BlankMessage = "This field may not be blank.";
    public const string InvalidIntegerMessage = "A valid integer is required.";
    public const string InvalidStringMessage = "Not a valid string.";
    public const string InvalidUuidMessage = "Must be a valid UUID.";
    public const string InvalidBooleanMessage = "Must be a valid boolean.";
    public const string InvalidDateMessage = "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";
    public const string InvalidDateTimeMessage = "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm:ss[.uuuuuu](Z|+HH:MM|-HH:MM).";
    public const string InvalidEmailMessage = "Enter a valid email address.";
    public const string InvalidCurrencyMessage = "Must be a three-letter lowercase ISO 4217 currency code.";
    public const string NullCharacterMessage = "Null characters are not allowed.";
    public const string UniqueInvoiceNumberMessage = "invoice with this invoice number already exists.";
    public const string InvalidStringMapMessage = "Must be an object of strings.";
    public const string InvalidMetadataKeyMessage = "Keys must have 1 to 40 characters.";

    /// <summary>An object (<c>metadata</c>) with more keys than allowed.</summary>
    public static string MaxKeysMessage(int n) => $"Ensure this field has no more than {n} keys.";

    public static string MinValueMessage(long n) => $"Ensure this value is greater than or equal to {n}.";

    public static string MaxValueMessage(long n) => $"Ensure this value is less than or equal to {n}.";

    public static string MaxLengthMessage(int n) => $"Ensure this field has no more than {n} characters.";

    public static string DoesNotExistMessage(string value) => $"Invalid pk \"{value}\" - object does not exist.";

    /// <summary>An object was expected (a body, a batch item) but the JSON value is of kind <paramref name="kind"/> (<c>array</c>, <c>number</c>, …).</summary>
    public static string NotAnObjectMessage(string kind) => $"Invalid data. Expected a dictionary, but got {kind}.";

    /// <summary>A list was expected (a batch body, <c>enabled_events</c>) but the JSON value is of kind <paramref name="kind"/>.</summary>
    public static string NotAListMessage(string kind) => $"Expected a list of items but got type \"{kind}\".";
}
