using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Support;

public partial class FabriqueClause
{
    /// <summary>A company written straight into the database of <paramref name="structureId"/>.</summary>
    public async Task<Entreprise> CreerEntrepriseAsync(StructureId structureId, string raisonSociale, string siret,
        TypeEmployeur type = TypeEmployeur.Classique, Action<Entreprise>? completer = null)
    {
        using var portee = Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("tests");
        var entreprise = Entreprise.Creer(structureId, raisonSociale, siret, type);
        completer?.Invoke(entreprise);
        db.Entreprises.Add(entreprise);
        await db.SaveChangesAsync();
        return entreprise;
    }

    /// <summary>Runs a read against the database across every structure (<see cref="ToutesStructures"/>).</summary>
    public async Task<T> LireAsync<T>(Func<ClauseDbContext, Task<T>> lecture)
    {
        ArgumentNullException.ThrowIfNull(lecture);
        await using var db = ToutesStructures();
        return await lecture(db);
    }

    /// <summary>The fields a browser would send for the first POST form of a page (checkboxes as true/false).</summary>
    public static Dictionary<string, string> ChampsDuFormulaire(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var formulaire = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .First(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) && f.QuerySelector("input[type=text], select") is not null);
        var champs = new Dictionary<string, string>();
        foreach (var element in formulaire.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } caseACocher when !string.IsNullOrEmpty(caseACocher.Name):
                    champs[caseACocher.Name!] = caseACocher.IsChecked ? "true" : "false";
                    break;
                case IHtmlInputElement { Type: "hidden" } cache when !string.IsNullOrEmpty(cache.Name):
                    champs.TryAdd(cache.Name!, cache.Value);
                    break;
                case IHtmlInputElement saisie when !string.IsNullOrEmpty(saisie.Name):
                    champs[saisie.Name!] = saisie.Value;
                    break;
                case IHtmlSelectElement liste when !string.IsNullOrEmpty(liste.Name):
                    champs[liste.Name!] = liste.Value ?? string.Empty;
                    break;
            }
        }
        champs.Remove("__RequestVerificationToken");
        return champs;
    }

    /// <summary>The text of the error shown beside a field (element id "{id}-erreur" or the validation span).</summary>
    public static string? ErreurDuChamp(string html, string nomChamp)
    {
        var document = new HtmlParser().ParseDocument(html);
        var id = nomChamp.Replace('.', '_');
        var message = document.GetElementById(id + "-erreur")
            ?? document.QuerySelector($"[data-valmsg-for='{nomChamp}']");
        var texte = message?.TextContent.Trim();
        return string.IsNullOrEmpty(texte) ? null : texte;
    }
}
