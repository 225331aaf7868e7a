using Clause.Domain.Commun;
using Clause.Domain.Contrats;

namespace Clause.Domain.Heures;

/// <summary>Status of a company's declaration of a month (issue 9).</summary>
public enum StatutSoumission
{
    [Libelle("Brouillon")] Brouillon,
    [Libelle("Soumise")] Soumise,
}

/// <summary>What the company typed for one contrat of the month: hours, or the invoiced amount HT (§7.4), or neither.</summary>
public sealed record SaisieBrouillon(ContratId ContratId, long? Minutes, long? MontantFactureCentimes);

/// <summary>
/// A company's declaration of one month on the portal (issue 9 item 4). While « brouillon » it keeps what was typed
/// (<see cref="Lignes"/>, replaced at each save: one draft per company and month, a unique filtered index). Once
/// « soumise » it is immutable: its lines went through <see cref="GrilleHeures"/> into the lines of hours, whose
/// versions carry its id (<see cref="VersionDeclaration.SoumissionId"/>), and the facilitateur decides on them. A
/// correction after a rejection is a new submission. <see cref="SoumiseParEmail"/> is the contact told of a rejection.
/// </summary>
public sealed class SoumissionHeures : Racine<SoumissionId>, IAppartientStructure
{
    public const int EmailLongueurMax = 254;

    private readonly List<LigneBrouillon> _lignes = [];

    private SoumissionHeures() { CreeeParNom = string.Empty; }

    public StructureId StructureId { get; private set; }

    public EntrepriseId EntrepriseId { get; private set; }

    public Mois Mois { get; private set; }

    public StatutSoumission Statut { get; private set; }

    /// <summary>What was typed, in the order of the grid (the last draft, or what was submitted).</summary>
    public IReadOnlyList<LigneBrouillon> Lignes => _lignes.OrderBy(l => l.Position).ToList();

    public Guid CreeeParId { get; private set; }

    public string CreeeParNom { get; private set; }

    public DateTimeOffset CreeeLe { get; private set; }

    public DateTimeOffset ModifieeLe { get; private set; }

    public DateTimeOffset? SoumiseLe { get; private set; }

    public Guid? SoumiseParId { get; private set; }

    public string? SoumiseParNom { get; private set; }

    /// <summary>The contact told by e-mail of a rejection (the signed-in contact's address, or the API caller's).</summary>
    public string? SoumiseParEmail { get; private set; }

    /// <summary>A new draft of <paramref name="mois"/> for the company.</summary>
    public static SoumissionHeures Creer(StructureId structureId, EntrepriseId entrepriseId, Mois mois, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(par);
        return new SoumissionHeures
        {
            StructureId = structureId,
            EntrepriseId = entrepriseId,
            Mois = mois,
            Statut = StatutSoumission.Brouillon,
            CreeeParId = par.IdVerifie(nameof(CreeeParId)),
            CreeeParNom = par.NomVerifie(nameof(CreeeParNom)),
            CreeeLe = le,
            ModifieeLe = le,
        };
    }

    /// <summary>Replaces what the draft holds by <paramref name="saisies"/> (an empty cell is left out). Refused once submitted.</summary>
    public void RemplacerLignes(IEnumerable<SaisieBrouillon> saisies, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(saisies);
        ExigerBrouillon();
        _lignes.Clear();
        var position = 0;
        foreach (var saisie in saisies.Where(s => s.Minutes is not null || s.MontantFactureCentimes is not null))
            _lignes.Add(new LigneBrouillon(this, position++, saisie));
        ModifieeLe = le;
    }

    /// <summary>Submits the draft: from now on it is immutable (its lines are written by the caller through <see cref="GrilleHeures"/>).</summary>
    public void Soumettre(Auteur par, string? emailContact, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(par);
        ExigerBrouillon();
        if (_lignes.Count == 0)
            throw new RegleMetierException(nameof(Lignes), $"Aucune heure n'est saisie pour {DeclarationHeures.Texte(Mois)} : rien à soumettre.");
        SoumiseParEmail = Garde.Email(emailContact, nameof(SoumiseParEmail), "E-mail du contact", EmailLongueurMax);
        SoumiseParId = par.IdVerifie(nameof(SoumiseParId));
        SoumiseParNom = par.NomVerifie(nameof(SoumiseParNom));
        SoumiseLe = le;
        ModifieeLe = le;
        Statut = StatutSoumission.Soumise;
    }

    private void ExigerBrouillon()
    {
        if (Statut != StatutSoumission.Brouillon)
            throw new RegleMetierException(nameof(Statut),
                $"La déclaration de {DeclarationHeures.Texte(Mois)} est déjà soumise : elle ne peut plus être modifiée. Une correction est une nouvelle déclaration.");
    }
}

/// <summary>One line typed in a submission: the contrat and the hours (in minutes) or the invoiced amount HT (in cents).</summary>
public sealed class LigneBrouillon : EntiteGuid, IAppartientStructure
{
    private LigneBrouillon() { }

    internal LigneBrouillon(SoumissionHeures soumission, int position, SaisieBrouillon saisie)
    {
        StructureId = soumission.StructureId;
        SoumissionId = soumission.Id;
        Position = position;
        ContratId = saisie.ContratId;
        Minutes = saisie.Minutes;
        MontantFactureCentimes = saisie.MontantFactureCentimes;
    }

    public StructureId StructureId { get; private set; }

    public SoumissionId SoumissionId { get; private set; }

    /// <summary>Its place in the grid as typed (the index a refusal names).</summary>
    public int Position { get; private set; }

    public ContratId ContratId { get; private set; }

    public long? Minutes { get; private set; }

    public long? MontantFactureCentimes { get; private set; }
}
