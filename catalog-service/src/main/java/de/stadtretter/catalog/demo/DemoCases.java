package de.stadtretter.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.ProjectStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalogue ({@code classpath:demo/praxisbeispiele.json}): practice examples written for Stadtretter, set in
 * real municipalities, with invented projects, numbers and lessons, each tagged "Demo-Inhalt". The local platform
 * starts with them; the search quality harness uses them as its dev set.
 */
public final class DemoCases {

    public static final String RESOURCE = "demo/praxisbeispiele.json";
    public static final String DEMO_TAG = "Demo-Inhalt";

    /** One demo case as written in the file: the case record with its text sections at the top level. */
    public record DemoCase(String key, String ags, String title, String teaser, List<String> topics,
            List<String> tags, ProjectStatus projectStatus, LocalDate startDate, LocalDate endDate, String problem,
            String objectives, String approach, String implementation, String resources, String results,
            String lessons, String transferability, CaseContent.Budget budget, List<String> fundingProgrammes,
            Integer durationMonths, List<CaseContent.Indicator> indicators, CaseContent.Actors actors) {

        /** A stable id, the same on every machine and every start. */
        public UUID id() {
            return UUID.nameUUIDFromBytes(("stadtretter-demo:" + key).getBytes(StandardCharsets.UTF_8));
        }

        public CaseContent content() {
            return new CaseContent(title, teaser, topics, tags, projectStatus, startDate, endDate,
                    new CaseContent.Sections(problem, objectives, approach, implementation, resources, results,
                            lessons, transferability),
                    budget, fundingProgrammes, durationMonths, indicators, actors, null, List.of());
        }
    }

    private record File(String notice, List<DemoCase> cases) {}

    private DemoCases() {
    }

    public static List<DemoCase> load(JsonMapper json) {
        try (InputStream in = DemoCases.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return json.readValue(in, File.class).cases();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
