package de.stadtretter.catalog.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseRevision;
import de.stadtretter.catalog.cases.domain.CaseRevisionService;
import de.stadtretter.catalog.cases.domain.CaseService;
import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.IfMatch;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

/**
 * Revisions of published cases: {@code GET/PUT /api/catalog/cases/{id}/revision} and its workflow steps. The
 * published case stays visible unchanged until the Redaktion publishes the revision.
 */
@RestController
@RequestMapping("/api/catalog/cases/{id}/revision")
public class CaseRevisionController {

    private final CaseRevisionService revisions;
    private final CaseService cases;
    private final ReferenceData referenceData;

    public CaseRevisionController(CaseRevisionService revisions, CaseService cases, ReferenceData referenceData) {
        this.revisions = revisions;
        this.cases = cases;
        this.referenceData = referenceData;
    }

    /**
     * A pending revision.
     *
     * @param version the revision's version (its ETag), for {@code version} or {@code If-Match} on the next step
     * @param basedOn the version of the published case it started from
     * @param changedFields the fields in which it differs from the published case
     * @param reviewComment the Redaktion's request for changes, if it returned the revision
     * @param revisedCase the case as it will read once the revision is published
     */
    public record RevisionResponse(UUID caseId, CaseRevision.Status status, long version, long basedOn,
            List<String> changedFields, String reviewComment, Instant createdAt, Instant updatedAt,
            Instant submittedAt, @com.fasterxml.jackson.annotation.JsonProperty("case") CaseResponse revisedCase) {}

    @GetMapping
    public ResponseEntity<RevisionResponse> get(@PathVariable UUID id, Authentication auth) {
        return tagged(revisions.get(CurrentUser.from(auth), id), auth);
    }

    /**
     * Creates the revision or replaces its content: the same JSON as {@code PUT /api/catalog/cases/{id}}; its
     * {@code version} is the revision's, or the published case's when the revision is created.
     */
    @PutMapping
    public ResponseEntity<RevisionResponse> save(@PathVariable UUID id,
            @Validated({Default.class, CaseRequest.OnUpdate.class}) @RequestBody CaseRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        return tagged(revisions.save(CurrentUser.from(auth), id, body.version(), IfMatch.version(ifMatch),
                body.content()), auth);
    }

    @PostMapping("/submit")
    public ResponseEntity<RevisionResponse> submit(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        return tagged(revisions.submit(CurrentUser.from(auth), id, IfMatch.version(ifMatch)), auth);
    }

    @PostMapping("/request-changes")
    public ResponseEntity<RevisionResponse> requestChanges(@PathVariable UUID id,
            @Valid @RequestBody(required = false) RequestChangesRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        return tagged(revisions.requestChanges(CurrentUser.from(auth), id, IfMatch.version(ifMatch),
                body == null ? null : body.comment()), auth);
    }

    /** Publishes the revision: the answer is the case with its new content (and the case's version as ETag). */
    @PostMapping("/publish")
    public ResponseEntity<CaseResponse> publish(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        Case updated = revisions.publish(CurrentUser.from(auth), id, IfMatch.version(ifMatch));
        return ResponseEntity.ok().eTag(IfMatch.etag(updated.version()))
                .body(CaseResponse.of(updated, referenceData, true, true));
    }

    private ResponseEntity<RevisionResponse> tagged(CaseRevision r, Authentication auth) {
        Case published = cases.get(CurrentUser.from(auth), r.caseId());
        Case asRevised = new Case(published.id(), published.ags(), published.ownerOrganisation(), r.content(),
                published.status(), published.createdBy(), published.createdAt(), r.updatedAt(),
                published.submittedAt(), published.publishedAt(), published.version(), r.reviewComment(),
                published.helpfulCount());
        RevisionResponse body = new RevisionResponse(r.caseId(), r.status(), r.version(), r.basedOn(),
                published.content().changedFields(r.content()), r.reviewComment(), r.createdAt(), r.updatedAt(),
                r.submittedAt(), CaseResponse.of(asRevised, referenceData, true, true));
        return ResponseEntity.ok().eTag(IfMatch.etag(r.version())).body(body);
    }
}
