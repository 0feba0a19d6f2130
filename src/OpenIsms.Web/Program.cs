using OpenIsms.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenIsms(builder.Configuration);

var app = builder.Build();
await app.InitialiseDatabaseAsync();

if (Commands.IsCommand(args))
{
    return await Commands.Run(app.Services, args);
}

app.UseOpenIsms();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can host it.</summary>
public partial class Program;
