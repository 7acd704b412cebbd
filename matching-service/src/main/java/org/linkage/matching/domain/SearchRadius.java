package org.linkage.matching.domain;

import java.util.Collection;
import java.util.OptionalInt;

/** The steps by which an emergency's search for responders widens. */
public final class SearchRadius {

    /** @return the smallest of the radii wider than the current one, or empty when the widest was searched */
    public static OptionalInt wider(int currentMetres, Collection<Integer> radiiMetres) {
        return radiiMetres.stream().mapToInt(Integer::intValue).filter(radius -> radius > currentMetres).min();
    }

    private SearchRadius() {
    }
}
