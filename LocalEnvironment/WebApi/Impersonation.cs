using System;
using System.Linq;
using Rapport.Emulator;
using Rapport.Emulator.Faults;
using Rapport.LocalEnvironment.Security;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>
/// Dataverse's impersonation headers: MSCRMCallerID (a systemuserid) or CallerObjectId (a user's Entra object id, i.e.
/// azureactivedirectoryobjectid) make the call run as that user, when the authenticated user holds
/// prvActOnBehalfOfAnotherUser. MSCRMCallerID wins when both are sent.
/// </summary>
internal static class Impersonation
{
    public const string CallerIdHeader = "MSCRMCallerID";
    public const string CallerObjectIdHeader = "CallerObjectId";

    /// <summary>0x80040225: the impersonated user is disabled.</summary>
    private const int UserDisabled = unchecked((int)0x80040225);

    /// <summary>The user the call runs as: <paramref name="authenticated"/>, or the one a header names.</summary>
    public static Guid Resolve(DataverseEmulator env, Guid authenticated, string? callerId, string? callerObjectId)
    {
        Guid target;
        if (!string.IsNullOrWhiteSpace(callerId))
        {
            target = Parse(CallerIdHeader, callerId);
            if (env.Store.Find("systemuser", target) is null)
            {
                throw new WebApiException(404, ErrorCodes.ObjectDoesNotExist, $"systemuser With Id = {target:D} Does Not Exist");
            }
        }
        else if (!string.IsNullOrWhiteSpace(callerObjectId))
        {
            var objectId = Parse(CallerObjectIdHeader, callerObjectId);
            target = env.Store.Rows("systemuser").FirstOrDefault(r => r["azureactivedirectoryobjectid"] is Guid o && o == objectId)?.Id
                ?? throw new WebApiException(404, ErrorCodes.ObjectDoesNotExist, $"systemuser With azureactivedirectoryobjectid = {objectId:D} Does Not Exist");
        }
        else
        {
            return authenticated;
        }

        if (!LocalUsers.MayImpersonate(env, authenticated))
        {
            throw new WebApiException(403, ErrorCodes.PrivilegeDenied, $"Principal user (Id={authenticated:D}, type=8) is missing prvActOnBehalfOfAnotherUser privilege.");
        }

        if (env.Store.Find("systemuser", target)?["isdisabled"] is true)
        {
            throw new WebApiException(403, UserDisabled, $"The user with SystemUserId={target:D} is disabled and cannot be impersonated.");
        }

        return target;
    }

    private static Guid Parse(string header, string value) =>
        Guid.TryParse(value.Trim().Trim('{', '}'), out var id) ? id : throw new WebApiException(400, ErrorCodes.InvalidArgument, $"The {header} header '{value}' is not a GUID.");
}
