using Microsoft.Extensions.DependencyInjection;

namespace OpenIsms.Core.Setup;

public static class CoreServices
{
    /// <summary>Registers every use-case handler of the Core assembly (one class per use case, found by convention) and every importer.</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        var handlers = typeof(CoreServices).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                && t.Namespace is not null && !t.Namespace.EndsWith(".Common", StringComparison.Ordinal)
                && (t.GetMethods().Any(m => m.Name == "Handle" && m.DeclaringType == t) || typeof(Imports.IImporter).IsAssignableFrom(t)));
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }

        services.AddSingleton<Organisations.OrganisationProfile>();
        services.AddSingleton<Awareness.AwarenessRosterCache>();
        services.AddSingleton<Common.INodeMemory>(sp => sp.GetRequiredService<Awareness.AwarenessRosterCache>());
        services.AddSingleton<Readiness.ReadinessFactsCache>();
        services.AddSingleton<Common.INodeMemory>(sp => sp.GetRequiredService<Readiness.ReadinessFactsCache>());
        services.AddSingleton<Audits.AuditProgrammeCache>();
        services.AddSingleton<Common.INodeMemory>(sp => sp.GetRequiredService<Audits.AuditProgrammeCache>());
        services.AddSingleton<Common.INodeMemory>(sp => sp.GetRequiredService<Organisations.OrganisationProfile>());
        services.AddSingleton(sp =>
        {
            var organisation = sp.GetRequiredService<Organisations.OrganisationProfile>();
            return new Common.Clock(sp.GetRequiredService<TimeProvider>(), async ct => (await organisation.Get(ct)).Zone);
        });
        return services;
    }
}
