package de.stadtretter.catalog.search.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.catalog.search.index.SearchIndexSync;

/** Operator tools of the search index (admin only): rebuilding it from PostgreSQL on this replica. */
@RestController
public class SearchAdminController {

    private final SearchIndexSync sync;

    public SearchAdminController(SearchIndexSync sync) {
        this.sync = sync;
    }

    /** The result of a rebuild: how many published cases the index holds and how long it took. */
    public record RebuildResponse(int cases, long millis) {}

    @PostMapping("/api/catalog/admin/search-index/rebuild")
    public RebuildResponse rebuild() {
        long t0 = System.nanoTime();
        int cases = sync.rebuild();
        return new RebuildResponse(cases, (System.nanoTime() - t0) / 1_000_000);
    }
}
