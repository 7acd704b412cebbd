package org.linkage.matching.bench;

import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.matching.domain.Availability;
import org.linkage.matching.domain.CandidateGrid;
import org.linkage.matching.domain.CandidateSearch;
import org.linkage.matching.domain.Requirements;
import org.linkage.matching.domain.ScoringWeights;
import org.linkage.matching.domain.VolunteerFacts;
import org.linkage.matching.domain.VolunteerProfile;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Top-k search with every hard constraint over 1,000,000 volunteers spread over a city of about 100 km × 100 km,
 * by the grid and by a scan of everyone, on the same data in the same run. Run with {@code -Pbench}.
 */
class CandidateSearchBenchmark {

    static final int VOLUNTEERS = 1_000_000;
    static final GeoPoint CITY = new GeoPoint(31.2304, 121.4737);
    static final double SPREAD_DEGREES = 0.9;
    static final List<String> SKILLS = List.of("elder-care", "tutoring", "haircut", "repairs", "clinic", "first-aid",
            "counselling", "arts", "escort", "laundry", "shopping", "computers");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final ScoringWeights WEIGHTS = new ScoringWeights(0.35, 0.15, 1.0, 0.25, 0.25, 2000);
    static final int WEEKLY_OFFER_CAP = 10;

    @Test
    void topKOverAMillionVolunteers() {
        Random random = new Random(42);
        long began = System.nanoTime();
        List<VolunteerProfile> volunteers = new ArrayList<>(VOLUNTEERS);
        for (int i = 0; i < VOLUNTEERS; i++) {
            volunteers.add(volunteer(random));
        }
        CandidateGrid grid = new CandidateGrid();
        grid.replaceAll(volunteers);
        System.out.printf("Built %d volunteers into the grid in %d ms%n", grid.size(),
                (System.nanoTime() - began) / 1_000_000);
        assertEquals(VOLUNTEERS, grid.size(), "every volunteer is searchable");
        // Facts as the database would give them: a few recent offers, some history, no commitments.
        CandidateSearch.FactsSource facts = ids -> {
            Map<UUID, VolunteerFacts> known = new HashMap<>();
            for (UUID id : ids) {
                int hash = id.hashCode();
                known.put(id, new VolunteerFacts(Math.floorMod(hash, 12), Math.floorMod(hash >> 4, 20),
                        Math.floorMod(hash >> 9, 8), List.of()));
            }
            return known;
        };

        Random queries = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            CandidateSearch.topK(grid, query(queries), facts);
        }
        int measured = 5_000;
        long[] indexed = new long[measured];
        int found = 0;
        for (int i = 0; i < measured; i++) {
            CandidateSearch.Query query = query(queries);
            long start = System.nanoTime();
            found += CandidateSearch.topK(grid, query, facts).size();
            indexed[i] = System.nanoTime() - start;
        }
        List<VolunteerProfile> all = volunteers;
        for (int i = 0; i < 5; i++) {
            CandidateSearch.bruteForce(all, query(queries), facts);
        }
        int scans = 40;
        long[] scanned = new long[scans];
        for (int i = 0; i < scans; i++) {
            CandidateSearch.Query query = query(queries);
            long start = System.nanoTime();
            List<CandidateSearch.Match> byScan = CandidateSearch.bruteForce(all, query, facts);
            scanned[i] = System.nanoTime() - start;
            assertEquals(byScan, CandidateSearch.topK(grid, query, facts), "the grid and the scan agree");
        }

        Percentiles grided = new Percentiles(indexed);
        Percentiles brute = new Percentiles(scanned);
        System.out.printf("%n== Candidate search, %d volunteers, k = 1..5, radius 20 km, 1 in 3 needs a certificate,"
                + " 1 in 4 a course ==%n", VOLUNTEERS);
        System.out.printf("grid:        %s (%.1f candidates returned on average)%n", grided,
                found / (double) measured);
        System.out.printf("brute force: %s%n", brute);
        System.out.printf("speed-up: p50 %.0fx, p99 %.0fx, mean %.0fx%n%n", brute.millis(50) / grided.millis(50),
                brute.millis(99) / grided.millis(99), brute.meanMillis() / grided.meanMillis());
    }

    static VolunteerProfile volunteer(Random random) {
        GeoPoint home = new GeoPoint(CITY.latitude() + (random.nextDouble() - 0.5) * SPREAD_DEGREES,
                CITY.longitude() + (random.nextDouble() - 0.5) * SPREAD_DEGREES);
        Map<String, Integer> skills = new HashMap<>();
        for (int s = 1 + random.nextInt(3); s > 0; s--) {
            skills.put(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(5));
        }
        Map<String, LocalDate> certifications = random.nextInt(10) < 3
                ? Map.of("FIRST_AID", TODAY.plusDays(random.nextInt(-60, 700))) : Map.of();
        Map<String, LocalDate> training = random.nextInt(10) < 4
                ? Map.of("ETHICS-101", random.nextBoolean() ? LocalDate.MAX : TODAY.plusDays(random.nextInt(-30, 300)))
                : Map.of();
        Availability availability = Availability.ALWAYS;
        if (random.nextInt(10) < 7) {
            List<Availability.WeeklySlot> slots = new ArrayList<>();
            for (int s = 2 + random.nextInt(3); s > 0; s--) {
                int from = 7 + random.nextInt(10);
                slots.add(new Availability.WeeklySlot(DayOfWeek.of(1 + random.nextInt(7)), LocalTime.of(from, 0),
                        LocalTime.of(Math.min(23, from + 2 + random.nextInt(6)), 0)));
            }
            availability = new Availability(SHANGHAI, slots, List.of(), random.nextBoolean() ? 10 : null);
        }
        // Active, so that the grid holds every one of them: the target is a search over a million volunteers.
        return new VolunteerProfile(UUID.randomUUID(), home, true, random.nextInt(10) < 2, skills,
                certifications, training, availability);
    }

    static CandidateSearch.Query query(Random random) {
        GeoPoint place = new GeoPoint(CITY.latitude() + (random.nextDouble() - 0.5) * SPREAD_DEGREES * 0.8,
                CITY.longitude() + (random.nextDouble() - 0.5) * SPREAD_DEGREES * 0.8);
        Instant start = TODAY.plusDays(random.nextInt(14)).atTime(8 + random.nextInt(10), 0).atZone(SHANGHAI)
                .toInstant();
        Requirements requirements = new Requirements(place, 20_000, SKILLS.get(random.nextInt(SKILLS.size())),
                random.nextInt(3) == 0 ? List.of("FIRST_AID") : List.of(),
                random.nextInt(4) == 0 ? List.of("ETHICS-101") : List.of(), start, start.plusSeconds(7200), 2,
                false);
        return new CandidateSearch.Query(requirements, 1 + random.nextInt(5), Set.of(), Set.of(), WEIGHTS,
                WEEKLY_OFFER_CAP);
    }
}
