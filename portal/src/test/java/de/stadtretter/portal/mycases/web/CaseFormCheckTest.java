package de.stadtretter.portal.mycases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import de.stadtretter.portal.catalog.CatalogModels.CaseWrite;

class CaseFormCheckTest {

    static final Set<String> TOPICS = Set.of("leerstand", "events");

    @Test
    void theFirstStepNeedsTitleTeaserAndOneToFourKnownTopics() {
        CaseForm form = CaseForm.empty();
        assertThat(CaseFormCheck.check(CaseFormSteps.BASICS, form, TOPICS)).containsOnlyKeys("title", "teaser",
                "topics");
        form.setTitle("x".repeat(121));
        form.setTeaser("Kurz");
        form.setTopics(List.of("leerstand", "unbekannt"));
        form.setStartDate("2024-05-01");
        form.setEndDate("2024-04-30");
        form.setTags("a, b, a");
        assertThat(CaseFormCheck.check(CaseFormSteps.BASICS, form, TOPICS)).containsOnlyKeys("title", "topics",
                "endDate", "tags").containsEntry("title", "Bitte kürzen Sie den Text auf höchstens 120 Zeichen.");
    }

    @Test
    void amountsNumbersLinksAndAddressesAreCheckedInGerman() {
        CaseForm form = CaseForm.empty();
        form.setBudgetMin("50.000");
        form.setBudgetMax("40000");
        form.getIndicators().get(1).setBefore("28,6");
        form.getIndicators().get(2).setName("Passanten");
        form.getIndicators().get(2).setAfter("viele");
        assertThat(CaseFormCheck.check(CaseFormSteps.IMPACT, form, TOPICS)).containsOnlyKeys("budgetMax",
                "indicators-1-name", "indicators-2-after");

        form.getLinks().get(0).setTitle("Projektseite");
        form.getLinks().get(0).setUrl("javascript:alert(1)");
        form.setContactEmail("erika(at)stadt.de");
        assertThat(CaseFormCheck.check(CaseFormSteps.EXPERIENCE, form, TOPICS)).containsOnlyKeys("links-0-url",
                "contactEmail");
    }

    @Test
    void theFormBecomesTheJsonOfTheServiceWithoutEmptyRows() {
        CaseForm form = CaseForm.empty();
        form.setTitle(" Kataster ");
        form.setTeaser("Kurz");
        form.setTopics(List.of("leerstand"));
        form.setTags("Leerstand, , Altstadt");
        form.setBudgetMin("25.000");
        form.setFundingProgrammes("Städtebauförderung\n\nZIZ\n");
        form.getIndicators().get(0).setName("Leerstandsquote");
        form.getIndicators().get(0).setBefore("28,6");
        form.getIndicators().get(0).setAfter("4");
        CaseWrite write = form.toWrite("01001000", null);
        assertThat(write.title()).isEqualTo("Kataster");
        assertThat(write.tags()).containsExactly("Leerstand", "Altstadt");
        assertThat(write.budget().minEur()).isEqualTo(25_000L);
        assertThat(write.budget().maxEur()).isNull();
        assertThat(write.fundingProgrammes()).containsExactly("Städtebauförderung", "ZIZ");
        assertThat(write.indicators()).singleElement().satisfies(i -> {
            assertThat(i.before()).isEqualByComparingTo(new BigDecimal("28.6"));
            assertThat(i.after()).isEqualByComparingTo(BigDecimal.valueOf(4));
        });
        assertThat(write.links()).isEmpty();
        assertThat(write.contact()).isNull();
        assertThat(write.problem()).isNull();
    }

    @Test
    void fieldsTheServiceNamesFindTheirFormField() {
        assertThat(CaseFormCheck.fieldId("budget.maxEur")).isEqualTo("budgetMax");
        assertThat(CaseFormCheck.fieldId("indicators[2].before")).isEqualTo("indicators-2-before");
        assertThat(CaseFormCheck.fieldId("links[0].url")).isEqualTo("links-0-url");
        assertThat(CaseFormCheck.fieldId("actors.stakeholders[3]")).isEqualTo("stakeholders");
        assertThat(CaseFormCheck.fieldId("tags[1]")).isEqualTo("tags");
        assertThat(CaseFormCheck.stepOf("links-0-url")).isEqualTo(CaseFormSteps.EXPERIENCE);
        assertThat(CaseFormCheck.stepOf("indicators-1-name")).isEqualTo(CaseFormSteps.IMPACT);
        assertThat(CaseFormCheck.stepOf("title")).isEqualTo(CaseFormSteps.BASICS);
    }
}
