using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Structures;
using ReglagesStructure = Clause.Domain.Structures.Reglages;

namespace Clause.Web.Pages.PageReglages;

/// <summary>How a setting is typed, shown and parsed on the page (the domain stores integers).</summary>
public enum NatureReglage
{
    Euros,
    Pourcentage,
    PourcentageOptionnel,
    Heures,
    Mois,
    Ans,
    Jours,
    JourDuMois,
    Personnes,
    OuiNon,
    ModeAccordCadre,
}

/// <summary>One setting of <see cref="ReglagesStructure"/> as the page shows it: group, label, explanation, value.</summary>
public sealed record Reglage(string Groupe, string Champ, string ChampDomaine, string Libelle, NatureReglage Nature,
    string Explication, Func<ReglagesStructure, object?> Lire)
{
    /// <summary>A stored value shown in French ("30,00 €", "50 %", "250,00 h", "24 mois", "non").</summary>
    public string Afficher(object? valeur) => (Nature, valeur) switch
    {
        (_, null) => Nature == NatureReglage.PourcentageOptionnel ? "aucun plafond" : "—",
        (NatureReglage.Euros, _) => new Montant(Convert.ToInt64(valeur, CultureInfo.InvariantCulture)).ToString(),
        (NatureReglage.Pourcentage or NatureReglage.PourcentageOptionnel, _) => new Taux(Convert.ToInt32(valeur, CultureInfo.InvariantCulture)).ToString(),
        (NatureReglage.Heures, _) => new Duree(Convert.ToInt64(valeur, CultureInfo.InvariantCulture)).ToString(),
        (NatureReglage.Mois, _) => $"{valeur} mois",
        (NatureReglage.Ans, _) => $"{valeur} ans",
        (NatureReglage.Jours, _) => Pluriel(Convert.ToInt32(valeur, CultureInfo.InvariantCulture), "jour"),
        (NatureReglage.JourDuMois, _) => $"le {valeur} du mois",
        (NatureReglage.Personnes, _) => Pluriel(Convert.ToInt32(valeur, CultureInfo.InvariantCulture), "personne"),
        (NatureReglage.OuiNon, bool b) => b ? "oui" : "non",
        (NatureReglage.ModeAccordCadre, ModeAccordCadre m) => m.Libelle(),
        _ => Convert.ToString(valeur, CultureInfo.InvariantCulture) ?? "—",
    };

    /// <summary>A value of the audit trail (invariant text of the stored value) shown like <see cref="Afficher"/>.</summary>
    public string AfficherJournal(string? texte) => texte is null ? Afficher(null) : Nature switch
    {
        NatureReglage.OuiNon => Afficher(bool.TryParse(texte, out var b) ? b : texte),
        NatureReglage.ModeAccordCadre => Enum.TryParse<ModeAccordCadre>(texte, out var m) ? m.Libelle() : texte,
        _ => long.TryParse(texte, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Afficher(n) : texte,
    };

    /// <summary>The stored value as the user types it ("30,00", "50", "250", "24").</summary>
    public string? EnSaisie(object? valeur) => (Nature, valeur) switch
    {
        (_, null) => null,
        (NatureReglage.Euros, _) => (Convert.ToInt64(valeur, CultureInfo.InvariantCulture) / 100m).ToString("0.00", FormatFrancais.Culture),
        (NatureReglage.Pourcentage or NatureReglage.PourcentageOptionnel, _) => (Convert.ToInt32(valeur, CultureInfo.InvariantCulture) / 100m).ToString("0.##", FormatFrancais.Culture),
        (NatureReglage.Heures, _) => (FormatFrancais.DiviserArrondi(Convert.ToInt64(valeur, CultureInfo.InvariantCulture) * 100, 60) / 100m).ToString("0.##", FormatFrancais.Culture),
        _ => Convert.ToString(valeur, CultureInfo.InvariantCulture),
    };

    /// <summary>The unit written after the field.</summary>
    public string? Unite => Nature switch
    {
        NatureReglage.Euros => "€ par heure",
        NatureReglage.Pourcentage => "%",
        NatureReglage.PourcentageOptionnel => "% des heures dues",
        NatureReglage.Heures => "heures",
        NatureReglage.Mois => "mois",
        NatureReglage.Ans => "ans",
        NatureReglage.Jours => "jours",
        NatureReglage.JourDuMois => "jour du mois (1 à 28)",
        NatureReglage.Personnes => "personnes",
        _ => null,
    };

    private static string Pluriel(int n, string mot) => n is 0 or 1 ? $"{n} {mot}" : $"{n} {mot}s";
}

/// <summary>
/// Every setting of the structure (each "(réglage)" of DOMAIN.md), grouped as the page shows them, with
/// the one-sentence explanation of what it changes. Defaults are read from <see cref="ReglagesStructure.ParDefaut"/>.
/// </summary>
public static class CatalogueReglages
{
    public const string Obligation = "Obligation d'insertion";
    public const string Eligibilite = "Éligibilité";
    public const string Contrats = "Contrats";
    public const string Heures = "Heures";
    public const string Relances = "Relances";
    public const string Bilans = "Bilans";
    public const string DonneesPersonnelles = "Données personnelles";

    public static IReadOnlyList<string> Groupes { get; } = [Obligation, Eligibilite, Contrats, Heures, Relances, Bilans, DonneesPersonnelles];

    /// <summary>The values a new structure starts with.</summary>
    public static ReglagesStructure Defauts { get; } = ReglagesStructure.ParDefaut(StructureId.De(new Guid("00000000-0000-0000-0000-000000000001")));

    public static IReadOnlyList<Reglage> Tous { get; } =
    [
        new(Obligation, nameof(SaisieReglages.CoutHoraireReference), nameof(ReglagesStructure.CoutHoraireReferenceCentimes),
            "Coût horaire de référence", NatureReglage.Euros,
            "Divise le coût de main-d'œuvre d'un lot pour obtenir ses heures dues (méthode F1) et convertit en heures les montants facturés en sous-traitance, sauf pour un lot qui a son propre coût.",
            r => r.CoutHoraireReferenceCentimes),
        new(Obligation, nameof(SaisieReglages.PartMainOeuvreDefaut), nameof(ReglagesStructure.PartMainOeuvreDefautPdb),
            "Part de main-d'œuvre", NatureReglage.Pourcentage,
            "Part du montant HT d'un lot consacrée à la main-d'œuvre, proposée à la création de chaque lot pour le calcul F1 des heures dues.",
            r => r.PartMainOeuvreDefautPdb),
        new(Obligation, nameof(SaisieReglages.RecalculSurAvenant), nameof(ReglagesStructure.RecalculSurAvenant),
            "Recalcul des heures dues sur avenant", NatureReglage.OuiNon,
            "Si la case est cochée, un avenant qui change le montant d'un lot recalcule ses heures dues (l'ancienne obligation reste dans l'historique) ; sinon elles ne changent pas.",
            r => r.RecalculSurAvenant),
        new(Obligation, nameof(SaisieReglages.ModeAccordCadre), nameof(ReglagesStructure.ModeAccordCadre),
            "Mode des accords-cadres", NatureReglage.ModeAccordCadre,
            "Pour un accord-cadre à bons de commande, les heures dues à date sont soit proportionnelles aux bons notifiés, soit fixées bon par bon.",
            r => r.ModeAccordCadre),
        new(Eligibilite, nameof(SaisieReglages.FenetreEligibiliteMois), nameof(ReglagesStructure.FenetreEligibiliteMois),
            "Fenêtre d'éligibilité", NatureReglage.Mois,
            "Un contrat compte s'il commence dans ce délai après la validation de l'éligibilité du participant ; au-delà, il faut une dérogation motivée.",
            r => r.FenetreEligibiliteMois),
        new(Eligibilite, nameof(SaisieReglages.AgeSenior), nameof(ReglagesStructure.AgeSenior),
            "Âge « senior »", NatureReglage.Ans,
            "À partir de cet âge, atteint à la date de validation, un demandeur d'emploi relève de la catégorie « senior ».",
            r => r.AgeSenior),
        new(Contrats, nameof(SaisieReglages.AnticipationDebutContratJours), nameof(ReglagesStructure.AnticipationDebutContratJours),
            "Anticipation du début de contrat", NatureReglage.Jours,
            "Un contrat peut commencer jusqu'à ce nombre de jours avant le début d'exécution de son lot (préparation, formation préalable).",
            r => r.AnticipationDebutContratJours),
        new(Heures, nameof(SaisieReglages.MaxHeuresParMois), nameof(ReglagesStructure.MaxMinutesParMois),
            "Maximum d'heures par mois", NatureReglage.Heures,
            "Plafond d'une ligne de déclaration et du total d'heures d'un participant sur un mois, tous lots confondus.",
            r => r.MaxMinutesParMois),
        new(Heures, nameof(SaisieReglages.ToleranceApresFinJours), nameof(ReglagesStructure.ToleranceApresFinJours),
            "Tolérance après la fin du lot", NatureReglage.Jours,
            "Nombre de jours ajoutés à la fin d'exécution d'un lot pour décider si un mois déclaré tombe dans sa période et compte.",
            r => r.ToleranceApresFinJours),
        new(Heures, nameof(SaisieReglages.FormationComptabiliseeDefaut), nameof(ReglagesStructure.FormationComptabiliseeDefaut),
            "Heures de formation comptabilisées", NatureReglage.OuiNon,
            "Valeur proposée pour chaque nouveau lot : si la case est cochée, les heures de formation comptent dans les heures réalisées.",
            r => r.FormationComptabiliseeDefaut),
        new(Heures, nameof(SaisieReglages.PlafondFormationDefaut), nameof(ReglagesStructure.PlafondFormationDefautPdb),
            "Plafond des heures de formation", NatureReglage.PourcentageOptionnel,
            "Valeur proposée pour chaque nouveau lot : part maximale des heures dues que la formation peut couvrir (laisser vide pour ne pas plafonner).",
            r => r.PlafondFormationDefautPdb),
        new(Relances, nameof(SaisieReglages.JourLimiteDeclaration), nameof(ReglagesStructure.JourLimiteDeclaration),
            "Jour limite de déclaration", NatureReglage.JourDuMois,
            "Les heures d'un mois sont à déclarer au plus tard ce jour du mois suivant.",
            r => r.JourLimiteDeclaration),
        new(Contrats, nameof(SaisieReglages.DelaiReponseListe), nameof(ReglagesStructure.DelaiReponseListeJours),
            "Délai de réponse à une liste restreinte", NatureReglage.Jours,
            "Une liste de candidats présentée à une entreprise sans réponse après ce délai apparaît sur l'accueil des facilitateurs.",
            r => r.DelaiReponseListeJours),
        new(Relances, nameof(SaisieReglages.JourPremiereRelance), nameof(ReglagesStructure.JourPremiereRelance),
            "Jour de la première relance", NatureReglage.JourDuMois,
            "Ce jour du mois suivant, les contacts des entreprises dont la déclaration manque reçoivent une première relance.",
            r => r.JourPremiereRelance),
        new(Relances, nameof(SaisieReglages.JourSecondeRelance), nameof(ReglagesStructure.JourSecondeRelance),
            "Jour de la seconde relance", NatureReglage.JourDuMois,
            "Ce jour-là, une seconde relance part ; si la déclaration manque encore, une tâche « relance infructueuse » est créée pour le facilitateur.",
            r => r.JourSecondeRelance),
        new(Relances, nameof(SaisieReglages.SeuilRetardLot), nameof(ReglagesStructure.SeuilRetardLotPdb),
            "Seuil de retard d'un lot", NatureReglage.Pourcentage,
            "Un lot en exécution dont les heures réalisées sont sous ce pourcentage de la cible linéaire (de 0 au début d'exécution aux heures dues à sa fin) déclenche une alerte « lot en retard » pour les facilitateurs.",
            r => r.SeuilRetardLotPdb),
        new(Bilans, nameof(SaisieReglages.SeuilConfidentialite), nameof(ReglagesStructure.SeuilConfidentialite),
            "Seuil de confidentialité", NatureReglage.Personnes,
            "Dans les bilans remis aux donneurs d'ordre, une case de profil qui compte moins de personnes que ce seuil est masquée.",
            r => r.SeuilConfidentialite),
        new(Bilans, nameof(SaisieReglages.DelaiSortieEmploiDurableMois), nameof(ReglagesStructure.DelaiSortieEmploiDurableMois),
            "Délai de validation de l'emploi durable", NatureReglage.Mois,
            "Une sortie de parcours PLIE en emploi durable n'est validée, et comptée comme sortie positive, qu'après ce délai dans l'emploi.",
            r => r.DelaiSortieEmploiDurableMois),
        new(Bilans, nameof(SaisieReglages.FileActiveMin), nameof(ReglagesStructure.FileActiveMin),
            "File active minimale d'un référent", NatureReglage.Personnes,
            "Nombre de parcours ouverts sous lequel la file active d'un référent est signalée comme sous la cible à la direction.",
            r => r.FileActiveMin),
        new(Bilans, nameof(SaisieReglages.FileActiveMax), nameof(ReglagesStructure.FileActiveMax),
            "File active maximale d'un référent", NatureReglage.Personnes,
            "Nombre de parcours ouverts au-delà duquel la file active d'un référent est signalée comme au-dessus de la cible à la direction.",
            r => r.FileActiveMax),
        new(DonneesPersonnelles, nameof(SaisieReglages.ConservationMois), nameof(ReglagesStructure.ConservationMois),
            "Durée de conservation", NatureReglage.Mois,
            "Les données d'un participant sont anonymisées après ce délai sans événement (dernières heures, contrat, étape ou contact) ; les totaux ne changent pas.",
            r => r.ConservationMois),
        new(DonneesPersonnelles, nameof(SaisieReglages.ConservationJournauxMois), nameof(ReglagesStructure.ConservationJournauxMois),
            "Conservation des journaux de lecture", NatureReglage.Mois,
            "Chaque affichage d'une donnée sensible est journalisé (qui, quand, quel participant) ; ce journal est purgé chaque nuit après ce délai (de 6 à 120 mois).",
            r => r.ConservationJournauxMois),
        new(DonneesPersonnelles, nameof(SaisieReglages.InactiviteSession), nameof(ReglagesStructure.InactiviteSessionMinutes),
            "Fermeture d'une session inactive", NatureReglage.Heures,
            "Une session du personnel sans activité pendant ce délai est fermée sur le serveur (de 15 minutes à 12 heures) ; une session ne dure jamais plus de 12 heures.",
            r => r.InactiviteSessionMinutes),
        new(DonneesPersonnelles, nameof(SaisieReglages.DoubleFacteurTousRoles), nameof(ReglagesStructure.DoubleFacteurTousRoles),
            "Double authentification pour tout le personnel", NatureReglage.OuiNon,
            "Les facilitateurs et les référents doivent, eux aussi, se connecter avec un code à 6 chiffres d'une application d'authentification en plus du mot de passe ; elle est toujours obligatoire pour la direction et l'administrateur.",
            r => r.DoubleFacteurTousRoles),
    ];

    public static Reglage? ParChampDomaine(string champDomaine) => Tous.FirstOrDefault(r => r.ChampDomaine == champDomaine);

    public static Reglage ParChamp(string champ) => Tous.First(r => r.Champ == champ);
}
