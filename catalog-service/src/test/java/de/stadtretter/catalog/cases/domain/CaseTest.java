package de.stadtretter.catalog.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.stadtretter.kit.security.CurrentUser;

/** The workflow rules and the access policy, without Spring. */
class CaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-02T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-03T10:00:00Z");

    private static Case draft() {
        return Case.draft(UUID.randomUUID(), "Titel", "Teaser", "01001000", List.of("leerstand"), "sub", T0);
    }

    @Test
    void theHappyPathStampsEachStep() {
        Case published = draft().submit(T1).publish(T2);
        assertThat(published.status()).isEqualTo(CaseStatus.PUBLISHED);
        assertThat(published.submittedAt()).isEqualTo(T1);
        assertThat(published.publishedAt()).isEqualTo(T2);
        assertThat(published.updatedAt()).isEqualTo(T2);
        assertThat(published.createdAt()).isEqualTo(T0);
        assertThat(published.ownerOrganisation()).isEqualTo("01001000");
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> draft().publish(T1)).isInstanceOf(CaseStateException.class);
        assertThatThrownBy(() -> draft().submit(T1).submit(T2)).isInstanceOf(CaseStateException.class);
        assertThatThrownBy(() -> draft().submit(T1).publish(T2).publish(T2)).isInstanceOf(CaseStateException.class);
        assertThatThrownBy(() -> draft().requestChanges(T1)).isInstanceOf(CaseStateException.class);
        assertThatThrownBy(() -> draft().submit(T1).edit("x", "y", List.of("events"), T2))
                .isInstanceOf(CaseStateException.class);
    }

    @Test
    void changesRequestedGoBackToTheOwnerWhoMayEditAndResubmit() {
        Case returned = draft().submit(T1).requestChanges(T2);
        assertThat(returned.status()).isEqualTo(CaseStatus.CHANGES_REQUESTED);
        Case edited = returned.edit("Neu", "Neu", List.of("events"), T2);
        assertThat(edited.title()).isEqualTo("Neu");
        assertThat(edited.submit(T2).status()).isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void accessPolicy() {
        Case c = draft();
        CurrentUser owner = new CurrentUser("a", "a", "01001000", Set.of("kommune"));
        CurrentUser otherKommune = new CurrentUser("b", "b", "01002000", Set.of("kommune"));
        CurrentUser partnerWithSameOrg = new CurrentUser("c", "c", "01001000", Set.of("partner"));
        CurrentUser editor = new CurrentUser("d", "d", "stadtretter", Set.of("redaktion"));

        assertThat(CaseAccess.canChange(owner, c)).isTrue();
        assertThat(CaseAccess.canChange(editor, c)).isTrue();
        assertThat(CaseAccess.canChange(otherKommune, c)).isFalse();
        assertThat(CaseAccess.canChange(partnerWithSameOrg, c)).isFalse();
        assertThat(CaseAccess.canChange(null, c)).isFalse();
        assertThat(CaseAccess.canView(null, c)).isFalse();
        assertThat(CaseAccess.canView(null, c.submit(T1).publish(T2))).isTrue();
        assertThat(CaseAccess.canCreateFor(owner, "01002000")).isFalse();
        assertThat(CaseAccess.canCreateFor(editor, "01002000")).isTrue();
        assertThat(CaseAccess.visibilityFor(otherKommune)).isEqualTo(new CaseAccess.Visibility(false, "01002000"));
        assertThat(CaseAccess.visibilityFor(null)).isEqualTo(CaseAccess.Visibility.PUBLISHED_ONLY);
        assertThat(CaseAccess.visibilityFor(editor)).isEqualTo(CaseAccess.Visibility.ALL);
    }
}
