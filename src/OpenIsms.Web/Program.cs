using OpenIsms.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenIsms(builder.Configuration);
if (args.Length > 0 && (args[0] == "restore" || Commands.IsCommand(args)))
{
    // A command's output is its answer (a monitoring script reads it): the framework's own chatter stays out,
    // wherever the command is started from and whichever settings file it finds.
    builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
}

var app = builder.Build();

// Restoring comes before anything opens the database or the key file: they are what it puts in place.
if (args.Length > 0 && args[0] == "restore")
{
    return await Backup.Restore(app, args);
}

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
