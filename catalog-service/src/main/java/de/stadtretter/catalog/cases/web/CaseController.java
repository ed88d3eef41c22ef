package de.stadtretter.catalog.cases.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.validation.annotation.Validated;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseAccess;
import de.stadtretter.catalog.cases.domain.CasePage;
import de.stadtretter.catalog.cases.domain.CaseQuery;
import de.stadtretter.catalog.cases.domain.CaseRepository;
import de.stadtretter.catalog.cases.domain.CaseService;
import de.stadtretter.catalog.cases.domain.CaseStatus;
import de.stadtretter.catalog.partners.domain.CasePartners;
import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.IfMatch;
import de.stadtretter.kit.web.InvalidFieldsException;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The case API: create and edit drafts, the editorial workflow, and reading what the caller may see. */
@RestController
@RequestMapping("/api/catalog")
public class CaseController {

    private final CaseService service;
    private final ReferenceData referenceData;
    private final CasePartners partners;

    public CaseController(CaseService service, ReferenceData referenceData, CasePartners partners) {
        this.service = service;
        this.referenceData = referenceData;
        this.partners = partners;
    }

    @PostMapping("/cases")
    public ResponseEntity<CaseResponse> create(
            @Validated({Default.class, CaseRequest.OnCreate.class}) @RequestBody CaseRequest body,
            Authentication auth) {
        var created = service.create(CurrentUser.from(auth), body.ags(), body.content());
        return ResponseEntity.created(URI.create("/api/catalog/cases/" + created.id()))
                .eTag(IfMatch.etag(created.version())).body(response(created, auth));
    }

    @PutMapping("/cases/{id}")
    public ResponseEntity<CaseResponse> edit(@PathVariable UUID id,
            @Validated({Default.class, CaseRequest.OnUpdate.class}) @RequestBody CaseRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        return tagged(service.edit(CurrentUser.from(auth), id, body.version(), IfMatch.version(ifMatch),
                body.content()), auth);
    }

    @PostMapping("/cases/{id}/submit")
    public ResponseEntity<CaseResponse> submit(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        return tagged(service.submit(CurrentUser.from(auth), id, IfMatch.version(ifMatch)), auth);
    }

    @PostMapping("/cases/{id}/publish")
    public ResponseEntity<CaseResponse> publish(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        return tagged(service.publish(CurrentUser.from(auth), id, IfMatch.version(ifMatch)), auth);
    }

    @PostMapping("/cases/{id}/request-changes")
    public ResponseEntity<CaseResponse> requestChanges(@PathVariable UUID id,
            @Valid @RequestBody(required = false) RequestChangesRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        return tagged(service.requestChanges(CurrentUser.from(auth), id, IfMatch.version(ifMatch),
                body == null ? null : body.comment()), auth);
    }

    /** A published case leaves the catalogue (owner or Redaktion); it stays reachable by its id. */
    @PostMapping("/cases/{id}/archive")
    public ResponseEntity<CaseResponse> archive(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        return tagged(service.archive(CurrentUser.from(auth), id, IfMatch.version(ifMatch)), auth);
    }

    @GetMapping("/cases/{id}")
    public ResponseEntity<CaseResponse> get(@PathVariable UUID id, Authentication auth) {
        return tagged(service.get(CurrentUser.from(auth), id), auth);
    }

    /** "Hilfreich": any logged-in member, once per case; again is no change. */
    @PutMapping("/cases/{id}/helpful")
    public HelpfulResponse markHelpful(@PathVariable UUID id, Authentication auth) {
        return new HelpfulResponse(service.helpful(CurrentUser.from(auth), id, true), true);
    }

    /** The count and whether the caller marked the case; anonymous callers see the count only. */
    @GetMapping("/cases/{id}/helpful")
    public HelpfulResponse helpful(@PathVariable UUID id, Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        return new HelpfulResponse(service.get(user, id).helpfulCount(), service.markedHelpful(user, id));
    }

    @DeleteMapping("/cases/{id}/helpful")
    public HelpfulResponse unmarkHelpful(@PathVariable UUID id, Authentication auth) {
        return new HelpfulResponse(service.helpful(CurrentUser.from(auth), id, false), false);
    }

    /** The count of "hilfreich" votes and whether the caller gave one. */
    public record HelpfulResponse(long helpfulCount, boolean helpful) {}

    /** The workflow history, for the owner organisation and editors only. */
    @GetMapping("/cases/{id}/history")
    public List<CaseRepository.HistoryEntry> history(@PathVariable UUID id, Authentication auth) {
        return service.history(CurrentUser.from(auth), id);
    }

    @GetMapping("/cases")
    public CaseListResponse list(
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "false") boolean mine,
            Authentication auth) {
        if (topic != null && !referenceData.isTopic(topic)) {
            throw InvalidFieldsException.of("topic", "is not an id from the topic list");
        }
        CurrentUser user = CurrentUser.from(auth);
        CasePage result = service.list(user, new CaseQuery(topic, status, page, size, mine));
        var revisions = user == null ? java.util.Map.<UUID, CaseRepository.RevisionSummary>of()
                : service.revisionSummaries(result.items().stream().filter(c -> CaseAccess.canChange(user, c))
                        .map(Case::id).toList());
        var partnersOf = partners.ofCases(result.items().stream().map(Case::id).toList());
        return new CaseListResponse(result.items().stream().map(c -> CaseResponse.of(c, referenceData,
                        user != null, CaseAccess.canChange(user, c), revisions.get(c.id()),
                        partnersOf.getOrDefault(c.id(), List.of()))).toList(),
                result.page(), result.size(), result.totalItems());
    }

    /** The contact person is shown to logged-in members only, never to anonymous callers. */
    private CaseResponse response(Case c, Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        boolean owner = CaseAccess.canChange(user, c);
        return CaseResponse.of(c, referenceData, user != null, owner,
                owner ? service.revisionSummaries(List.of(c.id())).get(c.id()) : null, partners.ofCase(c.id()));
    }

    /** The case with its version as ETag, for {@code If-Match} on the next write. */
    private ResponseEntity<CaseResponse> tagged(Case c, Authentication auth) {
        return ResponseEntity.ok().eTag(IfMatch.etag(c.version())).body(response(c, auth));
    }

    @GetMapping("/topics")
    public List<TopicResponse> topics() {
        return referenceData.topics().stream().map(t -> new TopicResponse(t.id(), t.labelDe(), t.labelEn())).toList();
    }
}
