using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Invoices.CreateInvoice;
using Invoicing.Application.Invoices.CreateInvoiceBatch;
using Invoicing.Web.Errors;
using Invoicing.Web.Json;

namespace Invoicing.Bench.Micro;

/// <summary>
/// The pure-code parts of the hot paths, with the service's own code: reading a create body into its command as MVC
/// does (the same JSON options) and validating it (the per-field rules of §5.1), the same for a batch of 1000, and
/// rendering an error envelope.
/// The database rules (counterparties exist, numbers unique) are not pure code and are measured by bench/run.sh.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private static readonly string Item =
        """{"amount_cents":125000,"discount_amount_cents":2500,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01","invoice_number":"INV-{0}","note":"bench","originating_counterparty_id":"0193a5c2-0000-7000-8000-000000000001","receiving_counterparty_id":"0193a5c2-0000-7000-8000-000000000002"}""";

    private static readonly FluentValidation.IValidator<CreateInvoiceCommand> Validator = CreateInvoiceCommandValidator.Fields;

    private readonly JsonSerializerOptions _json = new();
    private readonly JsonSerializerOptions _bodies = new(JsonSerializerDefaults.Web);
    private byte[] _body = [];
    private byte[] _batch = [];
    private ErrorEnvelope _envelope = null!;

    [GlobalSetup]
    public void Setup()
    {
        JsonSetup.Apply(_json);
        JsonSetup.ApplyToBodies(_bodies);
        _body = Encoding.UTF8.GetBytes(Item.Replace("{0}", "1", StringComparison.Ordinal));
        _batch = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(1, 1000).Select(i => Item.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))) + "]");
        _envelope = new ErrorEnvelope(
            ErrorCodes.InvalidRequest,
            "The request has invalid fields.",
            [
                new FieldError("amount_cents", FieldErrorCodes.Required, "This field is required."),
                new FieldError("invoice_due_date", "invalid_relation", "Must be on or after invoice_date."),
                new FieldError("currency", "invalid", "Enter a three-letter lowercase ISO 4217 currency code."),
            ]);
    }

    [Benchmark(Description = "read + validate a create body")]
    public CreateInvoiceCommand ReadAndValidateCreateBody()
    {
        var command = JsonSerializer.Deserialize<CreateInvoiceCommand>(_body, _bodies)!;
        Validate(command);
        return command;
    }

    [Benchmark(Description = "construct the create validator (per request, scoped)")]
    public object ConstructCreateValidator() => new CreateInvoiceCommandValidator(null!);

    [Benchmark(Description = "read + validate a batch of 1000")]
    public int ReadAndValidateBatchOf1000()
    {
        var batch = JsonSerializer.Deserialize<CreateInvoiceBatchCommand>(_batch, _bodies)!;
        foreach (var item in batch.Items)
        {
            Validate(item.Value);
        }

        return batch.Items.Count;
    }

    [Benchmark(Description = "render a 400 envelope (3 field errors)")]
    public byte[] RenderEnvelope() => JsonSerializer.SerializeToUtf8Bytes(_envelope, _json);

    private static void Validate(CreateInvoiceCommand command)
    {
        var result = Validator.Validate(command);
        if (!result.IsValid)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }
}
