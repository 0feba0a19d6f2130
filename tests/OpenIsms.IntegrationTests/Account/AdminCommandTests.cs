using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Account;

/// <summary>The documented non-interactive set-up: "create-admin", run as the app itself in a child process.</summary>
public sealed class AdminCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "openisms-tests", "admin-" + Guid.NewGuid().ToString("N"));

    private string DatabaseFile => Path.Combine(folder, "openisms.db");

    private Task<(int Code, string Output)> Run(string password, params string[] args) => Command(password, ["create-admin", .. args]);

    /// <summary>The app run as a command, as a deployment script runs it; standard output first, then standard error.</summary>
    private async Task<(int Code, string Output)> Command(string password, string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["Data__Folder"] = folder;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["OPENISMS_ADMIN_PASSWORD"] = password;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private long UserCount()
    {
        using var connection = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AspNetUsers";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task CreatesTheFirstAdministrator_OnceOnly_WithARealPassword()
    {
        string[] admin = ["--organisation", "Acme Ltd", "--name", "Ada Admin", "--email", "ada@acme.example"];
        var weak = await Run("short", admin);
        weak.Code.ShouldNotBe(0);
        weak.Output.ShouldContain("10");

        var created = await Run("a-good-password-42", admin);
        created.Code.ShouldBe(0, created.Output);

        var again = await Run("another-password-42", ["--organisation", "Other", "--name", "Eve", "--email", "eve@example.test"]);
        again.Code.ShouldBe(2);
        again.Output.ShouldContain("An administrator already exists");
    }

    [Fact]
    public async Task OnAnEmptyDatabaseFile_CreatesAnAdministratorWhoCanSignIn_AndASecondRunIsRefused()
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(DatabaseFile, []); // an empty SQLite database, as `touch` leaves it

        var created = await Run("first-admin-pass-42", "--organisation", "Acme Ltd", "--name", "Ada Admin", "--email", "ada@acme.example");
        created.Code.ShouldBe(0, created.Output);
        created.Output.ShouldContain("Administrator ada@acme.example created.");
        UserCount().ShouldBe(1);

        var again = await Run("second-admin-pass-42", "--organisation", "Evil Corp", "--name", "Eve", "--email", "eve@example.test");
        again.Code.ShouldBe(2, again.Output);
        again.Output.ShouldContain("An administrator already exists; sign in and add users on the Users page.");
        again.Output.ShouldNotContain("created");
        UserCount().ShouldBe(1);

        await using var app = new FolderApp(folder);
        using var ada = new TestClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        (await ada.Get("/setup")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "set-up is done");
        await ada.SignIn("ada@acme.example", "first-admin-pass-42");
        var home = await ada.Page("/");
        home.QuerySelector(".org")!.TextContent.ShouldBe("Acme Ltd");
        home.QuerySelector(".user-name")!.TextContent.ShouldBe("Ada Admin");
        (await ada.Get("/settings/users")).StatusCode.ShouldBe(HttpStatusCode.OK, "the new user is an administrator");

        using var eve = new TestClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var refused = await eve.SubmitAt("/account/login", "main form", new Dictionary<string, string?> { ["Input.Email"] = "eve@example.test", ["Input.Password"] = "second-admin-pass-42" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, "the refused second run created nobody");
    }

    [Fact]
    public async Task AShortPassword_IsRefused_AndCreatesNothing()
    {
        var weak = await Run("short1", "--organisation", "Acme Ltd", "--name", "Ada Admin", "--email", "ada@acme.example");
        weak.Code.ShouldBe(1, weak.Output);
        weak.Output.ShouldContain("Password: Passwords must be at least 10 characters.");
        weak.Output.ShouldNotContain("created");
        UserCount().ShouldBe(0);

        var noPassword = await Run("", "--organisation", "Acme Ltd", "--name", "Ada Admin", "--email", "ada@acme.example");
        noPassword.Code.ShouldBe(1, noPassword.Output);
        noPassword.Output.ShouldContain("Choose a password.");
        UserCount().ShouldBe(0);

        // Nothing was half-made: a proper run afterwards still works.
        var created = await Run("a-good-password-42", "--organisation", "Acme Ltd", "--name", "Ada Admin", "--email", "ada@acme.example");
        created.Code.ShouldBe(0, created.Output);
        UserCount().ShouldBe(1);
    }

    [Fact]
    public async Task CreateToken_PrintsATokenOnce_ThatTheApiTakes_AndRefusesAnUnknownUser()
    {
        (await Run("a-good-password-42", "--organisation", "Acme Ltd", "--name", "Ada Admin", "--email", "ada@acme.example")).Code.ShouldBe(0);

        var unknown = await Command("", ["create-token", "--email", "nobody@acme.example", "--name", "Backup script"]);
        unknown.Code.ShouldBe(1);
        unknown.Output.ShouldContain("There is no active user with the e-mail address nobody@acme.example");

        var noName = await Command("", ["create-token", "--email", "ada@acme.example"]);
        noName.Code.ShouldBe(1);
        noName.Output.ShouldContain("Name the token");

        var created = await Command("", ["create-token", "--email", "ada@acme.example", "--name", "Nightly export", "--days", "7"]);
        created.Code.ShouldBe(0, created.Output);
        var token = created.Output.Split('\n')[0].Trim();
        token.ShouldStartWith("oim_");

        await using var app = new FolderApp(folder);
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        (await api.GetAsync("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS's temp clean-up
        }
    }

    /// <summary>The app over the database the command wrote.</summary>
    private sealed class FolderApp(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Data:Folder", folder);
        }
    }
}
