namespace Invoicing.Infrastructure.Persistence.CompiledModels.Postgres;

/// <summary>The generated model's hook: the environment filters it cannot generate (<see cref="CompiledModels.AddEnvironmentFilters"/>).</summary>
public partial class ApplicationDbContextModel
{
    partial void Customize() => CompiledModels.AddEnvironmentFilters(this);
}
