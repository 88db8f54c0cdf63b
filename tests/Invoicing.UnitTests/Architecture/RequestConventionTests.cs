using System.Reflection;
using System.Runtime.CompilerServices;
using FluentValidation;
using Invoicing.Application.ApiKeys.ListApiKeys;
using Invoicing.Application.Counterparties.CreateCounterparty;
using Invoicing.Application.Invoices.CreateInvoiceBatch;
using Invoicing.Application.Invoices.GetInvoice;
using MediatR;

namespace Invoicing.UnitTests.Architecture;

/// <summary>Commands and queries, their handlers and validators follow one shape.</summary>
public sealed class RequestConventionTests
{
    private static readonly Type[] ApplicationTypes = Layers.Application.GetTypes();

    /// <summary>Every concrete type that is a MediatR request (commands and queries).</summary>
    private static readonly Type[] Requests = ApplicationTypes
        .Where(t => t is { IsClass: true, IsAbstract: false } && Closes(t, typeof(IRequest<>)).Any())
        .ToArray();

    private static readonly Type[] Handlers = ApplicationTypes
        .Where(t => t is { IsClass: true, IsAbstract: false } && Closes(t, typeof(IRequestHandler<,>)).Any())
        .ToArray();

    private static readonly Type[] Validators = ApplicationTypes
        .Where(t => t is { IsClass: true, IsAbstract: false } && Closes(t, typeof(IValidator<>)).Any())
        .ToArray();

    private static IEnumerable<Type> Closes(Type type, Type openInterface) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface);

    private static bool IsInternal(Type type) => type.IsNested ? type.IsNestedAssembly || type.IsNestedPrivate : type.IsNotPublic;

    [Fact]
    public void The_scan_finds_the_known_requests_handlers_and_validators()
    {
        Requests.ShouldContain(typeof(CreateCounterpartyCommand));
        Requests.ShouldContain(typeof(CreateInvoiceBatchCommand));
        Requests.ShouldContain(typeof(GetInvoiceQuery));
        Requests.ShouldContain(typeof(ListApiKeysQuery));
        Handlers.Length.ShouldBeGreaterThanOrEqualTo(Requests.Length);
        Validators.ShouldContain(typeof(CreateCounterpartyCommandValidator));
    }

    [Fact]
    public void Every_request_has_exactly_one_handler()
    {
        var problems = new List<string>();
        foreach (var request in Requests)
        {
            var response = Closes(request, typeof(IRequest<>)).Single().GetGenericArguments()[0];
            var contract = typeof(IRequestHandler<,>).MakeGenericType(request, response);
            var handlers = Handlers.Where(h => h.IsAssignableTo(contract)).ToList();
            if (handlers.Count != 1)
            {
                problems.Add($"{request.Name} has {handlers.Count} handlers ({string.Join(", ", handlers.Select(h => h.Name))})");
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_handler_handles_a_request_of_the_application()
    {
        var orphans = Handlers.Where(h => !Closes(h, typeof(IRequestHandler<,>)).Any(i => Requests.Contains(i.GetGenericArguments()[0])));

        orphans.Select(h => h.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Handlers_and_validators_are_internal_and_sealed()
    {
        var offenders = Handlers.Concat(Validators).Where(t => !IsInternal(t) || !t.IsSealed).Select(t => t.FullName);

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void Every_request_is_a_record()
    {
        static bool IsRecord(Type t) =>
            t.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly) is not null
            || t.GetMethod("<Clone>$", BindingFlags.Instance | BindingFlags.Public) is not null;

        Requests.Where(t => !IsRecord(t)).Select(t => t.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void Every_request_is_immutable()
    {
        var mutable = new List<string>();
        foreach (var request in Requests)
        {
            foreach (var property in request.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                var setter = property.GetSetMethod(nonPublic: false);
                if (setter is not null && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                {
                    mutable.Add($"{request.Name}.{property.Name}");
                }
            }

            mutable.AddRange(request.GetFields(BindingFlags.Instance | BindingFlags.Public).Where(f => !f.IsInitOnly).Select(f => $"{request.Name}.{f.Name}"));
        }

        mutable.ShouldBeEmpty();
    }
}
