using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Placement.Candidater;

/// <summary>
/// Proposing a candidate to a poste and writing the next step after a « non retenu » (issue 14 item 3): a Facilitateur, or a
/// Référent for his or her own participants (the participant's combobox and the loader offer only those; another's → 404).
/// </summary>
public sealed class DossierCandidater() : DossierPages("/Placement/Candidater", Politiques.LectureParticipants, Politiques.Candidatures);
