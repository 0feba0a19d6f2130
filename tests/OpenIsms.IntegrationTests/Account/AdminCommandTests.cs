using System.Diagnostics;

namespace OpenIsms.IntegrationTests.Account;

/// <summary>The documented non-interactive set-up: "create-admin", run as the app itself in a child process.</summary>
public sealed class AdminCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "openisms-tests", "admin-" + Guid.NewGuid().ToString("N"));

    private async Task<(int Code, string Output)> Run(string password, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, "create-admin", .. args])
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS's temp clean-up
        }
    }
}
