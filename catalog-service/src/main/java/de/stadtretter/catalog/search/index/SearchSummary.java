package de.stadtretter.catalog.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CaseContent;
import de.stadtretter.catalog.cases.domain.Place;
import de.stadtretter.catalog.cases.domain.ProjectStatus;

/**
 * A published case as search results and lists show it: what a reader needs to decide whether to open it. Kept in
 * the index beside the searchable text (no contact data, like everything in the index), in a compact binary form
 * ({@link #encode()}, {@link #decode(BytesRef)}) that a page of hits reads in microseconds.
 *
 * @param hasLessons whether the case tells what did not work (Lernerfahrungen)
 */
public record SearchSummary(
        UUID id,
        String title,
        String teaser,
        String ags,
        Municipality municipality,
        List<String> topics,
        List<String> tags,
        ProjectStatus projectStatus,
        LocalDate startDate,
        LocalDate endDate,
        CaseContent.Budget budget,
        boolean hasLessons,
        long helpfulCount,
        Instant publishedAt) {

    /** The municipality of the case, from the reference data (same fields as in the case response). */
    public record Municipality(String ags, String name, String districtName, String stateCode, String stateName,
            Long population, String townType) {}

    static SearchSummary of(Case c, Place place) {
        CaseContent content = c.content();
        String lessons = content.sections().lessons();
        return new SearchSummary(c.id(), c.title(), c.teaser(), c.ags(),
                new Municipality(c.ags(), place.municipalityName(), place.districtName(), place.stateCode(),
                        place.stateName(), place.population(), place.townType()),
                c.topics(), content.tags(), content.projectStatus(), content.startDate(), content.endDate(),
                content.budget(), lessons != null && !lessons.isBlank(), c.helpfulCount(), c.publishedAt());
    }

    /** The summary as bytes for the index. */
    BytesRef encode() {
        try {
            ByteBuffersDataOutput out = new ByteBuffersDataOutput();
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
            string(out, title);
            string(out, teaser);
            string(out, ags);
            boolean hasPlace = municipality != null;
            out.writeByte((byte) (hasPlace ? 1 : 0));
            if (hasPlace) {
                string(out, municipality.ags());
                string(out, municipality.name());
                string(out, municipality.districtName());
                string(out, municipality.stateCode());
                string(out, municipality.stateName());
                number(out, municipality.population());
                string(out, municipality.townType());
            }
            strings(out, topics);
            strings(out, tags);
            string(out, projectStatus == null ? null : projectStatus.name());
            number(out, startDate == null ? null : startDate.toEpochDay());
            number(out, endDate == null ? null : endDate.toEpochDay());
            out.writeByte((byte) (budget == null ? 0 : 1));
            if (budget != null) {
                number(out, budget.minEur());
                number(out, budget.maxEur());
            }
            out.writeByte((byte) (hasLessons ? 1 : 0));
            out.writeVLong(helpfulCount);
            number(out, publishedAt == null ? null : publishedAt.getEpochSecond());
            out.writeVInt(publishedAt == null ? 0 : publishedAt.getNano());
            return new BytesRef(out.toArrayCopy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary {@link #encode()} wrote. */
    static SearchSummary decode(BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        try {
            UUID id = new UUID(in.readLong(), in.readLong());
            String title = string(in);
            String teaser = string(in);
            String ags = string(in);
            Municipality municipality = null;
            if (in.readByte() == 1) {
                municipality = new Municipality(string(in), string(in), string(in), string(in), string(in),
                        number(in), string(in));
            }
            List<String> topics = strings(in);
            List<String> tags = strings(in);
            String status = string(in);
            Long start = number(in);
            Long end = number(in);
            CaseContent.Budget budget = in.readByte() == 1 ? new CaseContent.Budget(number(in), number(in)) : null;
            boolean hasLessons = in.readByte() == 1;
            long helpful = in.readVLong();
            Long publishedSecond = number(in);
            int publishedNano = in.readVInt();
            return new SearchSummary(id, title, teaser, ags, municipality, topics, tags,
                    status == null ? null : ProjectStatus.valueOf(status),
                    start == null ? null : LocalDate.ofEpochDay(start), end == null ? null : LocalDate.ofEpochDay(end),
                    budget, hasLessons, helpful,
                    publishedSecond == null ? null : Instant.ofEpochSecond(publishedSecond, publishedNano));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void string(DataOutput out, String value) throws IOException {
        out.writeByte((byte) (value == null ? 0 : 1));
        if (value != null) {
            out.writeString(value);
        }
    }

    private static String string(DataInput in) throws IOException {
        return in.readByte() == 0 ? null : in.readString();
    }

    private static void strings(DataOutput out, List<String> values) throws IOException {
        List<String> list = values == null ? List.of() : values;
        out.writeVInt(list.size());
        for (String value : list) {
            out.writeString(value);
        }
    }

    private static List<String> strings(DataInput in) throws IOException {
        int n = in.readVInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readString());
        }
        return List.copyOf(out);
    }

    /** A long that may be missing (zig-zag, so that negative epoch days stay small). */
    private static void number(DataOutput out, Long value) throws IOException {
        out.writeByte((byte) (value == null ? 0 : 1));
        if (value != null) {
            out.writeZLong(value);
        }
    }

    private static Long number(DataInput in) throws IOException {
        return in.readByte() == 0 ? null : in.readZLong();
    }
}
