using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;

namespace Clause.Domain.Operations;

/// <summary>Urban renewal programme an opération belongs to (DOMAIN.md §3).</summary>
public enum ProgrammeRenouvellement
{
    [Libelle("Aucun")] Aucun,
    [Libelle("ANRU (PNRU)")] Anru,
    [Libelle("NPNRU")] Npnru,
}

/// <summary>Status pipeline of an opération, in order (DOMAIN.md §3).</summary>
public enum StatutOperation
{
    [Libelle("Repérée")] Reperee,
    [Libelle("Validée")] Validee,
    [Libelle("En consultation")] EnConsultation,
    [Libelle("En exécution")] EnExecution,
    [Libelle("Close")] Close,
}

/// <summary>
/// A project of one donneur d'ordre grouping marchés (DOMAIN.md §3), possibly ANRU/NPNRU and located in a QPV.
/// Status moves forward one step at a time (<see cref="Valider"/>, <see cref="MettreEnConsultation"/>,
/// <see cref="MettreEnExecution"/>, <see cref="Clore"/>); going back one step is allowed to correct a
/// mistake, with a written reason kept in <see cref="MotifRetour"/> (and in the audit trail).
/// </summary>
public sealed class Operation : Racine<OperationId>, IAppartientStructure
{
    public const int NomLongueurMax = 200;
    public const int CommuneLongueurMax = 100;
    public const int CodeQpvLongueur = ReglesQpv.Longueur;
    public const int MotifLongueurMax = 500;

    private Operation() { Nom = string.Empty; Commune = string.Empty; }

    public StructureId StructureId { get; private set; }

    public DonneurOrdreId DonneurOrdreId { get; private set; }

    public string Nom { get; private set; }

    public string Commune { get; private set; }

    /// <summary>The name and the commune as searched (<see cref="TexteRecherche"/>), kept by <see cref="Modifier"/>.</summary>
    [Derive] public string Recherche { get; private set; } = string.Empty;

    public DateOnly? DebutPrevisionnel { get; private set; }

    public DateOnly? FinPrevisionnelle { get; private set; }

    public ProgrammeRenouvellement Programme { get; private set; }

    /// <summary>True for ANRU and NPNRU opérations.</summary>
    public bool EstRenouvellementUrbain => Programme != ProgrammeRenouvellement.Aucun;

    /// <summary>Located in a quartier prioritaire de la politique de la ville; then <see cref="CodeQpv"/> is set.</summary>
    public bool EnQpv { get; private set; }

    /// <summary>
    /// The national QPV code when <see cref="EnQpv"/>, else null (rule: <see cref="ReglesQpv"/>).
    /// </summary>
    public string? CodeQpv { get; private set; }

    /// <summary>
    /// Objective of the share of hours worked by QPV residents, in basis points (ANRU: usually 500 = 5 %,
    /// 1 000 = 10 % on gestion urbaine de proximité). Set by the user, null when none.
    /// </summary>
    public int? ObjectifPartQpvPdb { get; private set; }

    public StatutOperation Statut { get; private set; }

    /// <summary>Reason of the last step back in the pipeline, if any.</summary>
    public string? MotifRetour { get; private set; }

    public static Operation Creer(DonneurOrdre donneurOrdre, string? nom, string? commune, DateOnly? debutPrevisionnel,
        DateOnly? finPrevisionnelle, ProgrammeRenouvellement programme, bool enQpv, string? codeQpv, Taux? objectifPartQpv)
    {
        ArgumentNullException.ThrowIfNull(donneurOrdre);
        var operation = new Operation
        {
            StructureId = Garde.Identifiant(donneurOrdre.StructureId, nameof(StructureId), "Structure"),
            DonneurOrdreId = donneurOrdre.Id,
            Statut = StatutOperation.Reperee,
        };
        operation.Modifier(nom, commune, debutPrevisionnel, finPrevisionnelle, programme, enQpv, codeQpv, objectifPartQpv);
        return operation;
    }

    /// <summary>The search text of an opération: name then commune, normalised.</summary>
    public static string RechercheDe(string? nom, string? commune) => TexteRecherche.De(nom, commune);

