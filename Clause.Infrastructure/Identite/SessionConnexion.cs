namespace Clause.Infrastructure.Identite;

/// <summary>
/// One sign-in, kept on the server (<see cref="MagasinSessions"/>): the cookie holds only a random key, this row holds the
/// authentication ticket. Deleting the row ends the session at once — sign-out, « Mon compte », a deactivation or a new
/// password. Only the SHA-256 of the key is stored (<see cref="Empreinte"/>), so the table does not hand out live cookies.
/// Not tenant data: an account's own sessions, like the Identity tables.
/// </summary>
public sealed class SessionConnexion
{
    /// <summary>Absolute lifetime of a session, whatever the activity (issue 16).</summary>
    public static readonly TimeSpan DureeMax = TimeSpan.FromHours(12);

    /// <summary>The idle timeout of an account attached to no structure (the administrator): the réglage's default.</summary>
    public const int InactiviteParDefautMinutes = 120;

    /// <summary>Last activity is written at most once per this interval (not one UPDATE per request).</summary>
    public static readonly TimeSpan PrecisionActivite = TimeSpan.FromMinutes(1);

    public const int NavigateurLongueurMax = 60;

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid UtilisateurId { get; private set; }

    /// <summary>Hex SHA-256 of the key carried by the cookie; unique.</summary>
    public string Empreinte { get; private set; } = string.Empty;

    /// <summary>The serialised authentication ticket (claims and properties).</summary>
    public byte[] Ticket { get; private set; } = [];

    /// <summary>The account's security stamp when the ticket was written: a new stamp (password, deactivation, role) voids it.</summary>
    public string Tampon { get; private set; } = string.Empty;

    public DateTimeOffset CreeLe { get; private set; }

    public DateTimeOffset DerniereActiviteLe { get; private set; }

    /// <summary><see cref="CreeLe"/> + <see cref="DureeMax"/>; never moved by activity.</summary>
    public DateTimeOffset ExpireLe { get; private set; }

    /// <summary>The idle timeout in force when the session opened (réglage of the user's structure).</summary>
    public int InactiviteMinutes { get; private set; }

    /// <summary>The browser and system family (« Firefox sur Windows »), never the whole User-Agent text.</summary>
    public string Navigateur { get; private set; } = string.Empty;

    private SessionConnexion() { }

    internal static SessionConnexion Ouvrir(Guid utilisateurId, string empreinte, byte[] ticket, string tampon, DateTimeOffset maintenant,
        int inactiviteMinutes, string navigateur) => new()
        {
            UtilisateurId = utilisateurId,
            Empreinte = empreinte,
            Ticket = ticket,
            Tampon = tampon,
            CreeLe = maintenant,
            DerniereActiviteLe = maintenant,
            ExpireLe = maintenant + DureeMax,
            InactiviteMinutes = inactiviteMinutes,
            Navigateur = navigateur.Length > NavigateurLongueurMax ? navigateur[..NavigateurLongueurMax] : navigateur,
        };

    /// <summary>Open at <paramref name="maintenant"/>: before its absolute end and active within its idle timeout.</summary>
    public static bool Ouverte(DateTimeOffset derniereActiviteLe, DateTimeOffset expireLe, int inactiviteMinutes, DateTimeOffset maintenant) =>
        maintenant < expireLe && maintenant < derniereActiviteLe.AddMinutes(inactiviteMinutes);

    /// <summary>
    /// The family of a User-Agent text, in French: the browser (Edge, Opera, Firefox, Chrome, Safari) and the system
    /// (Windows, Android, iOS, macOS, Linux). Anything else is « Autre navigateur ».
    /// </summary>
    public static string Famille(string? userAgent)
    {
        var ua = userAgent ?? string.Empty;
        bool A(string s) => ua.Contains(s, StringComparison.OrdinalIgnoreCase);
        var navigateur = A("Edg/") ? "Edge" : A("OPR/") ? "Opera" : A("Firefox/") ? "Firefox" : A("Chrome/") || A("Chromium/") ? "Chrome"
            : A("Safari/") ? "Safari" : "Autre navigateur";
        var systeme = A("Windows") ? "Windows" : A("Android") ? "Android" : A("iPhone") || A("iPad") ? "iOS" : A("Mac OS") ? "macOS"
            : A("Linux") ? "Linux" : null;
        return systeme is null ? navigateur : $"{navigateur} sur {systeme}";
    }
}
