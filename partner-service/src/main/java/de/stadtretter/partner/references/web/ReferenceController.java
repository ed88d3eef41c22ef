package de.stadtretter.partner.references.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.partner.references.domain.ReferenceService;
import de.stadtretter.partner.references.domain.ReferenceStatus;
import jakarta.validation.Valid;

/** Claims, the towns' decisions and a partner's references. */
@RestController
@RequestMapping("/api/partners")
public class ReferenceController {

    private final ReferenceService service;

    public ReferenceController(ReferenceService service) {
        this.service = service;
    }

    @PostMapping("/{id}/references")
    public ResponseEntity<ReferenceResponse> claim(@PathVariable UUID id, @Valid @RequestBody ClaimRequest body,
            Authentication auth) {
        var claim = service.claim(CurrentUser.from(auth), id, body.caseId(), body.role());
        return ResponseEntity.created(URI.create("/api/partners/" + id + "/references/" + claim.id()))
                .body(ReferenceResponse.of(claim));
    }

    /** All references for the company and the Redaktion; the confirmed ones for everybody else. */
    @GetMapping("/{id}/references")
    public List<ReferenceResponse> ofPartner(@PathVariable UUID id, Authentication auth) {
        return service.ofPartner(CurrentUser.from(auth), id).stream().map(ReferenceResponse::of).toList();
    }

    @DeleteMapping("/{id}/references/{referenceId}")
    public ResponseEntity<Void> withdraw(@PathVariable UUID id, @PathVariable UUID referenceId, Authentication auth) {
        service.withdraw(CurrentUser.from(auth), id, referenceId);
        return ResponseEntity.noContent().build();
    }

    /** The town's inbox: claims on its own cases (default: those still to decide); every claim for the Redaktion. */
    @GetMapping("/references")
    public List<ReferenceResponse> inbox(@RequestParam(defaultValue = "CLAIMED") ReferenceStatus status,
            Authentication auth) {
        return service.inbox(CurrentUser.from(auth), status).stream().map(ReferenceResponse::of).toList();
    }

    @PostMapping("/references/{referenceId}/confirm")
    public ReferenceResponse confirm(@PathVariable UUID referenceId, Authentication auth) {
        return ReferenceResponse.of(service.confirm(CurrentUser.from(auth), referenceId));
    }

    @PostMapping("/references/{referenceId}/decline")
    public ReferenceResponse decline(@PathVariable UUID referenceId, Authentication auth) {
        return ReferenceResponse.of(service.decline(CurrentUser.from(auth), referenceId));
    }
}