    /// <summary>Changes every descriptive field (not the donneur d'ordre nor the status).</summary>
    public void Modifier(string? nom, string? commune, DateOnly? debutPrevisionnel, DateOnly? finPrevisionnelle,
        ProgrammeRenouvellement programme, bool enQpv, string? codeQpv, Taux? objectifPartQpv)
    {
        // Every rule is checked and every refusal thrown at once (Verification), before anything changes.
        var v = new Verification();
        var nomValide = v.Verifier(() => Garde.Requis(nom, nameof(Nom), "Nom", NomLongueurMax), string.Empty);
        var communeValide = v.Verifier(() => Garde.Requis(commune, nameof(Commune), "Commune", CommuneLongueurMax), string.Empty);
        if (debutPrevisionnel is { } debut && finPrevisionnelle is { } fin && fin < debut)
            v.Verifier(() => throw new RegleMetierException(nameof(FinPrevisionnelle), "La fin prévisionnelle doit être postérieure ou égale au début prévisionnel."));
        var programmeValide = v.Verifier(() => Garde.Defini(programme, nameof(Programme), "Programme de renouvellement urbain"));
        var code = v.Verifier(() =>
        {
            if (!enQpv && !string.IsNullOrWhiteSpace(codeQpv))
                throw new RegleMetierException(nameof(CodeQpv), "Un code QPV n'est attendu que pour une opération située en QPV.");
            return enQpv ? ReglesQpv.Verifier(codeQpv, nameof(CodeQpv), "Le champ « Code QPV » est obligatoire pour une opération située en QPV.") : null;
        });
        if (objectifPartQpv is { PointsDeBase: < 0 or > Taux.Cent })
            v.Verifier(() => throw new RegleMetierException(nameof(ObjectifPartQpvPdb), "L'objectif de part QPV doit être compris entre 0 et 100 %."));
        v.Lever();

        Nom = nomValide;
        Commune = communeValide;
        Recherche = RechercheDe(Nom, Commune);
        DebutPrevisionnel = debutPrevisionnel;
        FinPrevisionnelle = finPrevisionnelle;
        Programme = programmeValide;
        CodeQpv = code;
        EnQpv = enQpv;
        ObjectifPartQpvPdb = objectifPartQpv?.PointsDeBase;
    }

    /// <summary>The statuses reachable from the current one (next step; previous step with a reason).</summary>
    public IReadOnlyList<StatutOperation> StatutsAccessibles() =>
        new[] { Statut + 1, Statut - 1 }.Where(s => Enum.IsDefined(s)).ToList();

    public void Valider() => Avancer(StatutOperation.Reperee, StatutOperation.Validee);

    public void MettreEnConsultation() => Avancer(StatutOperation.Validee, StatutOperation.EnConsultation);

    public void MettreEnExecution() => Avancer(StatutOperation.EnConsultation, StatutOperation.EnExecution);

    /// <summary>Closes the opération: only from <see cref="StatutOperation.EnExecution"/>.</summary>
    public void Clore() => Avancer(StatutOperation.EnExecution, StatutOperation.Close);

    /// <summary>Goes back one step (to correct a mistake): the reason is required.</summary>
    public void RevenirEtapePrecedente(string? motif)
    {
        var texte = Garde.Requis(motif, nameof(MotifRetour), "Motif du retour", MotifLongueurMax);
        if (Statut == StatutOperation.Reperee)
            throw new RegleMetierException(nameof(Statut), "Une opération repérée n'a pas d'étape précédente.");
        Statut--;
        MotifRetour = texte;
    }

    /// <summary>
    /// One entry point for a status form: the next step, or the previous step with a reason. Any other
    /// target is refused in French.
    /// </summary>
    public void ChangerStatut(StatutOperation cible, string? motif = null)
    {
        Garde.Defini(cible, nameof(Statut), "Statut");
        if (cible == Statut + 1)
        {
            switch (cible)
            {
                case StatutOperation.Validee: Valider(); break;
                case StatutOperation.EnConsultation: MettreEnConsultation(); break;
                case StatutOperation.EnExecution: MettreEnExecution(); break;
                default: Clore(); break;
            }
        }
        else if (cible == Statut - 1) RevenirEtapePrecedente(motif);
        else throw Refus(cible);
    }

    private void Avancer(StatutOperation depuis, StatutOperation vers)
    {
        if (Statut != depuis) throw Refus(vers);
        Statut = vers;
    }

    private RegleMetierException Refus(StatutOperation cible) =>
        new(nameof(Statut), $"Une opération au statut « {Statut.Libelle()} » ne peut pas passer au statut « {cible.Libelle()} » : "
            + "le statut avance d'une étape à la fois (Repérée, Validée, En consultation, En exécution, Close).");
}
