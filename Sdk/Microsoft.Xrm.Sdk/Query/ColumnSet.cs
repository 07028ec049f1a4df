using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

public sealed class ColumnSet : IExtensibleDataObject
{
    public ColumnSet()
    {
        Columns = new DataCollection<string>();
    }

    public ColumnSet(bool allColumns)
        : this()
    {
        AllColumns = allColumns;
    }

    public ColumnSet(params string[] columns)
        : this()
    {
        Columns.AddRange(columns);
    }

    public bool AllColumns { get; set; }

    public DataCollection<string> Columns { get; }

    public ExtensionDataObject? ExtensionData { get; set; }

    public void AddColumns(params string[] columns) => Columns.AddRange(columns);

    public void AddColumn(string column) => Columns.Add(column);
}
