namespace Cchc.Appendix.Templates;

/// <summary>What kind of value an indicator takes; the unit and the label's wording both tell it.</summary>
public enum IndicatorType
{
    /// <summary>A heading row: no value expected.</summary>
    Heading,

    /// <summary>A whole number ≥ 0 (văn bản, hồ sơ, người…).</summary>
    Count,

    /// <summary>0–100, decimals allowed.</summary>
    Percent,

    /// <summary>0 or 1 ("Có = 1 Không = 0"); the words Có/Không stand for 1/0.</summary>
    YesNo,

    /// <summary>One of a listed set of codes ("Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2").</summary>
    Code,

    /// <summary>Free text; only blanks are checked.</summary>
    Text,
}

/// <summary>How a value behaves from one period to the next.</summary>
public enum IndicatorKind
{
    /// <summary>A count of things that exist at the report date (staff, units, procedures in force).</summary>
    Stock,

    /// <summary>What happened during the period; starts blank each period.</summary>
    Flow,

    /// <summary>"Lũy kế": accumulated since the start of the year; never falls within a year.</summary>
    Cumulative,
}
