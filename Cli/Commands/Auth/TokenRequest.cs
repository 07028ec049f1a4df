using System;

namespace Rapport.Cli.Commands.Auth;

/// <summary>How `rapport auth token` signs in: one of Microsoft Entra's flows, or the local environment's endpoint.</summary>
internal enum AuthFlow
{
    /// <summary>Client credentials with a client secret (RAPPORT_CLIENT_SECRET or standard input).</summary>
    Secret,

    /// <summary>Client credentials with a certificate: a signed JWT client assertion.</summary>
    Certificate,

    /// <summary>Workload identity federation: the pipeline's federated token is the client assertion.</summary>
    Federated,

    /// <summary>The Azure resource's managed identity (system-assigned, or user-assigned by client id).</summary>
    ManagedIdentity,

    /// <summary>A person signs in on another device with a code (public client, cached).</summary>
    DeviceCode,

    /// <summary>A person signs in in this machine's browser (public client, cached).</summary>
    Interactive,
}

/// <summary>What to sign in to and how. Secrets are in here only once read from the environment or standard input.</summary>
internal sealed record TokenRequest
{
    /// <summary>Microsoft Entra's public cloud; sovereign clouds pass their own (https only).</summary>
    public static readonly Uri PublicCloud = new("https://login.microsoftonline.com/");

    /// <summary>Azure CLI's public client id: the default for device code and interactive sign-in (as Deploy.ps1 had).</summary>
    public const string DefaultPublicClientId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    public required Uri Environment { get; init; }

    public AuthFlow Flow { get; init; } = AuthFlow.Secret;

    public string? TenantId { get; init; }

    public string? ClientId { get; init; }

    public Uri Authority { get; init; } = PublicCloud;

    public string? Secret { get; init; }

    public string? CertificateThumbprint { get; init; }

    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    public string? FederatedTokenFile { get; init; }

    /// <summary>A claims challenge from a 401's WWW-Authenticate (Continuous Access Evaluation, conditional access).</summary>
    public string? Claims { get; init; }

    /// <summary>The persistent cache of the public-client flows (device code, interactive).</summary>
    public string? CacheFile { get; init; }

    /// <summary>The environment's origin, e.g. https://contoso.crm.dynamics.com (Dataverse's resource id).</summary>
    public string Resource => Environment.GetLeftPart(UriPartial.Authority);

    /// <summary>Dataverse's scope: the environment URL + /.default (the app's permissions, as an application user).</summary>
    public string Scope => Resource + "/.default";

    /// <summary>The tenant's authority, e.g. https://login.microsoftonline.com/contoso.onmicrosoft.com/.</summary>
    public string TenantAuthority => Authority.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(TenantId ?? "organizations") + "/";
}

/// <summary>The token and when it expires (UTC).</summary>
internal sealed record AccessToken(string Value, DateTimeOffset ExpiresOn);

/// <summary>A failure the user can act on: its message is one sentence saying what to do.</summary>
internal sealed class AuthException : Exception
{
    public AuthException(string message)
        : base(message)
    {
    }

    public AuthException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public AuthException()
    {
    }
}
