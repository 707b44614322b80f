using System.CommandLine;
using Cchc.Appendix.Checking;
using Cchc.Appendix.Table;

namespace Cchc.Cli;

/// <summary>A rewriting command, ready to plan: the input read, the output settled, the checker over the chosen templates.</summary>
internal sealed record RewriteJob(InputFiles Inputs, DocumentRewrite Rewrite, FileInfo Input, FileInfo Destination, TableSnapshot Current, AppendixChecker Checker);

/// <summary>The input, output, language and template options that fix, fill and roll all take, and their common start.</summary>
internal sealed class RewriteArguments
{
    public Argument<FileInfo> File { get; } = CommonOptions.File();

    public Option<FileInfo?> Output { get; } = CommonOptions.Output();

    public Option<bool> InPlace { get; } = CommonOptions.InPlace();

    public Option<string> Language { get; } = CommonOptions.Language();

    public Option<DirectoryInfo?> Templates { get; } = CommonOptions.TemplateDirectory();

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Output);
        command.Options.Add(InPlace);
        command.Options.Add(Language);
        command.Options.Add(Templates);
    }

    public bool English(ParseResult parsed) => parsed.GetValue(Language) == "en";

    /// <summary>
    /// Loads the templates, settles where to write and reads the input, in that order; null, with the reason
    /// already printed, when any of them fails. <paramref name="previous"/> is the command's --previous, which the
    /// output may never replace.
    /// </summary>
    public RewriteJob? Start(ParseResult parsed, TextWriter output, TextWriter error, FileInfo? previous, CancellationToken cancellationToken)
    {
        var inputs = new InputFiles(English(parsed), error);
        var catalog = inputs.Templates(parsed.GetValue(Templates));
        var rewrite = new DocumentRewrite(inputs, output, error);
        var input = parsed.GetValue(File)!;
        (FileInfo, string)[] others = previous is null ? [] : [(previous, "--previous")];
        var destination = catalog is null ? null : rewrite.Target(input, parsed.GetValue(Output), parsed.GetValue(InPlace), others);
        var current = destination is null ? null : inputs.ReadAppendix(input, cancellationToken);
        return current is null ? null : new RewriteJob(inputs, rewrite, input, destination!, current, new AppendixChecker(catalog!));
    }
}
