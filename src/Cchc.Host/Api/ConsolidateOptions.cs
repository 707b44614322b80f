using System.ComponentModel.DataAnnotations;

namespace Cchc.Host.Api;

/// <summary>The <c>Consolidation</c> section: how much one consolidation may ask. Who may consolidate is <c>UnitAccess:Province</c>.</summary>
public sealed class ConsolidateOptions
{
    public const string SectionName = "Consolidation";

    /// <summary>Files one upload may carry: every commune-level unit of the country, with room to spare.</summary>
    [Range(1, 20_000)]
    public int MaxFiles { get; set; } = 4_000;

    /// <summary>Time one consolidation may take before it answers 504; 3,321 units read in well under a minute (docs/performance.md).</summary>
    [Range(1, 3_600)]
    public int TimeoutSeconds { get; set; } = 180;

    /// <summary>Documents read at once within one consolidation; empty takes the number of cores.</summary>
    [Range(1, 64)]
    public int? Workers { get; set; }
}
