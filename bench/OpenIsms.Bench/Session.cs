using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace OpenIsms.Bench;

/// <summary>Creates the first administrator with the app's own command, and signs in through the real login form.</summary>
public static partial class Session
{
    public const string Email = "bench@example.test";
    public const string Password = "bench-password-2026";

    public static async Task CreateAdmin(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [AppProcess.WebDll, "create-admin", "--organisation", "Bench Ltd", "--name", "Bench Admin", "--email", Email])
        {
            WorkingDirectory = AppProcess.WebFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OPENISMS_ADMIN_PASSWORD"] = Password;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("create-admin failed: " + await error);
        }
    }

    /// <summary>A personal API token for the administrator, from the app's own create-token command.</summary>
    public static async Task<string> CreateToken(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [AppProcess.WebDll, "create-token", "--email", Email, "--name", "Benchmark", "--days", "1"])
        {
            WorkingDirectory = AppProcess.WebFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException("create-token failed: " + await error);
    }

    /// <summary>Signs in and returns the Cookie header a load generator can send.</summary>
    public static async Task<string> SignIn(string baseUrl)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var form = await http.GetStringAsync("/account/login");
        var fields = HiddenField().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = Email;
        fields["Input.Password"] = Password;
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}, not a redirect.");
        }

        var header = cookies.GetCookieHeader(new Uri(baseUrl));
        var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", header);
        var check = await http.SendAsync(home);
        if (check.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Signed in, but / answered {(int)check.StatusCode}.");
        }

        return header;
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenField();
}
