using Cchc.Appendix.Checking;
using Cchc.Appendix.Findings;
using Cchc.Appendix.Numbers;
using Cchc.Appendix.Table;
using Cchc.Appendix.Templates;

namespace Cchc.Appendix.Rules;

/// <summary>Text where a number belongs ("khoảng 300", "l.730").</summary>
internal sealed class ValueNotNumberRule : Rule
{
    public override string Code => "VALUE_NOT_NUMBER";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new(
        "Chỉ tiêu “{label}” phải là {kind}, nhưng ô ghi “{value}”. Hãy ghi một số (giải thích để ở cột Ghi chú).",
        "“{label}” must be {kindEn}, but the cell says “{value}”. Write a number (explanations go in the note).");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var cell in context.Cells)
        {
            if (cell.State != ValueState.Invalid || cell.Type is null or IndicatorType.Heading or IndicatorType.Text)
            {
                continue;
            }

            yield return At(cell, Args(
                ("value", Quote(cell.Cell.Text)),
                ("kind", KindVi(cell.Type!.Value)),
                ("kindEn", KindEn(cell.Type!.Value))));
        }
    }

    internal static string KindVi(IndicatorType type) => type switch
    {
        IndicatorType.Percent => "một tỷ lệ phần trăm (0–100)",
        IndicatorType.YesNo => "mã 1 (có) hoặc 0 (không)",
        IndicatorType.Code => "một mã trong danh sách",
        _ => "một số nguyên không âm",
    };

    internal static string KindEn(IndicatorType type) => type switch
    {
        IndicatorType.Percent => "a percentage (0–100)",
        IndicatorType.YesNo => "the code 1 (yes) or 0 (no)",
        IndicatorType.Code => "one of the listed codes",
        _ => "a whole number ≥ 0",
    };
}

/// <summary>A count below zero.</summary>
internal sealed class CountNegativeRule : Rule
{
    public override string Code => "COUNT_NEGATIVE";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new("Chỉ tiêu “{label}” là số đếm nên không thể âm ({value}).", "“{label}” is a count and cannot be negative ({value}).");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var cell in context.Cells)
        {
            if (cell.Type == IndicatorType.Count && cell.Number < 0)
            {
                yield return At(cell, Args(("value", cell.Cell.Text)));
            }
        }
    }
}

/// <summary>A fraction in a count ("12,5 hồ sơ").</summary>
internal sealed class CountNotWholeRule : Rule
{
    public override string Code => "COUNT_NOT_WHOLE";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new("Chỉ tiêu “{label}” là số đếm nên phải là số nguyên, nhưng ô ghi {value}.", "“{label}” is a count and must be whole, but the cell says {value}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var cell in context.Cells)
        {
            if (cell.Type == IndicatorType.Count && cell.Number is decimal n && n >= 0 && decimal.Truncate(n) != n)
            {
                yield return At(cell, Args(("value", cell.Cell.Text)));
            }
        }
    }
}

/// <summary>A percentage outside 0–100; a rate column comparing with a plan or last year may pass 100, never fall below 0.</summary>
internal sealed class PercentRangeRule : Rule
{
    public override string Code => "PERCENT_OUT_OF_RANGE";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new("Tỷ lệ “{label}” phải từ 0 đến 100, nhưng ô ghi {value}.", "The rate “{label}” must be between 0 and 100, but the cell says {value}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var cell in context.Cells)
        {
            if (cell.Type == IndicatorType.Percent && cell.Number is decimal n && (n < 0 || (n > 100 && cell.Role != ValueRole.Rate)))
            {
                yield return At(cell, Args(("value", N(n))));
            }
        }
    }
}

/// <summary>A yes/no code other than 0 or 1.</summary>
internal sealed class YesNoRule : Rule
{
    public override string Code => "YESNO_INVALID";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new("Chỉ tiêu “{label}” chỉ nhận 1 (có) hoặc 0 (không), nhưng ô ghi {value}.", "“{label}” takes 1 (yes) or 0 (no) only, but the cell says {value}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var cell in context.Cells)
        {
            if (cell.Type == IndicatorType.YesNo && cell.Number is decimal n && n is not (0 or 1))
            {
                yield return At(cell, Args(("value", cell.Cell.Text)));
            }
        }
    }
}

/// <summary>A code outside the listed codes.</summary>
internal sealed class CodeRule : Rule
{
    public override string Code => "CODE_INVALID";

    public override Severity Severity => Severity.Error;

    public override MessageTemplate Message { get; } = new("Chỉ tiêu “{label}” chỉ nhận các mã {codes}, nhưng ô ghi {value}.", "“{label}” takes the codes {codes} only, but the cell says {value}.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var cell in context.Cells)
        {
            if (cell.Type != IndicatorType.Code || cell.Number is not decimal number)
            {
                continue;
            }

            var codes = cell.Row.Template?.Codes ?? cell.Row.Unit.Codes;
            if (codes.Count > 0 && !Listed(codes, number))
            {
                yield return At(cell, Args(("codes", string.Join(", ", codes)), ("value", cell.Cell.Text)));
            }
        }
    }

    /// <summary>True when <paramref name="number"/> is one of <paramref name="codes"/>; a loop, as a lambda here would capture every cell.</summary>
    private static bool Listed(IReadOnlyList<int> codes, decimal number)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] == number)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A number written the English way ("12.5", "1,730"): read correctly, but the report should be uniform.</summary>
internal sealed class NumberFormatRule : Rule
{
    public override string Code => "VALUE_FORMAT";

    public override Severity Severity => Severity.Info;

    public override MessageTemplate Message { get; } = new(
        "Số “{value}” của chỉ tiêu “{label}” không viết theo cách Việt Nam; nên ghi “{formatted}”.",
        "The number “{value}” of “{label}” is not written the Vietnamese way; write “{formatted}”.");

    public override IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var cell in context.Cells)
        {
            if (cell.Notation != NumberNotation.Foreign || cell.Number is null)
            {
                continue;
            }

            var formatted = VietnameseNumber.Format(cell.Number!.Value);
            yield return At(cell, Args(("value", cell.Cell.Text), ("formatted", formatted)), new Proposal(formatted, ProposalSource.Computed));
        }
    }
}
