namespace Clause.Domain.Commun;

/// <summary>
/// Collects the refusals of a method that checks every field before it changes anything (issue 15 item 5: every error
/// of a form in one pass): each check runs through <see cref="Verifier{T}"/> — the existing rule (a <see cref="Garde"/>
/// call, a domain check) unchanged, its refusal recorded instead of stopping the others — then <see cref="Lever"/>
/// throws them all at once (<see cref="RegleMetierException.Plusieurs"/>), before the caller assigns anything.
/// </summary>
public sealed class Verification
{
    private readonly List<RegleMetierException> _erreurs = [];

    /// <summary>The checked value, or <paramref name="siRefus"/> when the rule refused it (the refusal is kept).</summary>
    public T Verifier<T>(Func<T> regle, T siRefus = default!)
    {
        ArgumentNullException.ThrowIfNull(regle);
        try
        {
            return regle();
        }
        catch (RegleMetierException ex)
        {
            _erreurs.AddRange(ex.Toutes);
            return siRefus;
        }
    }

    /// <summary>A check without a value.</summary>
    public void Verifier(Action regle)
    {
        ArgumentNullException.ThrowIfNull(regle);
        Verifier<bool>(() =>
        {
            regle();
            return true;
        });
    }

    /// <summary>A refusal found without a rule to run (the value is missing, the inputs contradict each other): kept with the others.</summary>
    public void Refuser(RegleMetierException refus)
    {
        ArgumentNullException.ThrowIfNull(refus);
        _erreurs.AddRange(refus.Toutes);
    }

    /// <summary>True when a check already refused <paramref name="champ"/>: a further rule on that field would only add noise.</summary>
    public bool Refuse(string champ) => _erreurs.Exists(e => e.Champ == champ);

    /// <summary>True when no check refused so far.</summary>
    public bool Valide => _erreurs.Count == 0;

    /// <summary>Every refusal at once, or nothing when all checks passed.</summary>
    public void Lever()
    {
        if (_erreurs.Count > 0) throw RegleMetierException.Plusieurs(_erreurs);
    }
}
