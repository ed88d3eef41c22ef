package de.stadtretter.matching.recommendations.index;

import java.util.Map;

import org.apache.lucene.document.Document;

import de.stadtretter.matching.cases.domain.CaseText;
import de.stadtretter.matching.partners.domain.PartnerText;
import de.stadtretter.search.german.SlotIndex;

/**
 * The two indexes the recommendations search, and what goes into which field: a case's title and key words count
 * most, then its summary and aims, then the body (situation, approach, implementation, results, transfer, costs);
 * its lessons have a field of their own so that a question about what to avoid can ask for them. A partner's
 * offerings count most, then its description, the titles of the cases the towns confirmed, its name.
 */
public final class RecommendationIndexes implements AutoCloseable {

    public static final String C_TITLE = "c_title";
    public static final String C_SUMMARY = "c_summary";
    public static final String C_BODY = "c_body";
    public static final String C_LESSONS = "c_lessons";
    public static final Map<String, Float> CASE_FIELDS = Map.of(C_TITLE, 2.0f, C_SUMMARY, 1.4f, C_BODY, 1.0f,
            C_LESSONS, 1.0f);

    public static final String P_OFFERINGS = "p_offerings";
    public static final String P_DESCRIPTION = "p_description";
    public static final String P_NAME = "p_name";
    public static final String P_EVIDENCE = "p_evidence";
    public static final Map<String, Float> PARTNER_FIELDS = Map.of(P_OFFERINGS, 1.5f, P_DESCRIPTION, 1.0f,
            P_EVIDENCE, 0.8f, P_NAME, 0.6f);

    private final SlotIndex<CaseText> cases = new SlotIndex<>(CaseText::caseId);
    private final SlotIndex<PartnerText> partners = new SlotIndex<>(PartnerText::partnerId);

    public SlotIndex<CaseText> cases() {
        return cases;
    }

    public SlotIndex<PartnerText> partners() {
        return partners;
    }

    public void putCase(CaseText c) {
        cases.put(c, RecommendationIndexes::caseDocument);
    }

    public void putPartner(PartnerText p) {
        partners.put(p, this::partnerDocument);
    }

    static void caseDocument(CaseText c, Document doc) {
        SlotIndex.text(doc, C_TITLE, c.title() + "\n" + c.section(CaseText.Section.TAGS));
        SlotIndex.text(doc, C_SUMMARY, c.section(CaseText.Section.TEASER) + "\n"
                + c.section(CaseText.Section.OBJECTIVES));
        StringBuilder body = new StringBuilder();
        for (CaseText.Section s : new CaseText.Section[] {CaseText.Section.PROBLEM, CaseText.Section.APPROACH,
                CaseText.Section.IMPLEMENTATION, CaseText.Section.RESULTS, CaseText.Section.TRANSFERABILITY,
                CaseText.Section.RESOURCES}) {
            body.append(c.section(s)).append('\n');
        }
        SlotIndex.text(doc, C_BODY, body.toString());
        SlotIndex.text(doc, C_LESSONS, c.section(CaseText.Section.LESSONS));
        c.topics().forEach(t -> SlotIndex.topic(doc, t));
    }

    private void partnerDocument(PartnerText p, Document doc) {
        StringBuilder offerings = new StringBuilder();
        p.offerings().forEach(o -> offerings.append(o.title()).append('\n').append(o.description()).append('\n'));
        SlotIndex.text(doc, P_OFFERINGS, offerings.toString());
        SlotIndex.text(doc, P_DESCRIPTION, p.description());
        SlotIndex.text(doc, P_NAME, p.name());
        StringBuilder evidence = new StringBuilder();
        for (var caseId : p.confirmedCases()) {
            CaseText c = cases.get(caseId);
            if (c != null) {
                evidence.append(c.title()).append('\n');
            }
        }
        SlotIndex.text(doc, P_EVIDENCE, evidence.toString());
        p.topics().forEach(t -> SlotIndex.topic(doc, t));
    }

    @Override
    public void close() throws Exception {
        cases.close();
        partners.close();
    }
}
