using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Setup;
using OpenIsms.Web.Api;
using OpenIsms.Web.Components;

namespace OpenIsms.Web.Infrastructure;

/// <summary>The composition root: every service and the middleware order, in one place.</summary>
public static class Composition
{
    public static IServiceCollection AddOpenIsms(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<HttpCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<HttpCurrentUser>());
        services.AddDbContext<OpenIsmsDbContext>(o => DatabaseSetup.Configure(o, config));
        var activity = ActivityStorage(config);
        services.AddSingleton(activity);
        services.AddSingleton(sp => ActivityKeyRing.Open(activity.KeyFile, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ActivityCheckpointFile>();
        services.AddSingleton<INodeMemory>(sp => sp.GetRequiredService<ActivityCheckpointFile>());
        services.AddHostedService<ActivityCheckpointer>();
        services.AddSingleton(MailOptions.Read(config));
        services.AddSingleton<OpenIsms.Core.Notifications.IMailTransport, SmtpMailTransport>();
        services.AddHostedService<MailSender>();
        services.AddHostedService<DigestSender>();
        services.AddHostedService<MetricScheduler>();
        services.AddScoped<Features.Readiness.StagePackBuilder>();
        services.AddSingleton<Features.Readiness.StagePackSignal>();
        services.AddSingleton<Features.Readiness.StagePackWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Readiness.StagePackWorker>());
        services.AddUseCases();
        var evidence = EvidenceStorage(config);
        services.AddSingleton(evidence);
        services.AddSingleton<OpenIsms.Core.Evidence.IEvidenceStore, OpenIsms.Core.Evidence.FileEvidenceStore>();
        services.AddSingleton<OpenIsms.Core.Readiness.StagePackStore>();
        // Requests may carry one evidence file up to the limit; the handler reports a larger file beside the field, so the
        // server's own limits sit at twice it (the body goes to a temporary file, not to memory). Only a request far
        // beyond is cut off by the server (413), and a browser may then show a dropped connection instead of a page.
        var bodyLimit = (2 * evidence.MaxFileBytes) + (4L * 1024 * 1024);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = bodyLimit);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = bodyLimit);
        services.AddSingleton<SetupGate>();
        services.AddScoped<Account.Reauthentication>();
        services.AddSingleton<Exports.PdfPrinter>();
        services.AddScoped<Exports.ExportDocuments>();
        services.AddScoped<PublicLinks>();
        services.AddSingleton<OpenIsms.Core.Soa.SoaSummaryCache>();
        services.AddSingleton<INodeMemory>(sp => sp.GetRequiredService<OpenIsms.Core.Soa.SoaSummaryCache>());
        services.AddOpenIsmsIdentity(config);
        // Pages use the sign-in cookie; /api uses personal tokens only (so no page can be used to forge an API call).
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = "openisms";
                o.DefaultChallengeScheme = "openisms";
                o.DefaultForbidScheme = "openisms";
            })
            .AddPolicyScheme("openisms", "Cookie for pages, token for the API", o => o.ForwardDefaultSelector = context =>
                ApiProblems.IsApi(context.Request.Path) ? ApiTokenHandler.SchemeName : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new() { Title = "OpenIsms API", Version = "v1", Description = "Send a personal API token (My account → API tokens) as \"Authorization: Bearer oim_…\". Errors are RFC 9457 problem details." };
            return Task.CompletedTask;
        }));
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddRazorComponents();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "openisms.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<SignInThrottle>();
        services.AddHostedService<SqliteUpkeep>();
        services.AddHealthChecks().AddDbContextCheck<OpenIsmsDbContext>("database", tags: ["ready"]);
        services.Configure<ForwardedHeadersOptions>(o => ConfigureProxies(o, config));
        return services;
    }

    /// <summary>
    /// Behind a reverse proxy the client's address and scheme come from X-Forwarded-For and X-Forwarded-Proto, trusted
    /// only from the proxies named (loopback always): so cookies are Secure and HSTS is sent when the proxy speaks HTTPS,
    /// and the sign-in limit counts the real client. ForwardedHeaders:KnownProxies lists addresses, KnownNetworks CIDRs.
    /// </summary>
    public static void ConfigureProxies(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in (config["ForwardedHeaders:KnownProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        foreach (var network in (config["ForwardedHeaders:KnownNetworks"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    /// <summary>
    /// The activity log's key file and checkpoints live in the data folder unless configured elsewhere: outside the
    /// database, readable by the app's user only. With several web nodes, every node needs the same key file.
    /// </summary>
    public static ActivityKeyOptions ActivityStorage(IConfiguration config)
    {
        var data = config["Data:Folder"] ?? "data";
        return new()
        {
            KeyFile = Path.GetFullPath(config["Activity:KeyFile"] is { Length: > 0 } k ? k : Path.Combine(data, "activity-keys.json")),
            CheckpointFile = Path.GetFullPath(config["Activity:CheckpointFile"] is { Length: > 0 } c ? c : Path.Combine(data, "activity-checkpoints.jsonl")),
            CheckpointInterval = TimeSpan.FromMinutes(Math.Max(1, config.GetValue<int?>("Activity:CheckpointMinutes") ?? 5)),
        };
    }

    /// <summary>Evidence files live beside the database unless configured elsewhere (a volume every web node shares).</summary>
    public static OpenIsms.Core.Evidence.EvidenceStoreOptions EvidenceStorage(IConfiguration config)
    {
        var folder = config["Evidence:Folder"] is { Length: > 0 } configured ? configured : Path.Combine(config["Data:Folder"] ?? "data", "evidence");
        var megabytes = config.GetValue<long?>("Evidence:MaxFileMegabytes") ?? 100;
        return new() { Folder = Path.GetFullPath(folder), MaxFileBytes = Math.Max(1, megabytes) * 1024 * 1024 };
    }

    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
        var keys = scope.ServiceProvider.GetRequiredService<ActivityKeyRing>();
        if (keys.Created)
        {
            app.Logger.LogWarning("The activity log has a new key file, {KeyFile}: back it up with the database; every web node needs the same file.", keys.File);
        }

        var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
        await DatabaseSetup.EnableWriteAheadLog(db);
        await scope.ServiceProvider.GetRequiredService<InitialiseDatabase>().Handle();
        await DatabaseSetup.Analyse(db);
    }

    public static WebApplication UseOpenIsms(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            CreateScopeForErrors = true,

            // A request the server refuses while reading it (a body over the size limit: 413) keeps its own status and page.
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseQueryParameterGuard();
        app.UseStaticFiles();
        SetupGate.UseSetupGate(app);
        app.UseAuthentication();
        AccountGate.UseAccountGate(app);
        app.UseAuthorization();
        app.UseAntiforgery();
        app.Use(async (context, next) =>
        {
            // A form post whose antiforgery token is missing or wrong stops here with 400, which the status-code
            // page explains, rather than reaching a page that would handle it or fail while reading the form.
            if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false }
                && !context.Request.Path.StartsWithSegments("/error"))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            await next();
        });

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        app.MapEndpointGroups(); // each area's API, fragments, exports and downloads, discovered
        app.MapRazorComponents<App>();
        return app;
    }
}
