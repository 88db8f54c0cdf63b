using FluentValidation;
using Invoicing.Application.Common.Behaviours;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Counterparties;
using Invoicing.Application.Counterparties.CreateCounterparty;
using MediatR;

namespace Invoicing.UnitTests.Behaviours;

public sealed class ValidationBehaviourTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ValidationBehaviour<TRequest, string> Behaviour<TRequest>(params IValidator<TRequest>[] validators) => new(validators);

    /// <summary>A handler that counts its calls and answers "handled".</summary>
    private sealed class Next
    {
        public int Calls { get; private set; }

        public Task<string> Handle()
        {
            Calls++;
            return Task.FromResult("handled");
        }
    }

    [Fact]
    public async Task A_valid_request_reaches_the_handler_and_returns_its_response()
    {
        var validator = new InlineValidator<Widget>();
        validator.RuleFor(w => w.Name).NotNull();
        var next = new Next();

        var response = await Behaviour(validator).Handle(new Widget("w", "red", 1), Ct, next.Handle);

        response.ShouldBe("handled");
        next.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_request_without_validators_reaches_the_handler()
    {
        var next = new Next();

        (await Behaviour<Widget>().Handle(new Widget(null, null, 0), Ct, next.Handle)).ShouldBe("handled");
    }

    [Fact]
    public async Task An_invalid_request_never_reaches_the_handler()
    {
        var validator = new InlineValidator<Widget>();
        validator.RuleFor(w => w.Name).NotNull().WithErrorCode("required").WithMessage("This field is required.");
        var next = new Next();

        var e = await Should.ThrowAsync<InvalidRequestException>(() => Behaviour(validator).Handle(new Widget(null, "red", 1), Ct, next.Handle));

        next.Calls.ShouldBe(0);
        e.Message.ShouldBe(InvalidRequestException.DefaultDetail);
        e.ItemCount.ShouldBeNull();
        e.Errors.ShouldBe([new FieldError("name", "required", "This field is required.")]);
    }

    [Fact]
    public async Task Failures_of_every_validator_are_collected_into_one_exception()
    {
        var names = new InlineValidator<Widget>();
        names.RuleFor(w => w.Name).NotNull().WithErrorCode("required").WithMessage("Name is required.");
        var rest = new InlineValidator<Widget>();
        rest.RuleFor(w => w.FavouriteColour).NotNull().WithErrorCode("null").WithMessage("Colour may not be null.");
        rest.RuleFor(w => w.Size).GreaterThan(0).WithErrorCode("min_value").WithMessage("Too small.");

        var e = await Should.ThrowAsync<InvalidRequestException>(() => Behaviour(names, rest).Handle(new Widget(null, null, 0), Ct, new Next().Handle));

        e.Errors.ShouldBe(
            [
                new FieldError("name", "required", "Name is required."),
                new FieldError("favourite_colour", "null", "Colour may not be null."),
                new FieldError("size", "min_value", "Too small."),
            ],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Each_field_gets_one_error_and_the_first_failure_wins()
    {
        var first = new InlineValidator<Widget>();
        first.RuleFor(w => w.Name).Must(_ => false).WithErrorCode("first").WithMessage("First rule.");
        first.RuleFor(w => w.Name).Must(_ => false).WithErrorCode("second").WithMessage("Second rule.");
        var second = new InlineValidator<Widget>();
        second.RuleFor(w => w.Name).Must(_ => false).WithErrorCode("third").WithMessage("Other validator.");

        var e = await Should.ThrowAsync<InvalidRequestException>(() => Behaviour(first, second).Handle(new Widget("w", "red", 1), Ct, new Next().Handle));

        e.Errors.ShouldBe([new FieldError("name", "first", "First rule.")]);
    }

    [Fact]
    public async Task Async_rules_are_run()
    {
        var validator = new InlineValidator<Widget>();
        validator.RuleFor(w => w.Name).MustAsync(async (_, ct) =>
        {
            await Task.Yield();
            return false;
        }).WithErrorCode("unique").WithMessage("Taken.");
        var next = new Next();

        var e = await Should.ThrowAsync<InvalidRequestException>(() => Behaviour(validator).Handle(new Widget("w", "red", 1), Ct, next.Handle));

        e.Errors.ShouldBe([new FieldError("name", "unique", "Taken.")]);
        next.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Batch_item_failures_are_named_by_index_and_carry_the_item_count()
    {
        var line = new InlineValidator<BatchLine>();
        line.RuleFor(i => i.AmountCents).NotNull().WithErrorCode("required").WithMessage("This field is required.");
        var validator = new InlineValidator<WidgetBatch>();
        validator.RuleFor(b => b.Items).EachItem(line);
        var batch = new WidgetBatch([new BatchLine(1), new BatchLine(null), new BatchLine(3), new BatchLine(null)]);

        var e = await Should.ThrowAsync<InvalidRequestException>(() => Behaviour(validator).Handle(batch, Ct, new Next().Handle));

        e.ItemCount.ShouldBe(4);
        e.Errors.Select(f => (f.Item, f.Field)).ShouldBe([(1, "amount_cents"), (3, "amount_cents")]);
    }

    [Fact]
    public async Task A_failure_without_a_field_becomes_the_detail_and_hides_the_field_errors()
    {
        var validator = new InlineValidator<WidgetBatch>();
        validator.RuleFor(b => b.Items.Count).GreaterThan(0).WithMessage("This list may not be empty.").OverridePropertyName(string.Empty);
        validator.RuleFor(b => b.Label).NotNull().WithErrorCode("required").WithMessage("This field is required.");

        var e = await Should.ThrowAsync<InvalidRequestException>(() => Behaviour(validator).Handle(new WidgetBatch([]), Ct, new Next().Handle));

        e.Message.ShouldBe("This list may not be empty.");
        e.Errors.ShouldBeEmpty();
        e.ItemCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_unique_clash_that_validation_now_sees_becomes_a_field_error()
    {
        var clashed = false;
        var validator = new InlineValidator<Widget>();
        validator.RuleFor(w => w.Name).Must(_ => !clashed).WithErrorCode("unique").WithMessage("Already taken.");

        var e = await Should.ThrowAsync<InvalidRequestException>(() => Behaviour(validator).Handle(new Widget("w", "red", 1), Ct, () =>
        {
            clashed = true; // a concurrent request committed the same key
            return Task.FromException<string>(new UniqueConstraintException(new InvalidOperationException("duplicate key")));
        }));

        e.Errors.ShouldBe([new FieldError("name", "unique", "Already taken.")]);
    }

    [Fact]
    public async Task A_unique_clash_that_validation_cannot_explain_is_rethrown()
    {
        var runs = 0;
        var validator = new InlineValidator<Widget>();
        validator.RuleFor(w => w.Name).Must(_ =>
        {
            runs++;
            return true;
        });
        var clash = new UniqueConstraintException(new InvalidOperationException("duplicate key"));

        var thrown = await Should.ThrowAsync<UniqueConstraintException>(() =>
            Behaviour(validator).Handle(new Widget("w", "red", 1), Ct, () => Task.FromException<string>(clash)));

        thrown.ShouldBeSameAs(clash);
        runs.ShouldBe(2);
    }

    [Fact]
    public async Task Other_handler_failures_pass_through_without_validating_again()
    {
        var runs = 0;
        var validator = new InlineValidator<Widget>();
        validator.RuleFor(w => w.Name).Must(_ =>
        {
            runs++;
            return true;
        });

        await Should.ThrowAsync<InvalidOperationException>(() =>
            Behaviour(validator).Handle(new Widget("w", "red", 1), Ct, () => Task.FromException<string>(new InvalidOperationException("boom"))));

        runs.ShouldBe(1);
    }

    [Fact]
    public async Task The_real_counterparty_validator_reports_one_error_per_field_for_every_field()
    {
        var behaviour = new ValidationBehaviour<CreateCounterpartyCommand, CounterpartyResponse>([new CreateCounterpartyCommandValidator()]);
        var tooLongAndMalformed = new string('x', 300); // fails both max_length and the address rule
        var command = new CreateCounterpartyCommand(Input<string>.Of("  "), Input<string>.Of(tooLongAndMalformed), default);
        var called = false;

        var e = await Should.ThrowAsync<InvalidRequestException>(() => behaviour.Handle(command, Ct, () =>
        {
            called = true;
            return Task.FromResult<CounterpartyResponse>(null!);
        }));

        called.ShouldBeFalse();
        e.Errors.ShouldBe(
            [
                new FieldError("name", "blank", "This field may not be blank."),
                new FieldError("email", "max_length", "Ensure this field has no more than 254 characters."),
            ],
            ignoreOrder: true);
    }
}

internal sealed record Widget(string? Name, string? FavouriteColour, int Size) : IRequest<string>;

internal sealed record BatchLine(long? AmountCents);

internal sealed record WidgetBatch(IReadOnlyList<BatchLine> Items, string? Label = "label") : IRequest<string>, IBatchCommand
{
    public int ItemCount => Items.Count;
}
