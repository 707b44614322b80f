using Cchc.Appendix.Editing;
using Cchc.Appendix.Table;
using Cchc.Testing.Forms;

namespace Cchc.OpenXml.Tests.Writing;

/// <summary>Fixes on a form with several value columns land in the value column the finding names, in Word and Excel.</summary>
public class ValueColumnWriteTests
{
    private static byte[] Bytes(FormDocument form, string kind) => kind == "docx" ? DocxWriter.Write(form) : XlsxWriter.Write(form);

    private static AppendixRow RowLabelled(TableSnapshot snapshot, string label) => snapshot.Rows.Single(r => r.Label.Text == label);

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    public void Fix_TotalInTheCumulativeColumn_WritesThatCellOnly(string kind)
    {
        var document = Bytes(SampleForms.CommuneTwoValueColumns(), kind);
        var name = $"c.{kind}";
        var snapshot = WriteHarness.Read(document, name);
        var report = Cchc.Appendix.Checking.AppendixChecker.Default.Check(snapshot);
        var edits = Corrections.Edits(report, snapshot, new HashSet<string> { "TOTAL_MISMATCH" });
        var edit = Assert.Single(edits);
        Assert.Equal((AppendixColumn.Value, 1, "1.040"), (edit.Column, edit.ValueColumn, edit.NewText));

        var (output, result) = WriteHarness.Write(document, name, edits, Corrections.Marks(report), WriteHarness.Options(track: false));

        Assert.Single(result.Applied);
        var written = RowLabelled(WriteHarness.Read(output, name), "Tổng số hồ sơ chứng thực");
        Assert.Equal("540", AsRead(written.Value));
        Assert.Equal("1.040", AsRead(written.ValueAt(1)));
        Assert.Empty(WriteHarness.NewValidationErrors(document, output));
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    public void Fix_EverythingOnADepartmentForm_TheRateColumnGetsTheRate(string kind)
    {
        var document = Bytes(SampleForms.DepartmentPlanAndResult(), kind);
        var name = $"d.{kind}";

        var (output, _, before) = WriteHarness.Fix(document, name, WriteHarness.Options(track: false));

        var rate = before.Findings.Single(f => f.Code == "RATE_MISMATCH");
        Assert.Equal(2, rate.ValueColumn);
        var after = WriteHarness.Check(output, name);
        Assert.DoesNotContain(after.Findings, f => f.Code == "RATE_MISMATCH");
        var row = RowLabelled(WriteHarness.Read(output, name), "Số văn bản QPPL do Sở chủ trì tham mưu ban hành");
        Assert.Equal(("12", "9"), (row.Value.Text, row.ValueAt(1).Text));
    }

    /// <summary>A cell as a reader of the report sees it: Excel stores the fix's "1.040" as the number 1040.</summary>
    private static string AsRead(CellValue cell) => cell.Number is double n ? Cchc.Appendix.Numbers.VietnameseNumber.Format((decimal)n) : cell.Text;
}
