using System.Net;
using Clause.Domain.Securite;
using Clause.Infrastructure.DonneesDemo;

namespace Clause.Tests.Web.Performance;

/// <summary>
/// Issue 17, bad input: every list and every search endpoint asked with a 1 000-character term, LIKE wildcards, a page
/// number of 10^9 and a sort column that does not exist answers 200 — the term cut, the wildcards escaped, the page
/// brought back to the last, the sort ignored — and its queries go through the plan guard like any crawled page (no
/// SCAN of a tenant table).
/// </summary>
public sealed partial class PerformancePagesTests
{
    /// <summary>The lists (with their search field's name) and the combobox sources, as the facilitateur.</summary>
    private static readonly (string Adresse, string Champ)[] ListesEtRecherches =
    [
        ("/Contrats", "q"), ("/Marches", "q"), ("/Operations", "q"), ("/DonneursOrdre", "q"), ("/Entreprises", "Recherche"),
        ("/Participants", "Recherche"), ("/Heures/AValider", "q"), ("/Embauches", "q"),
        ("/Recherche/Lots", "terme"), ("/Recherche/Entreprises", "terme"), ("/Recherche/Participants", "terme"),
        ("/Recherche/Operations", "terme"), ("/Recherche/DonneursOrdre", "terme"),
        ("/Recherche/Lots?handler=Json", "terme"), ("/Recherche/Entreprises?handler=Json", "terme"),
        ("/Recherche/Participants?handler=Json", "terme"), ("/Recherche/Operations?handler=Json", "terme"),
        ("/Recherche/DonneursOrdre?handler=Json", "terme"),
    ];

    private static readonly string[] TermesAbsurdes = [new string('é', 1000), "%", "_", "%_%", "a%b_c", "\\", "[a-z]", new string('%', 1000)];

    /// <summary>Requests each list and search with each absurd input (collected for the plan guard); returns the count.</summary>
    private async Task<int> ParcourirEntreesAbsurdesAsync()
    {
        var facilitateur = SemeurDemo.Comptes.First(c => c.Role == Roles.Facilitateur);
        var client = await app.ConnecterAsync(facilitateur.Email, facilitateur.MotDePasse);
        var adresses = 0;
        foreach (var (liste, champ) in ListesEtRecherches)
        {
            var separateur = liste.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var demandes = TermesAbsurdes
                .Select(t => $"{liste}{separateur}{champ}={Uri.EscapeDataString(t)}&numero=1000000000&tri=colonne-inconnue&ordre=desc&filtre=inconnu")
                // Without « tri= », so that the guard also checks the default sort of a page asked beyond its last.
                .Append($"{liste}{separateur}numero=1000000000&ordre=ni-asc-ni-desc")
                .Append($"{liste}{separateur}numero=-5&{champ}=");
            foreach (var adresse in demandes)
            {
                app.Collecte.Adresse = adresse;
                using var reponse = await client.GetAsync(new Uri(adresse, UriKind.Relative));
                app.Collecte.Adresse = null;
                Assert.True(reponse.StatusCode == HttpStatusCode.OK, $"{adresse} : {(int)reponse.StatusCode}");
                adresses++;
            }
        }
        return adresses;
    }
}
