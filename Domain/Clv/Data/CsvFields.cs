namespace Rapport.Domain.Clv.Data;

/// <summary>
/// One record's fields as ranges of a reusable character buffer: the summary reader parses its numbers from here, so
/// a million-line file costs no string per field (see <see cref="Csv.ReadRecord(CsvFields)"/>).
/// </summary>
public sealed class CsvFields
{
    private int[] starts = new int[16];
    private int[] lengths = new int[16];

    /// <summary>The record's characters; field i is <see cref="Start"/>(i), <see cref="Length"/>(i) into it.</summary>
    public char[] Text { get; private set; } = new char[256];

    public int Count { get; private set; }

    public int Start(int field) => starts[field];

    public int Length(int field) => lengths[field];

    /// <summary>Field <paramref name="field"/> as a string (allocates: for ids and messages, not for numbers).</summary>
    public string this[int field] => new(Text, starts[field], lengths[field]);

    internal int End => Count == 0 ? 0 : starts[Count - 1] + lengths[Count - 1];

    internal void Clear() => Count = 0;

    internal void Begin(int at)
    {
        if (Count == starts.Length)
        {
            System.Array.Resize(ref starts, Count * 2);
            System.Array.Resize(ref lengths, Count * 2);
        }

        starts[Count] = at;
        lengths[Count] = 0;
        Count++;
    }

    internal void Append(char c)
    {
        var at = starts[Count - 1] + lengths[Count - 1];
        if (at == Text.Length)
        {
            var grown = Text;
            System.Array.Resize(ref grown, Text.Length * 2);
            Text = grown;
        }

        Text[at] = c;
        lengths[Count - 1]++;
    }

    internal void Append(char[] source, int from, int count)
    {
        var at = starts[Count - 1] + lengths[Count - 1];
        if (at + count > Text.Length)
        {
            var grown = Text;
            System.Array.Resize(ref grown, System.Math.Max(Text.Length * 2, at + count));
            Text = grown;
        }

        System.Array.Copy(source, from, Text, at, count);
        lengths[Count - 1] += count;
    }

    /// <summary>Drops trailing spaces of the current field (unquoted fields are trimmed).</summary>
    internal void TrimEnd()
    {
        var i = Count - 1;
        while (lengths[i] > 0 && Text[starts[i] + lengths[i] - 1] == ' ')
        {
            lengths[i]--;
        }
    }
}
