using System.Net;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Clause.Tests.Web;

/// <summary>
/// The Direction's dry-run list of the anonymisation (/Structure/Conservation, issue 16 item 10): the participant past the
/// retention period is listed with their last event, a recent one is not; the confirmation is recorded once.
/// </summary>
public sealed class ConservationPageTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    [Fact]
    public async Task La_direction_voit_la_liste_a_blanc_du_bon_participant_puis_confirme()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        // Registered on 05/01/2023 and never changed since: 26 months without an event on 15/03/2026 (the app's clock).
        var ancien = new DateTimeOffset(2023, 1, 5, 9, 0, 0, TimeSpan.Zero);
        await using (var db = BaseToutesStructures.Ouvrir(o => o.UseSqlite("Data Source=" + app.CheminBase), new FakeTimeProvider(ancien)))
        {
            db.Participants.Add(Participant.Creer(structure.Id, ParticipantsDeTest.Donnees(nom: "Ancienparticipante", prenom: "Odile") with { DateInformation = null }, DateOnly.FromDateTime(ancien.UtcDateTime)));
            await db.SaveChangesAsync();
        }
        await using (var db = app.ToutesStructures())
        {
            db.Participants.Add(Participant.Creer(structure.Id, ParticipantsDeTest.Donnees(nom: "Recenteparticipante", prenom: "Rose"), new DateOnly(2025, 6, 1)));
            await db.SaveChangesAsync();
        }

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Structure/Conservation"));

        Assert.Contains("Ancienparticipante Odile", page, StringComparison.Ordinal);
        Assert.Contains("Modification de la fiche", page, StringComparison.Ordinal);
        Assert.Contains("05/01/2023", page, StringComparison.Ordinal);
        Assert.Contains("06/01/2025", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Recenteparticipante", page, StringComparison.Ordinal);
        Assert.Contains("Liste à blanc", page, StringComparison.Ordinal);

        var reponse = await FabriqueClause.PosterAsync(client, "/Structure/Conservation", []);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        await using (var db = app.ToutesStructures())
        {
            var reglages = await db.Reglages.AsNoTracking().SingleAsync(r => r.StructureId == structure.Id);
            Assert.Equal(app.Horloge.GetUtcNow(), reglages.AnonymisationConfirmeeLe);
        }
        var apres = WebUtility.HtmlDecode(await client.GetStringAsync("/Structure/Conservation"));
        Assert.Contains("Anonymisation confirmée le 15/03/2026", apres, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirmer l'anonymisation", apres, StringComparison.Ordinal);
    }
}
