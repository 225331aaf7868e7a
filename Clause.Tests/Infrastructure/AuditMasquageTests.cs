using System.Reflection;
using Clause.Domain.Commun;
using Clause.Infrastructure.Audit;

namespace Clause.Tests.Infrastructure;

/// <summary>
/// The masking of [Sensible] properties in the audit trail. No production entity carries [Sensible] yet
/// (participants will), so the interceptor's masking function is tested on a test-only type.
/// </summary>
public class AuditMasquageTests
{
    private sealed class Personne
    {
        [Sensible]
        public string? NumeroSecuriteSociale { get; set; }

        public string? Commune { get; set; }
    }

    private static PropertyInfo Propriete(string nom) => typeof(Personne).GetProperty(nom)!;

    [Fact]
    public void Valeur_d_une_propriete_sensible_est_masquee()
    {
        Assert.Equal(JournalAudit.ValeurMasquee, AuditInterceptor.ValeurJournalisee(Propriete(nameof(Personne.NumeroSecuriteSociale)), "1 85 05 37 261 002 42"));
    }

    [Fact]
    public void Absence_de_valeur_sensible_reste_visible_comme_absence()
    {
        Assert.Null(AuditInterceptor.ValeurJournalisee(Propriete(nameof(Personne.NumeroSecuriteSociale)), null));
    }

    [Fact]
    public void Propriete_ordinaire_est_journalisee_en_clair_et_en_format_invariant()
    {
        Assert.Equal("Tours", AuditInterceptor.ValeurJournalisee(Propriete(nameof(Personne.Commune)), "Tours"));
        Assert.Equal("2026-03-15", AuditInterceptor.ValeurJournalisee(null, new DateOnly(2026, 3, 15)));
        Assert.Equal("1234.5", AuditInterceptor.ValeurJournalisee(null, 1234.5m));
    }
}
