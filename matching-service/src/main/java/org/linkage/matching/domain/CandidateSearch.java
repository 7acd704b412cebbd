package org.linkage.matching.domain;

import org.linkage.events.GeoPoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds the best k volunteers for a need: every hard constraint met, highest score first.
 *
 * <p>The grid is searched ring by ring outwards from the need; after each ring, the search stops when nobody
 * further out could score better than the k held (the distance part only falls with distance). Those who served
 * the beneficiary before are looked up directly, since continuity can outweigh any distance.
 */
public final class CandidateSearch {

    private static final double METRES_PER_DEGREE = 6_371_000 * Math.PI / 180;

    /** A volunteer fit for the need, with the why. */
    public record Match(VolunteerProfile volunteer, int distanceMetres, boolean servedBefore, VolunteerFacts facts,
                        ScoreParts score) {
    }

    /** Reads the facts of a batch of candidates at once (one database round trip per batch). */
    public interface FactsSource extends Function<Collection<UUID>, Map<UUID, VolunteerFacts>> {
    }

    public record Query(Requirements need, int limit, Set<UUID> excluded, Set<UUID> servedBefore,
                        ScoringWeights weights, int weeklyOfferCap) {
    }

    /** Best first: highest score, then nearest, then by volunteer id so the order is stable. */
    public static final Comparator<Match> BEST_FIRST = Comparator.comparingDouble((Match m) -> -m.score().total())
            .thenComparingInt(Match::distanceMetres)
            .thenComparing(m -> m.volunteer().volunteerId());

    public static List<Match> topK(CandidateGrid grid, Query query, FactsSource facts) {
        Requirements need = query.need();
        if (query.limit() <= 0) {
            return List.of();
        }
        PriorityQueue<Match> best = new PriorityQueue<>(BEST_FIRST.reversed());
        Origin origin = new Origin(need.location());
        List<Hit> served = new ArrayList<>();
        for (UUID volunteerId : query.servedBefore()) {
            grid.get(volunteerId).ifPresent(volunteer -> consider(volunteer, origin, query, best, served));
        }
        keepBest(served, query, facts, best);

        double latitudeCell = CandidateGrid.CELL_DEGREES * METRES_PER_DEGREE;
        double reachDegrees = need.radiusMetres() / METRES_PER_DEGREE;
        // The narrowest a cell gets within reach, so that a ring's distance is never overestimated.
        double widestLatitude = Math.min(89.9, Math.abs(need.location().latitude()) + reachDegrees);
        double cell = Math.min(latitudeCell, latitudeCell * Math.cos(Math.toRadians(widestLatitude)));
        int rings = (int) Math.ceil(need.radiusMetres() / cell) + 1;
        int row = CandidateGrid.row(need.location().latitude());
        int column = CandidateGrid.column(need.location().longitude());
        for (int ring = 0; ring <= rings; ring++) {
            double nearestPossible = Math.max(0, ring - 1) * cell;
            if (best.size() == query.limit() && OfferScorer.bestPossible(query.weights(), nearestPossible, 5)
                    < best.peek().score().total()) {
                break;
            }
            List<Hit> hits = new ArrayList<>();
            for (int dr = -ring; dr <= ring; dr++) {
                boolean edgeRow = Math.abs(dr) == ring;
                for (int dc = -ring; dc <= ring; dc += edgeRow ? 1 : 2 * ring) {
                    for (VolunteerProfile volunteer : grid.couldFit(row + dr, column + dc, need)) {
                        if (!query.servedBefore().contains(volunteer.volunteerId())) {
                            consider(volunteer, origin, query, best, hits);
                        }
                    }
                }
            }
            keepBest(hits, query, facts, best);
        }
        return sorted(best);
    }

    /** Every volunteer checked one by one: what the grid saves, measured against it in the benchmark. */
    public static List<Match> bruteForce(Collection<VolunteerProfile> volunteers, Query query, FactsSource facts) {
        PriorityQueue<Match> best = new PriorityQueue<>(BEST_FIRST.reversed());
        Origin origin = new Origin(query.need().location());
        List<Hit> hits = new ArrayList<>();
        for (VolunteerProfile volunteer : volunteers) {
            consider(volunteer, origin, query, best, hits);
        }
        keepBest(hits, query, facts, best);
        return sorted(best);
    }

    private record Hit(VolunteerProfile volunteer, int distanceMetres) {
    }

    /**
     * Distances on the plane tangent at the need: within the few kilometres of a search as exact as the great
     * circle to the metre, and a square root rather than four trigonometric functions per volunteer.
     */
    public static final class Origin {
        private final double latitude;
        private final double longitude;
        private final double metresPerDegreeOfLongitude;

        public Origin(GeoPoint place) {
            latitude = place.latitude();
            longitude = place.longitude();
            metresPerDegreeOfLongitude = METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude));
        }

        public int metresTo(GeoPoint point) {
            double north = (point.latitude() - latitude) * METRES_PER_DEGREE;
            double east = (point.longitude() - longitude) * metresPerDegreeOfLongitude;
            return (int) Math.round(Math.sqrt(north * north + east * east));
        }
    }

    public static int distanceMetres(GeoPoint from, GeoPoint to) {
        return new Origin(from).metresTo(to);
    }

    private static void consider(VolunteerProfile volunteer, Origin origin, Query query, PriorityQueue<Match> best,
                                 List<Hit> hits) {
        if (volunteer.home() == null || query.excluded().contains(volunteer.volunteerId())) {
            return;
        }
        int distance = origin.metresTo(volunteer.home());
        if (distance > query.need().radiusMetres()) {
            return;
        }
        // Whoever cannot beat the k held, however good their facts, need not be checked further.
        if (best.size() == query.limit() && !query.servedBefore().contains(volunteer.volunteerId())
                && OfferScorer.bestPossible(query.weights(), distance, volunteer.skillLevel(query.need().skill()))
                < best.peek().score().total()) {
            return;
        }
        if (HardConstraints.staticFit(volunteer, query.need())) {
            hits.add(new Hit(volunteer, distance));
        }
    }

    private static void keepBest(List<Hit> hits, Query query, FactsSource source, PriorityQueue<Match> best) {
        if (hits.isEmpty()) {
            return;
        }
        Map<UUID, VolunteerFacts> facts = source.apply(hits.stream().map(hit -> hit.volunteer().volunteerId())
                .toList());
        for (Hit hit : hits) {
            VolunteerProfile volunteer = hit.volunteer();
            VolunteerFacts known = facts.getOrDefault(volunteer.volunteerId(), VolunteerFacts.NONE);
            if (!HardConstraints.dynamicFit(volunteer, known, query.need(), query.weeklyOfferCap())) {
                continue;
            }
            boolean servedBefore = query.servedBefore().contains(volunteer.volunteerId());
            Match match = new Match(volunteer, hit.distanceMetres(), servedBefore, known,
                    OfferScorer.score(query.weights(), hit.distanceMetres(),
                            volunteer.skillLevel(query.need().skill()), servedBefore, known));
            best.add(match);
            if (best.size() > query.limit()) {
                best.poll();
            }
        }
    }

    private static List<Match> sorted(PriorityQueue<Match> best) {
        List<Match> result = new ArrayList<>(best);
        result.sort(BEST_FIRST);
        return result;
    }

    private CandidateSearch() {
    }
}
