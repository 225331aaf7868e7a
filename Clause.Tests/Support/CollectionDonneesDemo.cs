namespace Clause.Tests.Support;

/// <summary>
/// Every test class that seeds or reads the demo data (a Development app, or <c>SemeurDemo</c> on a test database).
/// Seeding the demo is the heaviest start of the suite: these classes run one after the other, once the parallel
/// classes are done, so a browser journey on the demo never races a seeding for the two cores (the cause of a
/// sign-in that timed out).
/// </summary>
[CollectionDefinition(Nom, DisableParallelization = true)]
public sealed class CollectionDonneesDemo
{
    public const string Nom = "Données de démonstration";
}
