using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

/// <summary>
/// Reads the numbers typed in a form (euros, %, hours, whole numbers) — bound as strings, parsed here with the
/// value objects' own parsers — and puts a French error naming the field beside each refusal. With a
/// <c>groupe</c> ("Lot 2"), the message names the group too: « Lot 2 — Montant HT : … ».
/// </summary>
public sealed class LectureSaisie(ModelStateDictionary etat, string prefixe = "Saisie", string? groupe = null)
{
    public const string ConsigneMontant = "doit être un montant en euros écrit en chiffres, avec au plus 2 décimales (exemple : 12 500,50)";
    public const string ConsigneTaux = "doit être un pourcentage écrit en chiffres, avec au plus 2 décimales (exemple : 5 ou 12,5)";
    public const string ConsigneHeures = "doit être un nombre d'heures écrit en chiffres, avec au plus 2 décimales (exemple : 1 500 ou 151,67)";
    public const string ConsigneEntier = "doit être un nombre entier écrit en chiffres (exemple : 3)";

    public Montant? Montant(string? saisie, string champ, string libelle, bool requis = false) =>
        Lire(saisie, champ, libelle, requis, ConsigneMontant, (string s, out Montant m) => Domain.Commun.Montant.TryParse(s, out m));

    public Taux? Taux(string? saisie, string champ, string libelle, bool requis = false) =>
        Lire(saisie, champ, libelle, requis, ConsigneTaux, (string s, out Taux t) => Domain.Commun.Taux.TryParse(s, out t));

    public Duree? Heures(string? saisie, string champ, string libelle, bool requis = false) =>
        Lire(saisie, champ, libelle, requis, ConsigneHeures, (string s, out Duree d) => Duree.TryParseHeures(s, out d));

    public int? Entier(string? saisie, string champ, string libelle, bool requis = false) =>
        Lire(saisie, champ, libelle, requis, ConsigneEntier,
            (string s, out int n) => int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out n));

    /// <summary>A French error beside <paramref name="champ"/> (the input record's property).</summary>
    public void Erreur(string champ, string libelle, string message) =>
        etat.AddModelError(string.IsNullOrEmpty(champ) ? string.Empty : $"{prefixe}.{champ}",
            groupe is null ? message : $"{groupe} — {libelle} : {message}");

    private delegate bool Parseur<T>(string saisie, out T valeur);

    private T? Lire<T>(string? saisie, string champ, string libelle, bool requis, string consigne, Parseur<T> parser) where T : struct
    {
        if (string.IsNullOrWhiteSpace(saisie))
        {
            if (requis) Erreur(champ, libelle, groupe is null ? $"Le champ « {libelle} » est obligatoire." : "ce champ est obligatoire.");
            return null;
        }
        if (parser(saisie, out var valeur)) return valeur;
        Erreur(champ, libelle, groupe is null ? $"Le champ « {libelle} » {consigne}." : $"la valeur saisie {consigne}.");
        return null;
    }
}

/// <summary>The structure's réglages (DOMAIN.md: every "(réglage)"), or their defaults when none were saved.</summary>
public static class ReglagesStructure
{
    public static async Task<Reglages> LireAsync(ClauseDbContext db, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId ?? default;
        return await db.Reglages.AsNoTracking().FirstOrDefaultAsync(r => r.StructureId == structureId, annulation)
            ?? Reglages.ParDefaut(structureId);
    }
}
