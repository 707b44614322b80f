using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Header;
using Cchc.Appendix.Table;

namespace Cchc.Appendix.Consolidation;

/// <summary>
/// One unit's appendix, read and checked, kept small: its header, the form it matched, its findings' counts and
/// errors (their Vietnamese message, without proposals), and its rows described. Nothing of the document itself stays, so thousands fit in memory while the
/// documents are read one at a time.
/// </summary>
/// <param name="File">The file's name as the user knows it.</param>
/// <param name="Modified">When the file was last written, where the source knows; breaks a tie between two reports of one unit without a report date.</param>
public sealed record UnitReport(
    string File,
    ReportHeader Header,
    TemplateMatch Template,
    FindingSummary Summary,
    IReadOnlyList<Finding> Errors,
    AppendixDescription Description,
    DateTimeOffset? Modified = null)
{
    /// <summary>As the check's summary says: no error and no warning left.</summary>
    public bool ReadyToSign => Summary.Errors == 0 && Summary.Warnings == 0;

    /// <summary>Checks <paramref name="snapshot"/> and keeps what consolidation needs, its texts from <paramref name="strings"/> where given.</summary>
    public static UnitReport Check(string file, TableSnapshot snapshot, AppendixChecker checker, DateTimeOffset? modified = null, StringPool? strings = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(checker);
        var (report, description) = checker.CheckAndDescribe(snapshot);
        if (strings is not null)
        {
            description = description with
            {
                Rows = description.Rows.Select(r => r with
                {
                    Id = strings.GetOrNull(r.Id),
                    Section = strings.GetOrNull(r.Section),
                    No = strings.Get(r.No),
                    Label = strings.Get(r.Label),
                    LabelKey = strings.Get(r.LabelKey),
                    Unit = strings.Get(r.Unit),
                }).ToList(),
            };
        }

        return new UnitReport(
            file,
            report.Header,
            report.Template,
            report.Summary,
            // What the list of errors shows: where, which rule, the Vietnamese message. Proposals and the English twin
            // would be most of a unit's report for nothing.
            report.Findings.Where(f => f.Severity == Severity.Error).Select(f => f with { MessageEn = string.Empty, Proposal = null }).ToList(),
            description,
            modified);
    }
}

/// <summary>A file that could not be read as an appendix, with the reader's own sentence.</summary>
public sealed record UnreadableFile(string File, string Reason, string ReasonEn);
