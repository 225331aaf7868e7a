using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.DonneesDemo;

/// <summary>
/// Demo opérations, marchés and lots (DOMAIN.md §3): about 40 opérations over the 12 donneurs d'ordre (some
/// ANRU/NPNRU in QPV), about 170 marchés of realistic public procurement with their lots, obligations (mostly F1,
/// some F2/F3, a few lots without clause), accords-cadres with bons de commande, avenants, and attributions to the
/// companies already saved. Statuses follow the dates, relative to today.
/// </summary>
public sealed partial class SemeurDemo
{
    private static readonly (string Nom, string Code)[] QuartiersQpv =
    [
        ("Le Sanitas", "QP037005"), ("Les Fontaines", "QP037007"), ("La Rabière", "QP037010"), ("Maryse Bastié", "QP037006"),
        ("Les Rives du Cher", "QP037012"), ("Europe – Chateaubriand", "QP037003"), ("La Bergeonnerie", "QP037008"),
    ];

    private static readonly string[] LotsBatiment =
    [
        "Gros œuvre", "Désamiantage – curage", "Charpente – couverture", "Étanchéité", "Menuiseries extérieures", "Menuiseries intérieures",
        "Plâtrerie – isolation", "Peinture", "Revêtements de sols", "Plomberie – chauffage", "Ventilation", "Électricité", "Ravalement de façades",
        "Serrurerie – métallerie", "VRD", "Espaces verts",
    ];

    private static readonly string[] Rues =
        ["rue des Tanneurs", "avenue de la République", "rue Édouard-Vaillant", "boulevard Jean-Jaurès", "rue du Général-Renault", "allée des Tilleuls", "rue Marcel-Cachin"];

    private async Task SemerMarchesAsync(StructureId structureId, List<DonneurOrdre> donneurs, CancellationToken annulation)
    {
        var reglages = await db.Reglages.SingleAsync(r => r.StructureId == structureId, annulation).ConfigureAwait(false);
        // Every company saved so far (the entreprises step runs before), in a stable order for a deterministic pick.
        var entreprises = await db.Entreprises.Where(e => e.StructureId == structureId)
            .OrderBy(e => e.RaisonSociale).ThenBy(e => e.Siret).ToListAsync(annulation).ConfigureAwait(false);
        var classiques = entreprises.Where(e => e.TypeEmployeur == TypeEmployeur.Classique).ToList();
        var insertion = entreprises.Where(e => e.TypeEmployeur != TypeEmployeur.Classique && e.TypeEmployeur != TypeEmployeur.ETT).ToList();
        var aujourdhui = DateOnly.FromDateTime(horloge.GetUtcNow().Date);
        var numeros = donneurs.ToDictionary(d => d.Id, _ => 0);
        var noms = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 40; i++)
        {
            var donneur = donneurs[i % donneurs.Count];
            var operation = NouvelleOperation(donneur, noms);
            db.Operations.Add(operation);
            // The first opérations are still being prepared: no marché yet.
            if (i < 4)
            {
                if (i % 2 == 1) operation.Valider();
                continue;
            }

            var marches = new List<Marche>();
            var debutOperation = operation.DebutPrevisionnel!.Value;
            var nombre = _faker.Random.Int(3, 6);
            for (var m = 0; m < nombre; m++)
            {
                var service = _faker.Random.Bool(0.3f);
                var debut = debutOperation.AddDays(_faker.Random.Int(0, 300));
                var mois = service ? _faker.PickRandom(12, 24, 36) : _faker.Random.Int(6, 26);
                var fin = Min(debut.AddMonths(mois).AddDays(-1), new DateOnly(2027, 12, 31));
                var notification = debut.AddDays(-_faker.Random.Int(15, 60));
                numeros[donneur.Id]++;
                var numero = $"{notification.Year}-{(service ? "S" : "T")}{numeros[donneur.Id]:000}";
                var marche = service
                    ? MarcheDeServices(operation, numero, notification <= aujourdhui ? notification : null, debut, fin, reglages)
                    : MarcheDeTravaux(operation, numero, notification <= aujourdhui ? notification : null, debut, fin, reglages);
                foreach (var lot in marche.Lots)
                    Executer(lot, marche, aujourdhui, classiques, insertion, reglages);
                marches.Add(marche);
                db.Marches.Add(marche);
            }
            AvancerOperation(operation, marches, aujourdhui);
        }
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    private Operation NouvelleOperation(DonneurOrdre donneur, HashSet<string> noms)
    {
        var commune = donneur.Commune ?? "Saint-Aubin-sur-Loire";
        var quartier = _faker.PickRandom(QuartiersQpv);
        var renouvellement = donneur.Type is TypeDonneurOrdre.BailleurSocial or TypeDonneurOrdre.Commune or TypeDonneurOrdre.Epci && _faker.Random.Bool(0.55f);
        var gestionUrbaine = renouvellement && _faker.Random.Bool(0.3f);
        var nom = renouvellement
            ? gestionUrbaine
                ? $"Gestion urbaine de proximité – quartier {quartier.Nom}"
                : _faker.PickRandom($"NPNRU {quartier.Nom} – réhabilitation des logements", $"Renouvellement urbain {quartier.Nom} – résidentialisation",
                    $"NPNRU {quartier.Nom} – requalification des espaces publics")
            : NomOperation(donneur);
        var debut = new DateOnly(2024, 1, 1).AddDays(_faker.Random.Int(0, 820));
        for (var tranche = 2; !noms.Add(nom); tranche++) nom = $"{nom.Split(" – tranche ")[0]} – tranche {tranche}";
        return Operation.Creer(donneur, nom, commune, debut, Min(debut.AddMonths(_faker.Random.Int(18, 48)), new DateOnly(2027, 12, 31)),
            renouvellement ? _faker.PickRandom(ProgrammeRenouvellement.Npnru, ProgrammeRenouvellement.Npnru, ProgrammeRenouvellement.Anru) : ProgrammeRenouvellement.Aucun,
            renouvellement, renouvellement ? quartier.Code : null,
            renouvellement ? Taux.Pourcent(gestionUrbaine ? 10 : 5) : null);
    }

