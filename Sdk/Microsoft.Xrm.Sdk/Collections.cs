using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

// The IDictionary constructors are internal in the real SDK (9.0.2.56); only the parameterless ones are public.

// Keyed by logical name, case-sensitive (the real collection uses the default comparer).
public sealed class AttributeCollection : DataCollection<string, object?>
{
    public AttributeCollection()
    {
    }

    internal AttributeCollection(IDictionary<string, object?> collection)
        : base(collection)
    {
    }
}

public sealed class FormattedValueCollection : DataCollection<string, string>
{
    public FormattedValueCollection()
    {
    }

    internal FormattedValueCollection(IDictionary<string, string> collection)
        : base(collection)
    {
    }
}

public sealed class KeyAttributeCollection : DataCollection<string, object>
{
    public KeyAttributeCollection()
    {
    }

    internal KeyAttributeCollection(IDictionary<string, object> collection)
        : base(collection)
    {
    }
}

public class EntityImageCollection : DataCollection<string, Entity>
{
    public EntityImageCollection()
    {
    }

    internal EntityImageCollection(IDictionary<string, Entity> collection)
        : base(collection)
    {
    }
}

public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
{
    public RelatedEntityCollection()
    {
    }

    // Hides the base member like the real type does; the sandbox marks it read-only on images.
    public new bool IsReadOnly => false;
}

public sealed class ErrorDetailCollection : DataCollection<string, object?>
{
    public ErrorDetailCollection()
    {
    }
}

public sealed class EntityReferenceCollection : DataCollection<EntityReference>
{
    public EntityReferenceCollection()
    {
    }

    public EntityReferenceCollection(IList<EntityReference> list)
        : base(list)
    {
    }
}

public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
{
    public OptionSetValueCollection()
    {
    }

    public OptionSetValueCollection(IList<OptionSetValue> list)
        : base(list)
    {
    }
}

public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
{
    public OrganizationRequestCollection()
    {
    }
}

public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
{
    public OrganizationResponseCollection()
    {
    }
}
