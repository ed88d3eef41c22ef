package de.stadtretter.portal.towns.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import de.stadtretter.portal.partners.web.PartnerVocabulary;
import de.stadtretter.portal.towns.MatchingClient;

/** A municipality's page ({@code /kommunen/{ags}}): its facts, what it says about itself, and towns like it. */
@Controller
class TownPageController {

    static final int SIMILAR = 10;
    private static final Map<String, String> SETTINGS = Map.of("URBAN", "städtisch",
            "INTERMEDIATE", "ländlich mit Verdichtungsansätzen", "RURAL", "ländlich");

    private final MatchingClient matching;
    private final PartnerVocabulary vocabulary;

    TownPageController(MatchingClient matching, PartnerVocabulary vocabulary) {
        this.matching = matching;
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
        return "towns/town";
    }
}
