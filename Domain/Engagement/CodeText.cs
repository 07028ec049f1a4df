using System;
using System.Text;

namespace Rapport.Domain.Engagement;

/// <summary>Enum members as stable snake_case codes ("WhitePaper" ↔ "white_paper"), read case-insensitively.</summary>
internal static class CodeText
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var key = InteractionKinds.Squash(text);
        foreach (T candidate in Enum.GetValues(typeof(T)))
        {
            if (string.Equals(InteractionKinds.Squash(Of(candidate)), key, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }
}
