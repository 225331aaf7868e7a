using Clause.Domain.Commun;

namespace Clause.Domain.Bilans;

/// <summary>
/// The journal of one bilan e-mailed to contacts of a buyer (issue 10 item 6, docs/domain.md « Envoi des bilans »): who
/// sent it, when, to whom (names and addresses at that time), which scope and period, which file. Written in the same
/// transaction as the outbox's mails, so a send is recorded exactly when its mails are queued. Listed on the buyer's
/// staff page. Never changed once written.
/// </summary>
public sealed class EnvoiBilan : EntiteGuid, IAppartientStructure
{
    public const int LibelleLongueurMax = 400;
    public const int NomLongueurMax = 200;
    public const int DestinatairesLongueurMax = 4000;
    public const int FichierLongueurMax = 200;

    /// <summary>More recipients than a buyer's contacts ever are: beyond, the choice is a mistake.</summary>
    public const int DestinatairesMax = 20;

    private EnvoiBilan()
    {
        LibellePerimetre = string.Empty;
        EnvoyeParNom = string.Empty;
        Destinataires = string.Empty;
        NomFichier = string.Empty;
    }

    public StructureId StructureId { get; private set; }

    /// <summary>The buyer whose contacts received the bilan (the scope lies within it).</summary>
    public DonneurOrdreId DonneurOrdreId { get; private set; }

    public Perimetre Perimetre { get; private set; }

    /// <summary>The scope's record (lot, marché, opération or buyer id).</summary>
    public Guid PerimetreId { get; private set; }

    /// <summary>The scope in words at the time of the send (« Lot 2 — Gros œuvre… »).</summary>
    public string LibellePerimetre { get; private set; }

    public Mois Du { get; private set; }

    public Mois Au { get; private set; }

    public Guid? EnvoyeParId { get; private set; }

    public string EnvoyeParNom { get; private set; }

    public DateTimeOffset EnvoyeLe { get; private set; }

    /// <summary>« Camille Girard &lt;camille.girard@ville.fr&gt; ; … », in the order chosen.</summary>
    public string Destinataires { get; private set; }

    public int NombreDestinataires { get; private set; }

    public string NomFichier { get; private set; }

    public PerimetreBilan PerimetreBilan => new(Perimetre, PerimetreId);

    public PeriodeBilan Periode => new(Du, Au);

    /// <summary>Records a send; the recipients are (name, address) pairs already checked by the sending service.</summary>
    public static EnvoiBilan Creer(StructureId structureId, DonneurOrdreId donneurOrdreId, PerimetreBilan perimetre, string libellePerimetre,
        PeriodeBilan periode, IReadOnlyList<(string Nom, string Email)> destinataires, string nomFichier, Guid? parId, string parNom, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(perimetre);
        ArgumentNullException.ThrowIfNull(periode);
        ArgumentNullException.ThrowIfNull(destinataires);
        if (perimetre.Perimetre == Perimetre.Structure || perimetre.Id is not { } id)
            throw new RegleMetierException("perimetre", "Un bilan envoyé à un donneur d'ordre porte sur un lot, un marché, une opération ou ce donneur d'ordre.");
        if (destinataires.Count == 0)
            throw new RegleMetierException("Destinataires", "Choisissez au moins un contact destinataire.");
        if (destinataires.Count > DestinatairesMax)
            throw new RegleMetierException("Destinataires", $"Choisissez au plus {DestinatairesMax} destinataires.");
        var liste = string.Join(" ; ", destinataires.Select(d => $"{d.Nom} <{d.Email}>"));
        return new EnvoiBilan
        {
            StructureId = Garde.Identifiant(structureId, nameof(StructureId), "Structure"),
            DonneurOrdreId = donneurOrdreId,
            Perimetre = perimetre.Perimetre,
            PerimetreId = id,
            LibellePerimetre = Tronquer(libellePerimetre, LibelleLongueurMax),
            Du = periode.Du,
            Au = periode.Au,
            EnvoyeParId = parId,
            EnvoyeParNom = Tronquer(parNom, NomLongueurMax),
            EnvoyeLe = le,
            Destinataires = Tronquer(liste, DestinatairesLongueurMax),
            NombreDestinataires = destinataires.Count,
            NomFichier = Tronquer(nomFichier, FichierLongueurMax),
        };
    }

    private static string Tronquer(string? texte, int longueur) =>
        texte is null ? string.Empty : texte.Length <= longueur ? texte : texte[..(longueur - 1)] + "…";
}
