package de.stadtretter.matching.needs.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.validator.constraints.UniqueElements;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.IfMatch;
import de.stadtretter.kit.web.InvalidFieldsException;
import de.stadtretter.kit.web.text.MultilineText;
import de.stadtretter.kit.web.validation.TopicIds;
import de.stadtretter.matching.needs.domain.Need;
import de.stadtretter.matching.needs.domain.NeedService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

/** A town's needs: write, read (as their visibility allows), edit, close, list. */
@RestController
@RequestMapping("/api/matching/needs")
@Validated
public class NeedController {

    private final NeedService service;
    private final ReferenceData referenceData;

    public NeedController(NeedService service, ReferenceData referenceData) {
        this.service = service;
        this.referenceData = referenceData;
    }

    /**
     * Body of {@code POST /api/matching/needs} (with {@code ags}) and {@code PUT /api/matching/needs/{id}} (with the
     * {@code version} it is based on). {@code visibility} defaults to {@code MEMBERS}.
     */
    public record NeedRequest(@NotNull(groups = OnCreate.class) String ags,
            @NotBlank @Size(max = 150) String title,
            @NotBlank @MultilineText @Size(max = 5_000) String description,
            @NotEmpty @Size(max = 6) @UniqueElements @TopicIds List<String> topics,
            Need.Visibility visibility,
            @NotNull(groups = OnUpdate.class) @PositiveOrZero Long version) {

        public interface OnCreate {}

        public interface OnUpdate {}

        NeedService.Content content() {
            return new NeedService.Content(title, description, topics,
                    visibility == null ? Need.Visibility.MEMBERS : visibility);
        }
    }

    public record NeedResponse(UUID id, String ags, String municipality, String title, String description,
            List<String> topics, Need.Visibility visibility, Need.Status status, long version, Instant createdAt,
            Instant updatedAt, Instant closedAt) {}

    @PostMapping
    public ResponseEntity<NeedResponse> open(@Validated({Default.class, NeedRequest.OnCreate.class})
            @RequestBody NeedRequest body, Authentication auth) {
        Need need = service.open(CurrentUser.from(auth), body.ags(), body.content());
        return ResponseEntity.created(URI.create("/api/matching/needs/" + need.id()))
                .eTag(IfMatch.etag(need.version())).body(response(need));
    }

    @GetMapping("/{id}")
    public ResponseEntity<NeedResponse> get(@PathVariable UUID id, Authentication auth) {
        return tagged(service.get(CurrentUser.from(auth), id));
    }

    @PutMapping("/{id}")
    public ResponseEntity<NeedResponse> edit(@PathVariable UUID id,
            @Validated({Default.class, NeedRequest.OnUpdate.class}) @RequestBody NeedRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        return tagged(service.edit(CurrentUser.from(auth), id, body.version(), IfMatch.version(ifMatch),
                body.content()));
    }

    @PostMapping("/{id}/close")
    public ResponseEntity<NeedResponse> close(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        return tagged(service.close(CurrentUser.from(auth), id, IfMatch.version(ifMatch)));
    }

    public record NeedList(List<NeedResponse> items, int page, int size) {}

    @GetMapping
    public NeedList list(@RequestParam(required = false) String ags, @RequestParam(required = false) String topic,
            @RequestParam(required = false) Need.Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Authentication auth) {
        if (topic != null && !referenceData.isTopic(topic)) {
            throw InvalidFieldsException.of("topic", "is not an id from the topic list");
        }
        if (ags != null && !referenceData.isMunicipalityKey(ags)) {
            throw InvalidFieldsException.of("ags", "must be the key (AGS) of a municipality of the Destatis list");
        }
        return new NeedList(service.list(CurrentUser.from(auth), ags, topic, status, page, size).stream()
                .map(this::response).toList(), page, size);
    }

    private NeedResponse response(Need n) {
        return new NeedResponse(n.id(), n.ags(), referenceData.municipality(n.ags())
                .map(ReferenceData.Municipality::name).orElse(null), n.title(), n.description(), n.topics(),
                n.visibility(), n.status(), n.version(), n.createdAt(), n.updatedAt(), n.closedAt());
    }

    private ResponseEntity<NeedResponse> tagged(Need n) {
        return ResponseEntity.ok().eTag(IfMatch.etag(n.version())).body(response(n));
    }
}
