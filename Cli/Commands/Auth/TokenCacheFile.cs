using System;
using System.IO;
using Microsoft.Identity.Client;

namespace Rapport.Cli.Commands.Auth;

/// <summary>
/// MSAL's user token cache kept in a file readable by its owner only (0600, folder 0700), so a device code or
/// browser sign-in is reused, and its refresh token renews the access token, across runs. Not encrypted: encrypted
/// storage on Linux needs the desktop keyring (libsecret) that servers and containers lack; on Windows and macOS the
/// file is protected by the same owner-only permissions. Default: ~/.rapport/msal-cache.json.
/// </summary>
internal static class TokenCacheFile
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    public static string DefaultPath =>
        Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".rapport", "msal-cache.json");

    public static void Bind(ITokenCache cache, string path)
    {
        cache.SetBeforeAccess(args =>
        {
            if (File.Exists(path))
            {
                args.TokenCache.DeserializeMsalV3(File.ReadAllBytes(path), shouldClearExistingCache: true);
            }
        });
        cache.SetAfterAccess(args =>
        {
            if (args.HasStateChanged)
            {
                Write(path, args.TokenCache.SerializeMsalV3());
            }
        });
    }

    /// <summary>Written to a temporary file created 0600, then moved over the old one: never readable by others, never half written.</summary>
    private static void Write(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }

        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(bytes);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies to new files only: a leftover temporary file keeps its mode otherwise.
            File.SetUnixFileMode(temporary, OwnerOnlyFile);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
