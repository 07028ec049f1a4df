using System;
using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Plugins.Common;

/// <summary>
/// Wraps the organization service once so every request is counted, timed and traced: this is where a plugin's
/// request-count figures come from. One instance lives for one plugin execution only.
/// </summary>
public sealed class CountingOrganizationService : IOrganizationService
{
    private readonly IOrganizationService _inner;
    private readonly ITracingService _tracing;
    private readonly string _label;
    private int _requests;

    public CountingOrganizationService(IOrganizationService inner, ITracingService tracing, string label)
    {
        _inner = inner;
        _tracing = tracing;
        _label = label;
    }

    /// <summary>Requests sent through this service so far.</summary>
    public int RequestCount => _requests;

    public Guid Create(Entity entity) => Timed("Create " + entity.LogicalName, () => _inner.Create(entity));

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        Timed("Retrieve " + entityName, () => _inner.Retrieve(entityName, id, columnSet));

    public void Update(Entity entity) => Timed("Update " + entity.LogicalName, () => { _inner.Update(entity); return true; });

    public void Delete(string entityName, Guid id) => Timed("Delete " + entityName, () => { _inner.Delete(entityName, id); return true; });

    public OrganizationResponse Execute(OrganizationRequest request) =>
        Timed("Execute " + request.RequestName, () => _inner.Execute(request));

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Timed("Associate " + relationship.SchemaName, () => { _inner.Associate(entityName, entityId, relationship, relatedEntities); return true; });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Timed("Disassociate " + relationship.SchemaName, () => { _inner.Disassociate(entityName, entityId, relationship, relatedEntities); return true; });

    public EntityCollection RetrieveMultiple(QueryBase query) =>
        Timed("RetrieveMultiple " + Describe(query), () => _inner.RetrieveMultiple(query));

    private T Timed<T>(string what, Func<T> call)
    {
        _requests++;
        var watch = Stopwatch.StartNew();
        try
        {
            return call();
        }
        finally
        {
            _tracing.Trace("{0} #{1} {2} ({3} ms)", _label, _requests, what, watch.ElapsedMilliseconds);
        }
    }

    private static string Describe(QueryBase query) => query switch
    {
        QueryExpression q => q.EntityName,
        QueryByAttribute q => q.EntityName,
        FetchExpression => "fetch",
        _ => query.GetType().Name,
    };
}