    private string NomOperation(DonneurOrdre donneur) => donneur.Type switch
    {
        TypeDonneurOrdre.Commune => _faker.PickRandom("Construction d'un groupe scolaire", "Réaménagement du centre-bourg", "Rénovation du gymnase municipal",
            "Extension de la maison de l'enfance", "Entretien des espaces publics"),
        TypeDonneurOrdre.Epci => _faker.PickRandom("Construction de la médiathèque intercommunale", "Aménagement de la ZAC des Gués", "Piscine communautaire – réhabilitation",
            "Voirie communautaire – programme annuel"),
        TypeDonneurOrdre.Departement => _faker.PickRandom("Construction du collège Jean-Moulin", "Restructuration du collège Léonard-de-Vinci", "Entretien des routes départementales"),
        TypeDonneurOrdre.Region => _faker.PickRandom("Rénovation énergétique du lycée Descartes", "Restructuration du lycée professionnel Albert-Bayet"),
        TypeDonneurOrdre.BailleurSocial => _faker.PickRandom($"Réhabilitation de {_faker.Random.Int(4, 16) * 10} logements {_faker.PickRandom(Rues)}",
            "Rénovation énergétique de la résidence Les Acacias", "Construction de 48 logements sociaux"),
        TypeDonneurOrdre.Hopital => _faker.PickRandom("Extension du centre hospitalier – bâtiment C", "Restructuration des urgences"),
        TypeDonneurOrdre.Sem => _faker.PickRandom("Aménagement de l'écoquartier des Deux-Rives", "Requalification de la friche Saint-Éloi"),
        TypeDonneurOrdre.EtablissementPublic => _faker.PickRandom("Réhabilitation de la bibliothèque universitaire", "Construction d'un restaurant universitaire"),
        TypeDonneurOrdre.Etat => _faker.PickRandom("Rénovation de la cité administrative", "Mise en accessibilité des bâtiments de l'État"),
        _ => _faker.PickRandom("Construction de 60 logements – résidence Les Jardins", "Construction d'un immeuble de bureaux"),
    };

