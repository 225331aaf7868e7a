using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReglagesStructure = Clause.Domain.Structures.Reglages;

namespace Clause.Web.Pages.PageReglages;

/// <summary>
/// The structure's settings (Direction and Facilitateur): every réglage with its default and explanation,
/// typed in euros, % and hours, saved through <see cref="ReglagesStructure.Modifier"/> (audited automatically).
/// </summary>
public sealed class IndexModel(ClauseDbContext db) : PageAction(db)
{
    // The domain names its own property (in cents, basis points, minutes): its refusal is shown beside the typed field.
    private static readonly Dictionary<string, string> ChampsDuDomaine = CatalogueReglages.Tous.ToDictionary(r => r.ChampDomaine, r => r.Champ, StringComparer.Ordinal);

    [BindProperty]
    public SaisieReglages Saisie { get; set; } = new();

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        // An older structure may have no row yet: the defaults are shown, the row is created on the first save.
        var reglages = await LireAsync(annulation) ?? ReglagesStructure.ParDefaut(StructureId);
        Saisie = SaisieReglages.Depuis(reglages);
        await ChargerHistoriqueAsync(reglages.Id, annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        var reglages = await LireAsync(annulation);
        var historiqueId = reglages?.Id ?? Guid.Empty;

        // Every field is read, then the domain checks every value: all the refusals are shown at once, nothing is saved.
        // A field that could not be read gives the domain its current value, so that it is refused once, for its form.
        var actuels = reglages ?? ReglagesStructure.ParDefaut(StructureId);
        var cout = Centimes(nameof(SaisieReglages.CoutHoraireReference), actuels.CoutHoraireReferenceCentimes);
        var partMainOeuvre = PointsDeBase(nameof(SaisieReglages.PartMainOeuvreDefaut), actuels.PartMainOeuvreDefautPdb);
        var fenetre = Entier(nameof(SaisieReglages.FenetreEligibiliteMois), actuels.FenetreEligibiliteMois);
        var ageSenior = Entier(nameof(SaisieReglages.AgeSenior), actuels.AgeSenior);
        var anticipation = Entier(nameof(SaisieReglages.AnticipationDebutContratJours), actuels.AnticipationDebutContratJours);
        var maxMinutes = Minutes(nameof(SaisieReglages.MaxHeuresParMois), actuels.MaxMinutesParMois);
        var tolerance = Entier(nameof(SaisieReglages.ToleranceApresFinJours), actuels.ToleranceApresFinJours);
        var plafondFormation = string.IsNullOrWhiteSpace(Saisie.PlafondFormationDefaut)
            ? (int?)null : PointsDeBase(nameof(SaisieReglages.PlafondFormationDefaut), actuels.PlafondFormationDefautPdb ?? 0);
        var jourLimite = Entier(nameof(SaisieReglages.JourLimiteDeclaration), actuels.JourLimiteDeclaration);
        var premiereRelance = Entier(nameof(SaisieReglages.JourPremiereRelance), actuels.JourPremiereRelance);
        var secondeRelance = Entier(nameof(SaisieReglages.JourSecondeRelance), actuels.JourSecondeRelance);
        var seuil = Entier(nameof(SaisieReglages.SeuilConfidentialite), actuels.SeuilConfidentialite);
        var delaiEmploiDurable = Entier(nameof(SaisieReglages.DelaiSortieEmploiDurableMois), actuels.DelaiSortieEmploiDurableMois);
        var conservation = Entier(nameof(SaisieReglages.ConservationMois), actuels.ConservationMois);
        var conservationJournaux = Entier(nameof(SaisieReglages.ConservationJournauxMois), actuels.ConservationJournauxMois);
        var seuilRetard = PointsDeBase(nameof(SaisieReglages.SeuilRetardLot), actuels.SeuilRetardLotPdb);
        var inactivite = Minutes(nameof(SaisieReglages.InactiviteSession), actuels.InactiviteSessionMinutes);
        var delaiListe = Entier(nameof(SaisieReglages.DelaiReponseListe), actuels.DelaiReponseListeJours);
        var fileActiveMin = Entier(nameof(SaisieReglages.FileActiveMin), actuels.FileActiveMin);
        var fileActiveMax = Entier(nameof(SaisieReglages.FileActiveMax), actuels.FileActiveMax);

        if (reglages is null)
        {
            reglages = actuels;
            Db.Reglages.Add(reglages);
        }
        var accepte = Appliquer(() => reglages.Modifier(cout, partMainOeuvre, Saisie.RecalculSurAvenant, Saisie.ModeAccordCadre, fenetre, ageSenior, anticipation,
            maxMinutes, tolerance, Saisie.FormationComptabiliseeDefaut, plafondFormation, jourLimite, premiereRelance, secondeRelance,
            seuil, delaiEmploiDurable, conservation, seuilRetard, conservationJournaux), ChampsDuDomaine)
            & Appliquer(() => reglages.ModifierConnexion(inactivite, Saisie.DoubleFacteurTousRoles), ChampsDuDomaine)
            & Appliquer(() => reglages.ModifierPlacement(delaiListe), ChampsDuDomaine)
            & Appliquer(() => reglages.ModifierFileActive(fileActiveMin, fileActiveMax), ChampsDuDomaine);
        if (!accepte || !ModelState.IsValid)
        {
            await ChargerHistoriqueAsync(historiqueId, annulation);
            return Page();
        }
        return await EnregistrerAsync("Les réglages de la structure ont été enregistrés.", "/Reglages/Index", null, annulation);
    }

