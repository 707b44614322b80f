namespace Cchc.Cli.Tests;

/// <summary>Runs <c>cchc</c> in-process, capturing what a user would see on the terminal.</summary>
internal static class CliHarness
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