    private Marche MarcheDeTravaux(Operation operation, string numero, DateOnly? notification, DateOnly debut, DateOnly fin, Reglages reglages)
    {
        var libelles = _faker.PickRandom(LotsBatiment, _faker.Random.Int(1, 6)).ToList();
        var lots = libelles.Select((libelle, i) => new NouveauLot(i + 1, libelles.Count == 1 ? Lot.LibelleLotUnique : libelle,
            new Montant(_faker.Random.Long(50_000_00, 3_000_000_00)), null, null, Fondement.Aucun, null)).Select(Clause).ToList();
        var objet = _faker.PickRandom($"Réhabilitation de {_faker.Random.Int(2, 15) * 10} logements {_faker.PickRandom(Rues)}", "Construction d'un groupe scolaire",
            $"Travaux – {operation.Nom}", "Rénovation énergétique et remplacement des menuiseries", "Aménagement des espaces extérieurs",
            "Démolition de la barre B et désamiantage", "Restructuration et mise en accessibilité");
        return Marche.Creer(operation, numero, objet, TypeMarche.Ordinaire, notification, debut, fin,
            new Montant(lots.Sum(l => l.MontantHT!.Value.Centimes)), lots, reglages, horloge);
    }

    private Marche MarcheDeServices(Operation operation, string numero, DateOnly? notification, DateOnly debut, DateOnly fin, Reglages reglages)
    {
        var (objet, libelle) = _faker.PickRandom(("Entretien des espaces verts", "Espaces verts"), ("Nettoyage des locaux", "Nettoyage des locaux"),
            ("Propreté des parties communes", "Nettoyage des parties communes"), ("Collecte des encombrants", "Collecte des encombrants"),
            ("Petits travaux d'entretien du patrimoine", "Second œuvre – entretien"));
        var bons = _faker.Random.Bool(0.35f);
        var lot = Clause(new NouveauLot(1, libelle, new Montant(_faker.Random.Long(50_000_00, 900_000_00)), null, null, Fondement.Aucun, null));
        // A market reserved to SIAE is common practice on cleaning and green spaces.
        if (!bons && lot.Fondements != Fondement.Aucun && _faker.Random.Bool(0.2f)) lot = lot with { Fondements = Fondement.MarcheReserveSiae };
        return Marche.Creer(operation, numero, objet, bons ? TypeMarche.AccordCadreBonsCommande : TypeMarche.Ordinaire, notification, debut, fin,
            lot.MontantHT!.Value, [lot], reglages, horloge);
    }

    /// <summary>The clause of a lot: mostly F1 at 3–10 %, some F2 and F3, a few lots without clause.</summary>
    private NouveauLot Clause(NouveauLot lot)
    {
        var tirage = _faker.Random.Int(1, 100);
        var taux = Taux.Pourcent(_faker.PickRandom(3, 4, 5, 5, 5, 6, 7, 8, 10));
        var fondements = _faker.Random.Bool(0.25f) ? Fondement.ConditionExecution | Fondement.CritereAttribution : Fondement.ConditionExecution;
        var heuresTravaillees = Duree.Heures(lot.MontantHT!.Value.Centimes / 100 / 60);
        return tirage switch
        {
            <= 6 => lot with { Fondements = Fondement.Aucun, Obligation = null },
            <= 14 => lot with { Fondements = fondements, Obligation = ParametresObligation.F2(taux, heuresTravaillees) },
            <= 22 => lot with { Fondements = fondements, Obligation = ParametresObligation.F3(Duree.Heures(_faker.Random.Int(2, 60) * 50)) },
            _ => lot with { Fondements = fondements, Obligation = ParametresObligation.F1(taux) },
        };
    }

