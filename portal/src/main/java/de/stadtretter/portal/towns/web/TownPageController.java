package de.stadtretter.portal.towns.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import de.stadtretter.portal.needs.NeedClient;
import de.stadtretter.portal.partners.web.PartnerVocabulary;
import de.stadtretter.portal.towns.MatchingClient;

/**
 * A municipality's page ({@code /kommunen/{ags}}): its facts, what it says about itself, its published cases, its open
 * needs (as far as the visitor may see them) and towns like it.
 */
@Controller
class TownPageController {

    static final int SIMILAR = 10;
    private static final Map<String, String> SETTINGS = Map.of("URBAN", "städtisch",
            "INTERMEDIATE", "ländlich mit Verdichtungsansätzen", "RURAL", "ländlich");

    static final int CASES = 20;

    private final MatchingClient matching;
    private final NeedClient needs;
    private final PartnerVocabulary vocabulary;

    TownPageController(MatchingClient matching, NeedClient needs, PartnerVocabulary vocabulary) {
        this.matching = matching;
        this.needs = needs;
        this.vocabulary = vocabulary;
    }

    @GetMapping("/kommunen/{ags}")
    String town(@PathVariable String ags, Model model) {
        if (!ags.matches("\\d{8}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var town = matching.town(ags).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("town", town);
        model.addAttribute("setting", SETTINGS.getOrDefault(town.setting(), ""));
        model.addAttribute("focus", PartnerVocabulary.topicNames(town.focusTopics(), vocabulary.topics()));
        model.addAttribute("similar", matching.similar(ags, SIMILAR).items());
        model.addAttribute("cases", matching.cases(ags, CASES).items());
        model.addAttribute("openNeeds", needs.ofTown(ags, "OPEN").items());
        return "towns/town";
    }
}
