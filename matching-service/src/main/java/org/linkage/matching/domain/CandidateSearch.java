package org.linkage.matching.domain;

import org.linkage.events.GeoPoint;

import java.util.ArrayList;
import java.util.Arrays;
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
 * further out could score better than the k held (the distance part only falls with distance). Within a cell the
 * grid's arrays rule out most volunteers before any of them is read as an object. Those who served the
 * beneficiary before are looked up directly, since continuity can outweigh any distance.
 */
public final class CandidateSearch {

    /** An emergency's hits are read together up to this many (a round trip per ring otherwise). */
    private static final int EMERGENCY_HITS_PER_READ = 200;
    static final double METRES_PER_DEGREE = 6_371_000 * Math.PI / 180;

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
        List<Hit> hits = new ArrayList<>();
        scanRings(grid, query, origin, facts, best, hits);
        // An emergency's radius is small: its few hits are read in one round trip rather than one per ring.
        keepBest(hits, query, facts, best);
        return sorted(best);
    }

    /**
     * The grid's cells in reach, ring by ring outwards from the need, while someone further out could still beat
     * the k held. A routine need's hits are scored ring by ring; an emergency's are left in {@code hits} (up to
     * {@link #EMERGENCY_HITS_PER_READ}) for the caller to read at once.
     */
    private static void scanRings(CandidateGrid grid, Query query, Origin origin, FactsSource facts,
                                  PriorityQueue<Match> best, List<Hit> hits) {
        Requirements need = query.need();
        double latitudeCell = CandidateGrid.CELL_DEGREES * METRES_PER_DEGREE;
        double reachDegrees = need.radiusMetres() / METRES_PER_DEGREE;
        // The narrowest a cell gets within reach, so that a ring's distance is never overestimated.
        double widestLatitude = Math.min(89.9, Math.abs(need.location().latitude()) + reachDegrees);
        double cell = Math.min(latitudeCell, latitudeCell * Math.cos(Math.toRadians(widestLatitude)));
        int rings = (int) Math.ceil(need.radiusMetres() / cell) + 1;
        int row = CandidateGrid.row(need.location().latitude());
        int column = CandidateGrid.column(need.location().longitude());
        Filter filter = new Filter(grid, need);
        CandidateGrid.CellTable[] lists = grid.listsFor(need.skill(), filter.qualifications);
        for (int ring = 0; ring <= rings; ring++) {
            double nearestPossible = Math.max(0, ring - 1) * cell;
            if (best.size() == query.limit() && OfferScorer.bestPossible(query.weights(), nearestPossible, 5)
                    < best.peek().score().total()) {
                break;
            }
            for (int dr = -ring; dr <= ring; dr++) {
                boolean edgeRow = Math.abs(dr) == ring;
                for (int dc = -ring; dc <= ring; dc += edgeRow ? 1 : 2 * ring) {
                    CandidateGrid.Holders holders = CandidateGrid.shortest(lists, row + dr, column + dc);
                    if (holders != null) {
                        scan(holders, filter, origin, query, best, hits);
                    }
                }
            }
            if (!need.emergency() || hits.size() >= EMERGENCY_HITS_PER_READ) {
                keepBest(hits, query, facts, best);
                hits.clear();
            }
        }
    }

    /**
     * What the grid's arrays are compared with: the bits the need requires, and per time zone the hours of the
     * week its window touches (none for an emergency, where availability does not count).
     */
    private static final class Filter {
        private static final long[] ANY_TIME = new long[WeekHours.WORDS];

        final long qualifications;
        private final CandidateGrid grid;
        private final Requirements need;
        private long[][] hoursByZone = new long[1][];

        Filter(CandidateGrid grid, Requirements need) {
            this.grid = grid;
            this.need = need;
            qualifications = grid.qualificationsRequiredBy(need);
        }

        long[] hoursIn(int zone) {
            if (need.emergency()) {
                return ANY_TIME;
            }
            if (zone >= hoursByZone.length) {
                hoursByZone = Arrays.copyOf(hoursByZone, zone + 1);
            }
            long[] hours = hoursByZone[zone];
            if (hours == null) {
                hours = WeekHours.needed(need.windowStart(), need.windowEnd(), grid.zone(zone));
                hoursByZone[zone] = hours;
            }
            return hours;
        }
    }

    /**
     * Rules out on the arrays whoever lacks a required qualification, is surely unavailable, out of reach or
     * cannot beat the k held; checks the rest exactly.
     */
    private static void scan(CandidateGrid.Holders holders, Filter filter, Origin origin, Query query,
                             PriorityQueue<Match> best, List<Hit> hits) {
        long required = filter.qualifications;
        int radius = query.need().radiusMetres();
        for (int i = 0; i < holders.size; i++) {
            if ((holders.qualifications[i] & required) != required) {
                continue;
            }
            long[] hours = filter.hoursIn(holders.zones[i]);
            // Most windows lie within one of the three words: the others are not read.
            if (hours[0] != 0 && (holders.hours0[i] & hours[0]) != hours[0]
                    || hours[1] != 0 && (holders.hours1[i] & hours[1]) != hours[1]
                    || hours[2] != 0 && (holders.hours2[i] & hours[2]) != hours[2]) {
                continue;
            }
            int distance = origin.metresTo(holders.latitudes[i], holders.longitudes[i]);
            if (distance > radius || cannotBeat(best, query, distance, holders.levels[i])) {
                continue;
            }
            VolunteerProfile volunteer = holders.volunteers[i];
            // Who served the beneficiary before was considered first.
            if (!query.servedBefore().contains(volunteer.volunteerId())
                    && !query.excluded().contains(volunteer.volunteerId())
                    && HardConstraints.qualified(volunteer, query.need())
                    && (query.need().emergency() || (holders.qualifications[i] & CandidateGrid.HOURS_EXACT) != 0
                    || volunteer.availability().covers(query.need().windowStart(), query.need().windowEnd()))) {
                hits.add(new Hit(volunteer, distance, holders.levels[i]));
            }
        }
    }

    /**
     * The best k of responders located live (see {@link LivePositions#within}): each measured from where they are
     * now, under every constraint a search from home applies. Given {@code fromHome} (the home fallback), with them
     * the responders of {@code homes} measured from their registered home, but for those it excludes (whoever has a
     * live position is not at home): one read of the facts for both, as an emergency's fan-out waits for it.
     */
    public static List<Match> topKLive(List<LivePositions.Located> located, Query query, CandidateGrid homes,
                                       Query fromHome, FactsSource facts) {
        if (query.limit() <= 0) {
            return List.of();
        }
        PriorityQueue<Match> best = new PriorityQueue<>(BEST_FIRST.reversed());
        Origin origin = new Origin(query.need().location());
        List<Hit> hits = new ArrayList<>();
        for (LivePositions.Located responder : located) {
            consider(responder.responder().at(responder.fix().position()), origin, query, best, hits);
        }
        if (fromHome != null) {
            scanRings(homes, fromHome, origin, facts, best, hits);
        }
        keepBest(hits, query, facts, best);
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

    /** @param skillLevel the volunteer's level of the need's skill, read once */
    private record Hit(VolunteerProfile volunteer, int distanceMetres, int skillLevel) {
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
            return metresTo(point.latitude(), point.longitude());
        }

        int metresTo(double pointLatitude, double pointLongitude) {
            double north = (pointLatitude - latitude) * METRES_PER_DEGREE;
            double east = (pointLongitude - longitude) * metresPerDegreeOfLongitude;
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
        if (!query.servedBefore().contains(volunteer.volunteerId())
                && cannotBeat(best, query, distance, volunteer.skillLevel(query.need().skill()))) {
            return;
        }
        if (HardConstraints.staticFit(volunteer, query.need())) {
            hits.add(new Hit(volunteer, distance, volunteer.skillLevel(query.need().skill())));
        }
    }

    /** Whoever cannot beat the k held, however good their facts, need not be checked further. */
    private static boolean cannotBeat(PriorityQueue<Match> best, Query query, int distance, int skillLevel) {
        return best.size() == query.limit()
                && OfferScorer.bestPossible(query.weights(), distance, skillLevel) < best.peek().score().total();
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
                    OfferScorer.score(query.weights(), hit.distanceMetres(), hit.skillLevel(), servedBefore, known));
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
