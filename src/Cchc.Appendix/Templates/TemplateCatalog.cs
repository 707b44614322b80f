namespace Cchc.Appendix.Templates;

/// <summary>The templates a checker may match against: those embedded in the assembly and any loaded from disk.</summary>
public sealed class TemplateCatalog
{
    public static TemplateCatalog Embedded { get; } = new();
}
