package de.stadtretter.portal.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Values from the URL: an id that is none is a page that does not exist (404), a page number that is none page 1. */
public final class Ids {

    private static final int MAX_PAGE = 10_000;

    private Ids() {
    }

    public static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The page number (from 1) in the URL, or 1. */
    public static int page(String value) {
        if (value == null || !value.matches("[0-9]{1,9}")) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(value)));
    }
}
