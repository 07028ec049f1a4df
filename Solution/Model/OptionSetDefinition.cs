using System.Collections.Generic;

namespace Rapport.Solution.Model;

/// <summary>One choice of a choice column: its stored value and its (English) label.</summary>
public sealed record OptionDefinition(int Value, string Label);

/// <summary>A choice list. Global ones are shared by name; local ones belong to one column.</summary>
public sealed record OptionSetDefinition(string Name, IReadOnlyList<OptionDefinition> Options, bool IsGlobal = false)
{
    public bool Has(int value)
    {
        foreach (var option in Options)
        {
            if (option.Value == value)
            {
                return true;
            }
        }

        return false;
    }
}
