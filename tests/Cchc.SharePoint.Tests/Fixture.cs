namespace Cchc.SharePoint.Tests;

/// <summary>The sample reports copied into the test project: Ngã Năm's appendix for quarters II and III of 2022.</summary>
internal static class Fixture
{
    public const string Unit = "UBND THỊ XÃ NGÃ NĂM";
    public const string UnitSlug = "ubnd-thi-xa-nga-nam";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static MemoryStream Open(string name) => new(Bytes(name));
}
