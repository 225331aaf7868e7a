using Clause.Domain.Commun;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

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

    /// <summary>Shows a domain refusal beside the field it names (prefix = the bound input record's name).</summary>
    public static void AjouterErreur(this ModelStateDictionary etat, RegleMetierException erreur, string prefixe = "Saisie")
    {
        ArgumentNullException.ThrowIfNull(etat);
        ArgumentNullException.ThrowIfNull(erreur);
        var cle = string.IsNullOrEmpty(erreur.Champ) ? string.Empty : $"{prefixe}.{erreur.Champ}";
        etat.AddModelError(cle, erreur.Message);
    }
}
