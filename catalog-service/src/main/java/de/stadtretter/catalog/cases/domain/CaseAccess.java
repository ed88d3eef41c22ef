package de.stadtretter.catalog.cases.domain;

import de.stadtretter.kit.security.CurrentUser;

/**
 * Who may see and change which case. Editors (Redaktion, admin) act on every case; Kommune users on the cases
 * of their own organisation; everybody, also anonymous visitors, sees published cases, and archived ones by id.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    /** {@code user} is {@code null} for anonymous callers. */
    public static boolean canView(CurrentUser user, Case c) {
        return c.status() == CaseStatus.PUBLISHED || c.status() == CaseStatus.ARCHIVED || canChange(user, c);
    }

    public static boolean canChange(CurrentUser user, Case c) {
        return user != null && (user.isEditor() || isMember(user, c.ownerOrganisation()));
    }

    public static boolean canCreateFor(CurrentUser user, String ags) {
        return user != null && (user.isEditor() || isMember(user, ags));
    }

    public static boolean canReview(CurrentUser user) {
        return user != null && user.isEditor();
    }

    /** The list filter that matches {@link #canView}. */
    public static Visibility visibilityFor(CurrentUser user) {
        if (user != null && user.isEditor()) {
            return Visibility.ALL;
        }
        if (user != null && user.hasRole(CurrentUser.KOMMUNE) && user.organisation() != null) {
            return new Visibility(false, user.organisation());
        }
        return Visibility.PUBLISHED_ONLY;
    }

    private static boolean isMember(CurrentUser user, String organisation) {
        return user.hasRole(CurrentUser.KOMMUNE) && user.belongsTo(organisation);
    }

    /**
     * Which cases a caller may list: all of them, or the published ones plus those of {@code ownOrganisation}
     * (if not {@code null}).
     */
    public record Visibility(boolean all, String ownOrganisation) {
        public static final Visibility ALL = new Visibility(true, null);
        public static final Visibility PUBLISHED_ONLY = new Visibility(false, null);
    }
}
