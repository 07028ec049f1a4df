using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk;

public interface ITracingService
{
    void Trace(string format, params object?[] args);
}

public interface IOrganizationService
{
    Guid Create(Entity entity);
    Entity Retrieve(string entityName, Guid id, ColumnSet columnSet);
    void Update(Entity entity);
    void Delete(string entityName, Guid id);
    OrganizationResponse Execute(OrganizationRequest request);
    void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);
    void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);
    EntityCollection RetrieveMultiple(QueryBase query);
}

public interface IOrganizationServiceFactory
{
    // A null userId means the SYSTEM user.
    IOrganizationService CreateOrganizationService(Guid? userId);
}

public interface IServiceEndpointNotificationService
{
    string Execute(EntityReference serviceEndpoint, IExecutionContext context);
}

public interface IEnvironmentVariableService
{
    string RetrieveEnvironmentVariableValue(string environmentVariableSchemaName);
}

// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.imanagedidentityservice: no base interface, two overloads.
public interface IManagedIdentityService
{
    string AcquireToken(IEnumerable<string> scopes);

    string AcquireToken(Guid managedIdentityId, IEnumerable<string> scopes);
}
