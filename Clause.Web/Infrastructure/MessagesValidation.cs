using Clause.Domain.Commun;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Clause.Web.Infrastructure;

/// <summary>French messages for model binding and the bridge from domain refusals to form errors.</summary>
public static class MessagesValidation
{
    public static void EnFrancais(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetAttemptedValueIsInvalidAccessor((valeur, champ) => $"La valeur « {valeur} » n'est pas valide pour le champ « {champ} ».");
        messages.SetMissingBindRequiredValueAccessor(champ => $"Le champ « {champ} » est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(valeur => $"La valeur « {valeur} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Ce champ doit être un nombre.");
        messages.SetUnknownValueIsInvalidAccessor(champ => $"La valeur saisie n'est pas valide pour le champ « {champ} ».");
        messages.SetValueIsInvalidAccessor(valeur => $"La valeur « {valeur} » n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(champ => $"Le champ « {champ} » doit être un nombre.");
        messages.SetValueMustNotBeNullAccessor(champ => $"Le champ « {champ} » est obligatoire.");
    }

    /// <summary>
    /// Shows a domain refusal beside the field it names (prefix = the bound input record's name). When the input record
    /// names that field differently from the entity (PartMainOeuvrePdb → PartMainOeuvre), <paramref name="renommages"/>
    /// says so; an empty name puts the message at the top of the form.
    /// </summary>
    public static void AjouterErreur(this ModelStateDictionary etat, RegleMetierException erreur,
        IReadOnlyDictionary<string, string>? renommages = null, string prefixe = "Saisie")
    {
        ArgumentNullException.ThrowIfNull(etat);
        ArgumentNullException.ThrowIfNull(erreur);
        // A domain method that checks every field first may carry several refusals: each goes beside its own field.
        foreach (var une in erreur.Toutes)
        {
            var champ = renommages is not null && renommages.TryGetValue(une.Champ, out var renomme) ? renomme : une.Champ;
            var cle = string.IsNullOrEmpty(champ) ? string.Empty : $"{prefixe}.{champ}";
            etat.AddModelError(cle, une.Message);
        }
    }
}

/// <summary>
/// Every date bound from a form (DateOnly or DateTime, nullable or not, in any input record or lot row) must lie in
/// <see cref="PlageDates"/> — 01/01/1900 to 31/12/2100 — or the form is refused with a French message naming the field
/// (its Display name). Registered once for all pages (ComposeWeb): a new form gets the rule without writing it.
/// </summary>
public sealed class ValidationDates : IMetadataBasedModelValidatorProvider
{
    private static readonly Validateur Unique = new();

    public bool HasValidators(Type modelType, IList<object> validatorMetadata) => EstUneDate(modelType);

    public void CreateValidators(ModelValidatorProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (EstUneDate(context.ModelMetadata.ModelType))
            context.Results.Add(new ValidatorItem { Validator = Unique, IsReusable = true });
    }

    private static bool EstUneDate(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateOnly) || t == typeof(DateTime));

    private sealed class Validateur : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            DateOnly? date = context.Model switch
            {
                DateOnly d => d,
                DateTime t => DateOnly.FromDateTime(t),
                _ => null,
            };
            return date is { } valeur && !PlageDates.Contient(valeur)
                ? [new ModelValidationResult(string.Empty, PlageDates.Message(context.ModelMetadata.GetDisplayName()))]
                : [];
        }
    }
}
