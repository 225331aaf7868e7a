using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Clause.Infrastructure.Identite;

/// <summary>
/// The authenticator (TOTP, RFC 6238) token provider, registered under Identity's own name
/// (<see cref="TokenOptions.DefaultAuthenticatorProvider"/>) in place of <see cref="AuthenticatorTokenProvider{TUser}"/>,
/// for two reasons: Identity's reads the system clock itself (this one reads the <see cref="TimeProvider"/> of DI, so tests
/// use a fake clock), and it accepts the same code again and again within its window (this one remembers the last step
/// accepted, <see cref="Utilisateur.DernierPasAuthentificateur"/>, and refuses that step and every earlier one). The key is
/// Identity's (<c>GetAuthenticatorKeyAsync</c>, base32), the codes are those of any authenticator app: 6 digits,
/// HMAC-SHA1, 30 seconds, one step of drift either way. The step is saved with the account's concurrency stamp: of two
/// requests presenting the same code at once, one is refused.
/// </summary>
public sealed class FournisseurAuthentificateur(TimeProvider horloge) : IUserTwoFactorTokenProvider<Utilisateur>
{
    /// <summary>Steps of drift accepted either side of the current one (30 seconds each).</summary>
    public const int Tolerance = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Utilisateur> manager, Utilisateur user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false));
    }

    /// <summary>The current code (tests, and the server never sends it anywhere).</summary>
    public async Task<string> GenerateAsync(string purpose, UserManager<Utilisateur> manager, Utilisateur user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var cle = await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        return cle is null ? string.Empty : Totp.Code(Totp.Decoder(cle), Totp.Pas(horloge.GetUtcNow()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Utilisateur> manager, Utilisateur user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var code = Totp.Nettoyer(token);
        if (code is null) return false;
        var cleTexte = await manager.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(cleTexte)) return false;
        var cle = Totp.Decoder(cleTexte);
        var courant = Totp.Pas(horloge.GetUtcNow());
        for (var pas = courant - Tolerance; pas <= courant + Tolerance; pas++)
        {
            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Totp.Code(cle, pas)), System.Text.Encoding.ASCII.GetBytes(code)))
                continue;
            // A code of a step already used (or older than the last one used) is a replay.
            if (user.DernierPasAuthentificateur is { } dernier && pas <= dernier) return false;
            user.DernierPasAuthentificateur = pas;
            return (await manager.UpdateAsync(user).ConfigureAwait(false)).Succeeded;
        }
        return false;
    }
}

/// <summary>RFC 6238 time-based codes over an RFC 4648 base32 key (Identity's authenticator key format).</summary>
public static class Totp
{
    public const int Chiffres = 6;

    public static readonly TimeSpan DureePas = TimeSpan.FromSeconds(30);

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static long Pas(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / (long)DureePas.TotalSeconds;

    public static string Code(byte[] cle, long pas)
    {
        Span<byte> compteur = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(compteur, pas);
#pragma warning disable CA5350 // HMAC-SHA1 is what RFC 6238 and every authenticator app use.
        var empreinte = HMACSHA1.HashData(cle, compteur);
#pragma warning restore CA5350
        var decalage = empreinte[^1] & 0x0F;
        var binaire = ((empreinte[decalage] & 0x7F) << 24) | (empreinte[decalage + 1] << 16) | (empreinte[decalage + 2] << 8) | empreinte[decalage + 3];
        return (binaire % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A typed code without its spaces or dashes, or null when it is not 6 digits.</summary>
    public static string? Nettoyer(string? saisie)
    {
        var code = new string((saisie ?? string.Empty).Where(c => c is not (' ' or '-' or '\u00A0')).ToArray());
        return code.Length == Chiffres && code.All(char.IsAsciiDigit) ? code : null;
    }

    public static byte[] Decoder(string base32)
    {
        ArgumentNullException.ThrowIfNull(base32);
        var texte = base32.Trim().TrimEnd('=').Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var octets = new List<byte>(texte.Length * 5 / 8);
        int tampon = 0, bits = 0;
        foreach (var c in texte)
        {
            var valeur = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (valeur < 0) throw new FormatException("Clé d'authentification invalide (base32 attendu).");
            tampon = (tampon << 5) | valeur;
            bits += 5;
            if (bits >= 8)
            {
                octets.Add((byte)(tampon >> (bits - 8)));
                bits -= 8;
                tampon &= (1 << bits) - 1;
            }
        }
        return [.. octets];
    }

    /// <summary>The key as shown to be typed by hand: lower case, in groups of 4 (« abcd efgh … »).</summary>
    public static string Grouper(string cle)
    {
        ArgumentNullException.ThrowIfNull(cle);
        var texte = cle.ToLowerInvariant();
        return string.Join(' ', Enumerable.Range(0, (texte.Length + 3) / 4).Select(i => texte.Substring(i * 4, Math.Min(4, texte.Length - i * 4))));
    }

    /// <summary>The otpauth:// address an authenticator app reads from the QR code (Key Uri Format).</summary>
    public static string AdresseOtpAuth(string emetteur, string compte, string cle) =>
        $"otpauth://totp/{Uri.EscapeDataString(emetteur)}:{Uri.EscapeDataString(compte)}?secret={cle}&issuer={Uri.EscapeDataString(emetteur)}&digits={Chiffres}";
}
