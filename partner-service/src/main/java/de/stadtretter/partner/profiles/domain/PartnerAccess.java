package de.stadtretter.partner.profiles.domain;

import java.util.UUID;

import de.stadtretter.kit.security.CurrentUser;

/**
 * Who may see and change which profile. The owner is a user with role {@code partner} whose {@code organisation}
 * claim is the profile's id; the Redaktion (and admins) act on every profile; everybody sees verified profiles.
 */
public final class PartnerAccess {

    private PartnerAccess() {
    }

    /** {@code user} is {@code null} for anonymous callers. */
    public static boolean canView(CurrentUser user, Partner partner) {
        return partner.isPublic() || canChange(user, partner.id());
    }

    public static boolean canChange(CurrentUser user, UUID partnerId) {
        return user != null && (user.isEditor() || isOwner(user, partnerId));
    }

    public static boolean isOwner(CurrentUser user, UUID partnerId) {
        return user != null && user.hasRole(CurrentUser.PARTNER) && user.belongsTo(partnerId.toString());
    }

    /** Deleting the whole profile: its owner or an admin (the Redaktion rejects instead). */
    public static boolean canDelete(CurrentUser user, UUID partnerId) {
        return user != null && (user.hasRole(CurrentUser.ADMIN) || isOwner(user, partnerId));
    }

    public static boolean canReview(CurrentUser user) {
        return user != null && user.isEditor();
    }

    /** The contact person: for logged-in members only. */
    public static boolean canSeeContact(CurrentUser user, Partner partner) {
        return user != null && canView(user, partner);
    }
}
