using OpenIsms.Core.Setup;
using OpenIsms.Core.Users;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// <c>OpenIsms.Web create-admin --organisation "Acme" --name "Ada" --email ada@example.com</c>: creates the
/// first administrator without a browser, for automated deployments. The password is read from the
/// environment variable OPENISMS_ADMIN_PASSWORD or, failing that, from the first line of standard input,
/// so it never appears in a process list or shell history.
/// </summary>
public static class AdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> Run(IServiceProvider services, string[] args)
    {
        string? Option(string name) => Commands.Option(args, name);

        var password = Environment.GetEnvironmentVariable("OPENISMS_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            password = await Console.In.ReadLineAsync();
        }

        await using var scope = services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<SetUpInstallation>();
        if (!await setup.IsNeeded())
        {
            await Console.Error.WriteLineAsync("An administrator already exists; sign in and add users on the Users page.");
            return 2;
        }

        var result = await setup.Handle(new SetUpInstallation.Command(
            Option("organisation") ?? "", Option("name") ?? "", Option("email") ?? "", password ?? ""));
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync($"{(error.Field.Length > 0 ? error.Field + ": " : "")}{error.Message}");
            }

            return 1;
        }

        Console.WriteLine($"Administrator {Option("email")} created.");
        return 0;
    }
}
