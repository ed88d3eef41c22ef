package de.stadtretter.matching.needs.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.ConflictException;
import de.stadtretter.kit.web.InvalidFieldsException;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.kit.web.PreconditionFailedException;

/**
 * Needs: a Kommune writes them for its own AGS (the Redaktion for any), edits and closes them; who may read one
 * follows its visibility. Every change is announced on {@code matching.need.v1} in the same transaction.
 */
@Service
public class NeedService {

    private final NeedRepository needs;
    private final NeedPublications publications;
    private final ReferenceData referenceData;
    private final Clock clock;

    public NeedService(NeedRepository needs, NeedPublications publications, ReferenceData referenceData,
            Clock clock) {
        this.needs = needs;
        this.publications = publications;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** What a need says, as written. */
    public record Content(String title, String description, List<String> topics, Need.Visibility visibility) {}

    @Transactional
    public Need open(CurrentUser user, String ags, Content content) {
        if (!referenceData.isMunicipalityKey(ags)) {
            throw InvalidFieldsException.of("ags", "must be the key (AGS) of a municipality of the Destatis list");
        }
        if (!(user.isEditor() || isOwn(user, ags))) {
            throw new AccessDeniedException("a Kommune writes needs for its own municipality only");
        }
        Instant now = clock.instant();
        Need need = new Need(UUID.randomUUID(), ags, content.title(), content.description(), content.topics(),
                content.visibility(), Need.Status.OPEN, actor(user), 0, now, now, null);
        needs.insert(need);
        publications.opened(need);
        return need;
    }

    @Transactional(readOnly = true)
    public Need get(CurrentUser user, UUID id) {
        return needs.find(id).filter(n -> canView(user, n)).orElseThrow(() -> new NotFoundException("Need", id));
    }

    @Transactional
    public Need edit(CurrentUser user, UUID id, Long bodyVersion, Long ifMatch, Content content) {
        Need current = changeable(user, id, bodyVersion, ifMatch);
        if (current.status() == Need.Status.CLOSED) {
            throw new ConflictException("A closed need is not edited; open a new one.");
        }
        Need edited = needs.update(new Need(id, current.ags(), content.title(), content.description(),
                content.topics(), content.visibility(), current.status(), current.createdBy(),
                current.version(), current.createdAt(), clock.instant(), null));
        publications.updated(edited);
        return edited;
    }

    @Transactional
    public Need close(CurrentUser user, UUID id, Long ifMatch) {
        Need current = changeable(user, id, null, ifMatch);
        if (current.status() == Need.Status.CLOSED) {
            throw new ConflictException("This need is already closed.");
        }
        Instant now = clock.instant();
        Need closed = needs.update(new Need(id, current.ags(), current.title(), current.description(),
                current.topics(), current.visibility(), Need.Status.CLOSED, current.createdBy(),
                current.version(), current.createdAt(), now, now));
        publications.closed(closed);
        return closed;
    }

    @Transactional(readOnly = true)
    public List<Need> list(CurrentUser user, String ags, String topic, Need.Status status, int page, int size) {
        String own = user != null && user.hasRole(CurrentUser.KOMMUNE) ? user.organisation() : null;
        return needs.list(ags, topic, status, user != null, own, user != null && user.isEditor(), page, size);
    }

    /** PUBLIC for everybody, MEMBERS for logged-in members, PRIVATE for the own Kommune and the Redaktion. */
    public static boolean canView(CurrentUser user, Need n) {
        return switch (n.visibility()) {
            case PUBLIC -> true;
            case MEMBERS -> user != null;
            case PRIVATE -> user != null && (user.isEditor() || isOwn(user, n.ags()));
        };
    }

    private Need changeable(CurrentUser user, UUID id, Long bodyVersion, Long ifMatch) {
        Need current = get(user, id);
        if (!(user.isEditor() || isOwn(user, current.ags()))) {
            throw new AccessDeniedException("only the Kommune of a need and the Redaktion change it");
        }
        if (ifMatch != null && ifMatch != current.version()) {
            throw new PreconditionFailedException("Need " + id + " is at version " + current.version()
                    + ", not the one in If-Match; reload it and try again.");
        }
        if (bodyVersion != null && bodyVersion != current.version()) {
            throw new OptimisticLockingFailureException("Need " + id + " is at version " + current.version());
        }
        return current;
    }

    private static boolean isOwn(CurrentUser user, String ags) {
        return user.hasRole(CurrentUser.KOMMUNE) && user.belongsTo(ags);
    }

    private static String actor(CurrentUser user) {
        return user.username() == null ? user.subject() : user.username();
    }
}