    private StructureId StructureId => Db.Contexte.StructureId ?? default;

    private Task<ReglagesStructure?> LireAsync(CancellationToken annulation)
    {
        var structureId = Db.Contexte.StructureId;
        return Db.Reglages.FirstOrDefaultAsync(r => r.StructureId == structureId, annulation);
    }

    /// <summary>The audit trail of the settings, with French labels and values in euros, %, hours.</summary>
    private async Task ChargerHistoriqueAsync(Guid reglagesId, CancellationToken annulation)
    {
        if (reglagesId == Guid.Empty) return;
        Historique = await Infrastructure.Historique.LireAsync(Db, reglagesId,
            c => CatalogueReglages.ParChampDomaine(c.Champ) is { } r
                ? new ChangementChamp(r.Libelle, r.AfficherJournal(c.Avant), r.AfficherJournal(c.Apres))
                : null, annulation);
    }

    private long Centimes(string champ, long actuel)
    {
        if (Montant.TryParse(Texte(champ), out var montant)) return montant.Centimes;
        Erreur(champ, "doit être un montant en euros (exemple : 30,00)");
        return actuel;
    }

    private int PointsDeBase(string champ, int actuel)
    {
        if (Taux.TryParse(Texte(champ), out var taux)) return taux.PointsDeBase;
        Erreur(champ, "doit être un pourcentage (exemple : 50 ou 12,5)");
        return actuel;
    }

    private int Minutes(string champ, int actuel)
    {
        if (Duree.TryParseHeures(Texte(champ), out var duree))
            return (int)Math.Min(duree.Minutes, int.MaxValue); // out of range: the domain refuses it with its own message
        Erreur(champ, "doit être un nombre d'heures (exemple : 250 ou 151,67)");
        return actuel;
    }

    private int Entier(string champ, int actuel)
    {
        var texte = Texte(champ)?.Trim();
        if (int.TryParse(texte, NumberStyles.None, CultureInfo.InvariantCulture, out var valeur)) return valeur;
        Erreur(champ, "doit être un nombre entier");
        return actuel;
    }

    private string? Texte(string champ) => typeof(SaisieReglages).GetProperty(champ)!.GetValue(Saisie) as string;

    private void Erreur(string champ, string attendu)
    {
        var libelle = CatalogueReglages.ParChamp(champ).Libelle;
        var message = string.IsNullOrWhiteSpace(Texte(champ))
            ? $"Le champ « {libelle} » est obligatoire."
            : $"Le champ « {libelle} » {attendu}.";
        ModelState.AddModelError($"{nameof(Saisie)}.{champ}", message);
    }
}

/// <summary>What the settings form binds: numbers as typed text (parsed on the server), booleans, the mode.</summary>
public sealed record SaisieReglages
{
    public string? CoutHoraireReference { get; set; }

    public string? PartMainOeuvreDefaut { get; set; }

    public bool RecalculSurAvenant { get; set; }

    public ModeAccordCadre ModeAccordCadre { get; set; }

    public string? FenetreEligibiliteMois { get; set; }

    public string? AgeSenior { get; set; }

    public string? AnticipationDebutContratJours { get; set; }

    public string? MaxHeuresParMois { get; set; }

    public string? ToleranceApresFinJours { get; set; }

    public bool FormationComptabiliseeDefaut { get; set; }

    public string? PlafondFormationDefaut { get; set; }

    public string? JourLimiteDeclaration { get; set; }

    public string? JourPremiereRelance { get; set; }

    public string? JourSecondeRelance { get; set; }

    public string? SeuilConfidentialite { get; set; }

    public string? DelaiSortieEmploiDurableMois { get; set; }

    public string? ConservationMois { get; set; }

    public string? ConservationJournauxMois { get; set; }

    public string? SeuilRetardLot { get; set; }

    public string? InactiviteSession { get; set; }

    public string? DelaiReponseListe { get; set; }

    public string? FileActiveMin { get; set; }

    public string? FileActiveMax { get; set; }

    public bool DoubleFacteurTousRoles { get; set; }

    public static SaisieReglages Depuis(ReglagesStructure reglages)
    {
        ArgumentNullException.ThrowIfNull(reglages);
        var saisie = new SaisieReglages();
        foreach (var r in CatalogueReglages.Tous)
        {
            var propriete = typeof(SaisieReglages).GetProperty(r.Champ)!;
            var valeur = r.Lire(reglages);
            propriete.SetValue(saisie, propriete.PropertyType == typeof(string) ? r.EnSaisie(valeur) : valeur);
        }
        return saisie;
    }

    /// <summary>The typed text of a numeric field (for the form), or null for a checkbox or the mode.</summary>
    public string? Texte(string champ) => typeof(SaisieReglages).GetProperty(champ)?.GetValue(this) as string;
}
