using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Ui;

/// <summary>
/// Rapport's code components (namespace Rapport, built by pcf-scripts from Controls/ into Controls/out/controls/
/// &lt;Constructor&gt;/) and the column they bind to on the forms: a text column that holds nothing the user types,
/// so the feed and the card can sit on any table's form (a maker binds them to rapport_feedanchor, or to any text
/// column, in the form designer).
/// </summary>
public static class CodeComponents
{
    /// <summary>The built output folder, relative to the repository root (what `cd Controls &amp;&amp; npm run build` writes).</summary>
    public const string BuildOutput = "Controls/out/controls";

    public const string Namespace = "Rapport";
    public const string Feed = "rapport_Rapport.Feed";
    public const string InsightsCard = "rapport_Rapport.InsightsCard";

    /// <summary>The bound property of both manifests.</summary>
    public const string AnchorProperty = "anchor";

    public const string AnchorColumn = "rapport_feedanchor";

    /// <summary>The tables whose Rapport Social form hosts the components.</summary>
    public static readonly string[] Tables = ["contact", "account", "opportunity"];

    public static IEnumerable<CodeComponentDefinition> All()
    {
        yield return new(Feed, Namespace, "Feed", "Feed") { DisplayName = "Rapport Feed" };
        yield return new(InsightsCard, Namespace, "InsightsCard", "InsightsCard") { DisplayName = "Rapport CLV & Engagement Card" };
    }

    /// <summary>rapport_feedanchor on each hosting table: optional, never shown as a text box (the components replace it).</summary>
    public static IEnumerable<TableDefinition> AnchorColumns() => Tables.Select(table =>
    {
        var standard = StandardTables.Find(table)!;
        var column = new ColumnDefinition(AnchorColumn, "Feed Anchor", ColumnType.String)
        {
            MaxLength = 100,
            Description = "Binds Rapport's feed and CLV & engagement card to a form; holds no data.",
        };
        return new TableDefinition(table, standard.DisplayName, standard.PluralName)
        {
            PrimaryNameAttribute = standard.PrimaryNameAttribute,
            Columns = [column],
            AddedColumns = [column.LogicalName],
        };
    });
}
