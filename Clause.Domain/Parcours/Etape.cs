using Clause.Domain.Commun;
using Clause.Domain.Structures;

namespace Clause.Domain.Parcours;

/// <summary>What the référent types for an étape (field names = the page's input names).</summary>
public sealed record DonneesEtape(TypeEtape? Type, DateOnly? DateDebut, DateOnly? DateFin, string? StructureBeneficiaire, bool FinanceePlie, string? Bilan);

/// <summary>
/// An étape typed by the référent (DOMAIN.md §10): type, dates, bénéficiaire structure, financed by the PLIE or not, a
/// short bilan. Part of the <see cref="Parcours"/> aggregate, tenant-owned itself. The clause contrats are never stored
/// here: they are composed with these by <see cref="Parcours.Composer"/>.
/// </summary>
public sealed class Etape : EntiteGuid, IAppartientStructure, IPartieDe
{
    public const int StructureBeneficiaireLongueurMax = 150;
    public const int BilanLongueurMax = 2000;

    private Etape() { }

    internal Etape(Parcours parcours, TypeEtape type, DateOnly debut, DateOnly? fin, string? structureBeneficiaire, bool financeePlie, string? bilan)
    {
        StructureId = parcours.StructureId;
        ParcoursId = parcours.Id;
        Type = type;
        DateDebut = debut;
        DateFin = fin;
        StructureBeneficiaire = structureBeneficiaire;
        FinanceePlie = financeePlie;
        Bilan = bilan;
    }

    /// <summary>The bilan, a free text about the person, erased by the anonymisation (<see cref="Parcours.Anonymiser"/>).</summary>
    internal void Anonymiser() => Bilan = Bilan is null ? null : Participants.Participant.TexteAnonymise;

    public StructureId StructureId { get; private set; }

    public ParcoursId ParcoursId { get; private set; }

    public Guid RacineId => ParcoursId.Valeur;

    public TypeEtape Type { get; private set; }

    public DateOnly DateDebut { get; private set; }

    /// <summary>The end; none while the étape runs.</summary>
    public DateOnly? DateFin { get; private set; }

    public string? StructureBeneficiaire { get; private set; }

    public bool FinanceePlie { get; private set; }

    /// <summary>A short bilan of the étape (free text about a person: masked in the audit).</summary>
    [Sensible] public string? Bilan { get; private set; }
}
