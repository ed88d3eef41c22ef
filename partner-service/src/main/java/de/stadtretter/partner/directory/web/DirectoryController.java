package de.stadtretter.partner.directory.web;

import java.util.Locale;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.web.FieldProblems;
import de.stadtretter.kit.web.ServerTiming;
import de.stadtretter.partner.directory.query.DirectoryQuery;
import de.stadtretter.partner.directory.query.DirectoryResult;
import de.stadtretter.partner.directory.query.DirectorySearch;
import de.stadtretter.partner.profiles.web.RegionCodes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The public partner directory: verified profiles, found by words, topic and region, ranked by evidence. */
@RestController
@RequestMapping("/api/partners/search")
@Validated
public class DirectoryController {

    static final int MAX_QUERY_LENGTH = 200;
    /** Deeper than this nobody pages; it bounds the work of one request. */
    static final int MAX_WINDOW = 10_000;

    private final DirectorySearch search;
    private final ReferenceData referenceData;
    private final Timer timer;

    public DirectoryController(DirectorySearch search, ReferenceData referenceData, MeterRegistry meters) {
        this.search = search;
        this.referenceData = referenceData;
        this.timer = Timer.builder("stadtretter.partner.directory.search")
                .description("Partner directory search inside partner-service").publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    @GetMapping
    public DirectoryResult search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(9_999) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            HttpServletResponse response) {
        FieldProblems errors = new FieldProblems();
        errors.checkLength("q", q, MAX_QUERY_LENGTH);
        String topicId = blankToNull(topic);
        if (topicId != null && !referenceData.isTopic(topicId)) {
            errors.add("topic", "is not an id from the topic list");
        }
        String regionCode = blankToNull(region) == null ? null : region.strip().toUpperCase(Locale.ROOT);
        if (regionCode != null && !RegionCodes.Validator.isRegion(regionCode)) {
            errors.add("region", "must be a state code such as BY, NW or SH, or DE for nationwide");
        }
        DirectoryQuery.Sort order = DirectoryQuery.Sort.EVIDENCE;
        if (blankToNull(sort) != null) {
            try {
                order = DirectoryQuery.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("sort", "must be evidence or name");
            }
        }
        if ((long) page * size >= MAX_WINDOW) {
            errors.add("page", "page × size must stay within the first " + MAX_WINDOW + " results");
        }
        errors.throwIfAny();
        DirectoryQuery query = new DirectoryQuery(blankToNull(q), topicId, regionCode, order, page, size);
        return ServerTiming.timed(timer, "search", response, () -> search.search(query));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
