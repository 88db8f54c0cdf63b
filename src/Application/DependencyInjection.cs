using FluentValidation;
using Invoicing.Application.ApiKeys.AuthenticateApiKey;
using Invoicing.Application.Common.Behaviours;
using Invoicing.Application.Common.Metrics;
using Invoicing.Application.Invoices;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicing.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1 (registered by hand: it has no AddMediatR, docs/decisions/0027), the pipeline, the handlers, and the
    /// validators through FluentValidation's own assembly scan.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // The pipeline, outermost first:
        // 1. validation: every field error at once, before any transaction is opened;
        // 2. transaction: commands run in one database transaction around the handler.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        services.AddScoped<InvoiceStoreRules>();
        services.AddOptions<ApiKeyCacheOptions>();
        services.AddSingleton<ApiKeyCache>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InvoicingMetrics>();

        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }
}
