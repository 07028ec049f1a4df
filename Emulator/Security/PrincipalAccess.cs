using Microsoft.Xrm.Sdk;

namespace Rapport.Emulator.Security;

/// <summary>
/// The PrincipalAccess of GrantAccess/ModifyAccess (Microsoft.Crm.Sdk.PrincipalAccess is not in the SDK contract):
/// a systemuser or team and the rights it gets. The handlers also take the two as separate parameters,
/// "Principal" (EntityReference) and "AccessMask" (AccessRights or int).
/// </summary>
public sealed record PrincipalAccess(EntityReference Principal, AccessRights AccessMask);
