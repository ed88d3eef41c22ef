package de.stadtretter.catalog.cases.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.CaseRepository;
import de.stadtretter.kit.reference.ReferenceData;
import de.stadtretter.kit.web.InvalidFieldsException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data: every published case, without contact data, streamed as JSON Lines (one case a line, the fields of
 * the case API) or CSV (one row a case, lists joined with {@code |}), under CC BY 4.0 with the attribution
 * "Stadtretter". The licence and the generation time are in the headers ({@code Link rel="license"},
 * {@code X-Attribution}, {@code X-Generated-At}) and in docs/open-data.md.
 */
@RestController
@RequestMapping("/api/catalog")
public class ExportController {

    static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";
    static final String ATTRIBUTION = "Stadtretter (stadtretter.de), CC BY 4.0";

    private static final List<String> CSV_COLUMNS = List.of("id", "title", "teaser", "ags", "municipality",
            "district", "stateCode", "population", "townType", "topics", "tags", "projectStatus", "startDate",
            "endDate", "problem", "objectives", "approach", "implementation", "resources", "results", "lessons",
            "transferability", "budgetMinEur", "budgetMaxEur", "fundingProgrammes", "durationMonths", "publishedAt",
            "updatedAt");

    private final CaseRepository cases;
    private final ReferenceData referenceData;
    private final JsonMapper json;
    private final Clock clock;

    public ExportController(CaseRepository cases, ReferenceData referenceData, JsonMapper json, Clock clock) {
        this.cases = cases;
        this.referenceData = referenceData;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(path = "/export", produces = {"application/jsonl", "text/csv"})
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "jsonl") String format,
            HttpServletRequest request) {
        // streamed: never buffered whole for an ETag
        ShallowEtagHeaderFilter.disableContentCaching(request);
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("jsonl") && !kind.equals("csv")) {
            throw InvalidFieldsException.of("format", "must be jsonl or csv");
        }
        Instant generated = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (kind.equals("csv")) {
                writer.write('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a BOM
                writer.write(String.join(";", CSV_COLUMNS));
                writer.write("\r\n");
            }
            cases.forEachPublished(c -> {
                try {
                    if (kind.equals("csv")) {
                        writer.write(csvRow(c));
                        writer.write("\r\n");
                    } else {
                        writer.write(json.writeValueAsString(CaseResponse.of(c, referenceData, false, false)));
                        writer.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        String extension = kind.equals("csv") ? "csv" : "jsonl";
        return ResponseEntity.ok()
                .contentType(kind.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : new MediaType("application", "jsonl", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"stadtretter-praxisbeispiele." + extension + "\"")
                .header(HttpHeaders.LINK, "<" + LICENCE + ">; rel=\"license\"")
                .header("X-Attribution", ATTRIBUTION)
                .header("X-Generated-At", generated.toString())
                .body(body);
    }

    private String csvRow(Case c) {
        CaseResponse r = CaseResponse.of(c, referenceData, false, false);
        CaseContent.Budget budget = r.budget();
        return Stream.of(r.id().toString(), r.title(), r.teaser(), r.ags(), r.municipalityName(),
                        r.districtName(), r.stateCode(), text(r.municipality().population()),
                        r.municipality().townType(), String.join("|", r.topics()), String.join("|", r.tags()),
                        text(r.projectStatus()), text(r.startDate()), text(r.endDate()), r.problem(), r.objectives(),
                        r.approach(), r.implementation(), r.resources(), r.results(), r.lessons(),
                        r.transferability(), budget == null ? null : text(budget.minEur()),
                        budget == null ? null : text(budget.maxEur()), String.join("|", r.fundingProgrammes()),
                        text(r.durationMonths()), text(r.publishedAt()), text(r.updatedAt()))
                .map(ExportController::csv).collect(Collectors.joining(";"));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so that spreadsheets never run it as a formula. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(';') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