    /// <summary>Attributions, bons, avenants and status of a lot according to its dates.</summary>
    private void Executer(Lot lot, Marche marche, DateOnly aujourdhui, List<Entreprise> classiques, List<Entreprise> insertion, Reglages reglages)
    {
        // Draw every random number first, so the sequence does not depend on today's date.
        var titulaire = classiques.Count > 0 ? _faker.PickRandom(classiques) : null;
        var siae = insertion.Count > 0 ? _faker.PickRandom(insertion) : null;
        var cotraitant = classiques.Count > 1 && _faker.Random.Bool(0.25f) ? _faker.PickRandom(classiques) : null;
        var soustraitant = insertion.Count > 0 && _faker.Random.Bool(0.3f) ? _faker.PickRandom(insertion) : null;
        var conforme = _faker.Random.Bool(0.8f);
        var avenant = _faker.Random.Bool(0.06f);
        var hausse = _faker.Random.Int(3, 15);
        var nombreBons = _faker.Random.Int(2, 6);
        var partBons = Enumerable.Range(0, nombreBons).Select(_ => _faker.Random.Int(5, 15)).ToList();

        if (marche.DateNotification is null || titulaire is null) return;
        // A lot reserved to SIAE goes to an insertion structure.
        lot.Attribuer(lot.Fondements.HasFlag(Fondement.MarcheReserveSiae) && siae is not null ? siae : titulaire, RoleAttribution.Attributaire, marche.DateNotification);
        if (cotraitant is not null && lot.Attributions.All(a => a.EntrepriseId != cotraitant.Id))
            lot.Attribuer(cotraitant, RoleAttribution.CoTraitant, marche.DateNotification);
        if (soustraitant is not null && lot.Attributions.All(a => a.EntrepriseId != soustraitant.Id))
            lot.Attribuer(soustraitant, RoleAttribution.SousTraitant, lot.DebutExecution.AddDays(15));

        if (lot.AccordCadreBonsCommande && lot.DebutExecution <= aujourdhui)
        {
            var ecart = Math.Max(1, (Min(lot.FinExecution, aujourdhui).DayNumber - lot.DebutExecution.DayNumber) / nombreBons);
            for (var b = 0; b < nombreBons; b++)
            {
                var date = lot.DebutExecution.AddDays(b * ecart);
                if (date > aujourdhui) break;
                var montant = new Montant(lot.MontantHTCentimes * partBons[b] / 100);
                lot.AjouterBonCommande($"BC-{b + 1:00}", date, montant, lot.AvecClause ? CalculHeuresDues.Prorata(lot.HeuresDues, montant, lot.MontantHT) : null);
            }
        }
        if (avenant && lot.DebutExecution.AddMonths(3) <= aujourdhui)
            lot.AppliquerAvenant(new Montant(lot.MontantHTCentimes * (100 + hausse) / 100),
                $"Avenant n°1 : travaux supplémentaires (+{hausse} %)", lot.DebutExecution.AddMonths(3), reglages, horloge);

        lot.Lancer();
        if (lot.DebutExecution > aujourdhui) return;
        lot.MettreEnExecution();
        if (lot.FinExecution >= aujourdhui) return;
        lot.DemanderCloture();
        if (lot.FinExecution.AddDays(60) >= aujourdhui) return;
        if (conforme) lot.CloreConforme();
        else lot.CloreNonConforme();
    }

    private static void AvancerOperation(Operation operation, List<Marche> marches, DateOnly aujourdhui)
    {
        operation.Valider();
        operation.MettreEnConsultation();
        if (marches.All(m => m.DateNotification is null)) return;
        operation.MettreEnExecution();
        if (marches.SelectMany(m => m.Lots).All(l => l.Statut is StatutLot.CloseConforme or StatutLot.CloseNonConforme) && marches.Max(m => m.FinExecution) < aujourdhui)
            operation.Clore();
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
