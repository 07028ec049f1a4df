using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rapport.Cli.Commands.Auth;

/// <summary>The app's certificate with its private key: from the certificate store by thumbprint, or from a PFX file.</summary>
internal static class CertificateLoader
{
    public static X509Certificate2 Load(TokenRequest request)
    {
        var certificate = request.CertificatePath is { Length: > 0 } path ? FromFile(path, request.CertificatePassword)
            : request.CertificateThumbprint is { Length: > 0 } thumbprint ? FromStore(thumbprint)
            : throw new AuthException("Missing the certificate: pass --certificate-thumbprint (certificate store) or --certificate-path (PFX, password in RAPPORT_CERTIFICATE_PASSWORD).");
        if (!certificate.HasPrivateKey)
        {
            throw new AuthException($"The certificate {certificate.Thumbprint} has no private key: import the PFX (with its key), not the .cer.");
        }

        return certificate;
    }

    private static X509Certificate2 FromFile(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new AuthException($"The certificate file {path} does not exist.");
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new AuthException($"The certificate file {path} cannot be opened ({e.Message.TrimEnd('.')}): check it is a PFX and its password is in RAPPORT_CERTIFICATE_PASSWORD.", e);
        }
    }

    /// <summary>CurrentUser\My first, then LocalMachine\My (where a service's certificates are).</summary>
    private static X509Certificate2 FromStore(string thumbprint)
    {
        var wanted = thumbprint.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(":", string.Empty, StringComparison.Ordinal);
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
                if (found.Count > 0)
                {
                    return found[0];
                }
            }
            catch (CryptographicException)
            {
                // The store does not exist on this machine (e.g. LocalMachine\My on Linux): look in the next one.
            }
        }

        throw new AuthException($"No certificate with thumbprint {wanted} in the CurrentUser or LocalMachine 'My' store: import it there, or pass --certificate-path.");
    }
}
