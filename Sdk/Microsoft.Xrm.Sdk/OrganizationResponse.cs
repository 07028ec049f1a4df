using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

public class OrganizationResponse : IExtensibleDataObject
{
    private ParameterCollection? _results;

    public OrganizationResponse()
    {
    }

    // Set by the service (it equals the request's name); the typed constructors leave it unset.
    public string ResponseName { get; set; } = null!;

    public ParameterCollection Results
    {
        get => _results ??= new ParameterCollection();
        set => _results = value;
    }

    public ExtensionDataObject? ExtensionData { get; set; }

    public object? this[string parameterName]
    {
        get => Results[parameterName];
        set => Results[parameterName] = value;
    }

    // The real generated getters return default when the result is absent.
    internal T Get<T>(string name) =>
        Results.TryGetValue(name, out var value) && value is not null ? (T)value : default!;
}
