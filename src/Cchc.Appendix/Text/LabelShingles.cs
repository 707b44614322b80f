namespace Cchc.Appendix.Text;

/// <summary>
/// Character trigrams of a label key, for a typo-tolerant similarity: one wrong letter breaks three
/// trigrams out of dozens, a different indicator shares few.
/// </summary>
public sealed class LabelShingles
{
    private readonly HashSet<int> _grams;

    private LabelShingles(HashSet<int> grams) => _grams = grams;

    public int Count => _grams.Count;

    public static LabelShingles Of(string key)
    {
        var padded = " " + key + " ";
        var grams = new HashSet<int>();
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            grams.Add(HashCode.Combine(padded[i], padded[i + 1], padded[i + 2]));
        }

        return new LabelShingles(grams);
    }

    /// <summary>Dice coefficient: 1 for the same trigrams, 0 for none in common.</summary>
    public double Similarity(LabelShingles other)
    {
        if (_grams.Count == 0 || other._grams.Count == 0)
        {
            return 0;
        }

        var (small, large) = _grams.Count <= other._grams.Count ? (_grams, other._grams) : (other._grams, _grams);
        var common = 0;
        foreach (var gram in small)
        {
            if (large.Contains(gram))
            {
                common++;
            }
        }

        return 2.0 * common / (_grams.Count + other._grams.Count);
    }
}
