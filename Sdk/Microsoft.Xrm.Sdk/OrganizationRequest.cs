using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

// Typed request classes are views over Parameters, so a late-bound request is the same thing.
public class OrganizationRequest : IExtensibleDataObject
{
    private ParameterCollection? _parameters;

    public OrganizationRequest()
    {
    }

    public OrganizationRequest(string requestName)
    {
        RequestName = requestName;
    }

    public string RequestName { get; set; } = null!;

    public ParameterCollection Parameters
    {
        get => _parameters ??= new ParameterCollection();
        set => _parameters = value;
    }

    public Guid? RequestId { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    public object? this[string parameterName]
    {
        get => Parameters[parameterName];
        set => Parameters[parameterName] = value;
    }

    // The real generated getters return default when the parameter is absent.
    internal T? Get<T>(string name) =>
        Parameters.TryGetValue(name, out var value) && value is not null ? (T)value : default;
}
