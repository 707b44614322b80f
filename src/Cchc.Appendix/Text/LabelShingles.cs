namespace Cchc.Appendix.Text;

/// <summary>
/// Character trigrams of a label key, for a typo-tolerant similarity: one wrong letter breaks three
/// trigrams out of dozens, a different indicator shares few. Each trigram is its three characters packed into
/// one number, so two trigrams are equal exactly when their letters are; kept sorted and distinct, so two sets
/// are compared in one merge and a template indexes its entries by them.
/// </summary>
public sealed class LabelShingles
{
    private readonly long[] _grams;

    private LabelShingles(long[] grams) => _grams = grams;

    public int Count => _grams.Length;

    /// <summary>The distinct trigrams, ascending.</summary>
    internal ReadOnlySpan<long> Grams => _grams;

    public static LabelShingles Of(string key)
    {
        // The key padded with a space either side, as the trigrams of its first and last letters need.
        var length = key.Length + 2;
        var count = length - 2;
        var grams = new long[Math.Max(count, 0)];
        for (var i = 0; i < count; i++)
        {
            grams[i] = Gram(At(key, i), At(key, i + 1), At(key, i + 2));
        }

        Array.Sort(grams);
        var distinct = 0;
        for (var i = 0; i < grams.Length; i++)
        {
            if (distinct == 0 || grams[i] != grams[distinct - 1])
            {
                grams[distinct++] = grams[i];
            }
        }

        return new LabelShingles(distinct == grams.Length ? grams : grams[..distinct]);
    }

    /// <summary>Dice coefficient: 1 for the same trigrams, 0 for none in common.</summary>
    public double Similarity(LabelShingles other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (_grams.Length == 0 || other._grams.Length == 0)
        {
            return 0;
        }

        var common = 0;
        for (int i = 0, j = 0; i < _grams.Length && j < other._grams.Length;)
        {
            if (_grams[i] == other._grams[j])
            {
                common++;
                i++;
                j++;
            }
            else if (_grams[i] < other._grams[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Dice(common, _grams.Length, other._grams.Length);
    }

    internal static double Dice(int common, int count, int otherCount) => 2.0 * common / (count + otherCount);

    /// <summary>The character at <paramref name="i"/> of the key padded with one space either side.</summary>
    private static char At(string key, int i) => i == 0 || i > key.Length ? ' ' : key[i - 1];

    private static long Gram(char a, char b, char c) => ((long)a << 32) | ((long)b << 16) | c;
}
