using Microsoft.AspNetCore.Identity;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// The app's commands, for deployments and monitoring: <c>OpenIsms.Web &lt;command&gt; [--option value …]</c>. Each runs,
/// prints what it did and exits: 0 for success, 1 when the check or the work failed, 2 for a wrong invocation.
/// </summary>
public static class Commands
{
    public static readonly IReadOnlyList<string> Names = [AdminCommand.Name, "create-token", "verify-activity", "rotate-activity-key", "backup"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static async Task<int> Run(IServiceProvider services, string[] args)
    {
        try
        {
            return args[0] switch
            {
                AdminCommand.Name => await AdminCommand.Run(services, args),
                "create-token" => await CreateToken(services, args),
                "verify-activity" => await VerifyActivity(services, args),
                "rotate-activity-key" => await RotateKey(services),
                "backup" => await Backup.Create(services, services.GetRequiredService<IConfiguration>(), args),
                _ => 2,
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary><c>create-token --email ada@example.com --name "Nightly export" --days 90</c>: prints a new personal API token once.</summary>
    private static async Task<int> CreateToken(IServiceProvider services, string[] args)
    {
        var email = Option(args, "email");
        if (email is null || !int.TryParse(Option(args, "days") ?? "90", out var days))
        {
            await Console.Error.WriteLineAsync("Usage: create-token --email <user's e-mail> --name <what will use it> [--days <1 to 366, default 90>]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null || !user.IsActive)
        {
            await Console.Error.WriteLineAsync($"There is no active user with the e-mail address {email}.");
            return 1;
        }

        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActAs(new CommandUser(user.Id, user.DisplayName, await users.GetRolesAsync(user)));
        var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>().Handle(Option(args, "name"), days);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                await Console.Error.WriteLineAsync($"{(error.Field.Length > 0 ? "--" + error.Field.ToLowerInvariant() + ": " : "")}{error.Message}");
            }

            return 1;
        }

        // The only time the token is shown: on standard output, for the deployment to store.
        Console.WriteLine(created.Value);
        await Console.Error.WriteLineAsync($"Token for {user.DisplayName}, valid for {days} days. It is not shown again.");
        return 0;
    }

    /// <summary><c>verify-activity [--checkpoint]</c>: 0 when the log is intact, 1 with the first broken entry or record.</summary>
    private static async Task<int> VerifyActivity(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
        var report = (await scope.ServiceProvider.GetRequiredService<VerifyActivityChain>().Handle())!;
        if (!report.Intact)
        {
            var first = report.Problems[0];
            Console.WriteLine($"ALTERED: {first.Where}: {first.Reason}");
            foreach (var more in report.Problems.Skip(1))
            {
                Console.WriteLine($"  also {more.Where}: {more.Reason}");
            }

            return 1;
        }

        Console.WriteLine($"INTACT: {report.Checked} entries (head {report.LastSequence} {report.LastHash}), {report.Checkpoints} checkpoint(s), {report.Records} records.");
        if (args.Contains("--checkpoint"))
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<WriteActivityCheckpoint>().Handle();
            if (outcome.Checkpoint is not { } written)
            {
                Console.WriteLine($"No checkpoint written: {outcome.Refusal}");
                return 1;
            }

            Console.WriteLine($"Checkpoint: entry {written.Sequence} {written.Hash}, signed with key {written.KeyId}: {written.Signature}");
        }

        return 0;
    }

    /// <summary><c>rotate-activity-key</c>: a new key signs from now on; the old ones stay in the file to verify what they signed.</summary>
    private static async Task<int> RotateKey(IServiceProvider services)
    {
        var keys = services.GetRequiredService<ActivityKeyRing>();
        var key = keys.Rotate(services.GetRequiredService<TimeProvider>());
        Console.WriteLine($"New activity-log key {key.Id} written to {keys.File}; {keys.All.Count} key(s) in the file. Copy the file to every web node, back it up, and restart the nodes to sign with the new key.");
        await Task.CompletedTask;
        return 0;
    }

    /// <summary>The user a command acts for, with their roles' permissions.</summary>
    private sealed class CommandUser(string id, string name, IEnumerable<string> roles) : ICurrentUser
    {
        private readonly List<string> roles = [.. roles];

        public string? UserId => id;

        public string DisplayName => name;

        public bool Has(string permission) => RolePermissions.AnyGrants(roles, permission);
    }
}
