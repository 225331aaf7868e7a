namespace Clause.Domain.Securite;

/// <summary>
/// Who must sign in with a second factor (issue 16 item 4): the Administrateur and the Direction always; the other staff
/// roles (Facilitateur, Référent) when their structure's réglage <c>DoubleFacteurTousRoles</c> says so; never a company
/// or a buyer account. The one place of the rule: the sign-in claims and the enrolment page read it.
/// </summary>
public static class DoubleFacteur
{
    public static bool Requis(string? role, bool tousRolesDuPersonnel) => role switch
    {
        Roles.Administrateur or Roles.Direction => true,
        Roles.Facilitateur or Roles.Referent => tousRolesDuPersonnel,
        _ => false,
    };
}
