package de.stadtretter.partner.profiles.domain;

/** Employee classes as in the EU definition of SMEs: micro (&lt; 10), small (&lt; 50), medium (&lt; 250), large. */
public enum CompanySize {
    MICRO, SMALL, MEDIUM, LARGE
}
