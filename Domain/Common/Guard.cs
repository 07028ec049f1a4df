using System;
using System.Diagnostics.CodeAnalysis;

namespace Rapport.Domain.Common;

/// <summary>Argument checks that read the same on net462 and net10.0 (net462 has no ThrowIfNull and no nullable annotations).</summary>
public static class Guard
{
    public static T NotNull<T>([NotNull] T? value, string paramName)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return value;
    }

    /// <summary>True when the text is null, empty or only white space (annotated for the compiler on every target).</summary>
    public static bool IsBlank([NotNullWhen(false)] string? value) => value is null || value.Trim().Length == 0;
}
