package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateSearchTest {

    static final GeoPoint NEED = new GeoPoint(31.2304, 121.4737);
    static final double METRES_PER_DEGREE = 6_371_000 * Math.PI / 180;
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant END = START.plusSeconds(7200);
    static final LocalDate NEED_DAY = LocalDate.of(2026, 12, 1);
    static final ScoringWeights WEIGHTS = OfferScorerTest.WEIGHTS;

    static GeoPoint north(double metres) {
        return new GeoPoint(NEED.latitude() + metres / METRES_PER_DEGREE, NEED.longitude());
    }

    static VolunteerProfile volunteer(double metresNorth, Map<String, LocalDate> certifications,
                                      Map<String, LocalDate> training, Availability availability, boolean onDuty) {
        return new VolunteerProfile(UUID.randomUUID(), north(metresNorth), true, onDuty, Map.of("first-aid", 2),
                certifications, training, availability);
    }

    static VolunteerProfile plain(double metresNorth) {
        return volunteer(metresNorth, Map.of(), Map.of(), Availability.ALWAYS, false);
    }

    static Requirements requirements(List<String> certifications, List<String> training, boolean emergency) {
        return new Requirements(NEED, 5_000, "first-aid", certifications, training, START, END, 2, emergency);
    }

    static CandidateSearch.Query query(Requirements requirements, int limit) {
        return new CandidateSearch.Query(requirements, limit, Set.of(), Set.of(), WEIGHTS, 3);
    }

    static List<UUID> found(List<VolunteerProfile> volunteers, CandidateSearch.Query query,
                            Map<UUID, VolunteerFacts> facts) {
        CandidateGrid grid = new CandidateGrid();
        volunteers.forEach(grid::put);
        return CandidateSearch.topK(grid, query, ids -> facts).stream().map(m -> m.volunteer().volunteerId())
                .toList();
    }

    @Test
    void theGridFindsExactlyWhatABruteForceScanFinds() {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            List<VolunteerProfile> volunteers = new ArrayList<>();
            Map<UUID, VolunteerFacts> facts = new HashMap<>();
            for (int i = 0; i < 400; i++) {
                GeoPoint home = new GeoPoint(NEED.latitude() + random.nextGaussian() * 0.04,
                        NEED.longitude() + random.nextGaussian() * 0.04);
                Map<String, Integer> skills = random.nextBoolean() ? Map.of("first-aid", 1 + random.nextInt(5))
                        : Map.of("tutoring", 3);
                VolunteerProfile volunteer = new VolunteerProfile(UUID.randomUUID(), home, random.nextInt(10) > 0,
                        random.nextBoolean(), skills, random.nextInt(4) > 0
                        ? Map.of("FIRST_AID", NEED_DAY.plusDays(random.nextInt(-5, 300))) : Map.of(), Map.of(),
                        Availability.ALWAYS);
                volunteers.add(volunteer);
                facts.put(volunteer.volunteerId(), new VolunteerFacts(random.nextInt(5), random.nextInt(10),
                        random.nextInt(10), List.of()));
            }
            Set<UUID> served = Set.of(volunteers.get(random.nextInt(400)).volunteerId(),
                    volunteers.get(random.nextInt(400)).volunteerId());
            boolean emergency = random.nextBoolean();
            CandidateSearch.Query query = new CandidateSearch.Query(new Requirements(NEED, 1_000 + random.nextInt(8_000),
                    "first-aid", List.of("FIRST_AID"), List.of(), START, END, 2, emergency), 1 + random.nextInt(7),
                    Set.of(volunteers.get(0).volunteerId()), served,
                    emergency ? ScoringWeights.nearestFirst(2000) : WEIGHTS, 3);
            CandidateGrid grid = new CandidateGrid();
            volunteers.forEach(grid::put);

            List<CandidateSearch.Match> indexed = CandidateSearch.topK(grid, query, ids -> facts);
            List<CandidateSearch.Match> scanned = CandidateSearch.bruteForce(volunteers, query, ids -> facts);

            assertEquals(scanned, indexed, "round " + round);
        }
    }

    @Test
    void withEveryConstraintAndAfterChangesTheGridStillFindsWhatTheScanFinds() {
        Random random = new Random(13);
        List<String> skills = List.of("first-aid", "tutoring", "escort");
        for (int round = 0; round < 30; round++) {
            Map<UUID, VolunteerProfile> volunteers = new HashMap<>();
            Map<UUID, VolunteerFacts> facts = new HashMap<>();
            for (int i = 0; i < 600; i++) {
                VolunteerProfile volunteer = anyVolunteer(random, UUID.randomUUID(), skills);
                volunteers.put(volunteer.volunteerId(), volunteer);
                facts.put(volunteer.volunteerId(), new VolunteerFacts(random.nextInt(4), random.nextInt(10),
                        random.nextInt(10), List.of()));
            }
            CandidateGrid grid = new CandidateGrid();
            grid.replaceAll(volunteers.values());
            if (round % 2 == 1) {
                // Everyone read again at once, unchanged, as a refresh after a bulk load does.
                grid.putAll(volunteers.values().stream().map(v -> new VolunteerProfile(v.volunteerId(), v.home(),
                        v.active(), v.onDuty(), Map.copyOf(v.skillLevels()), Map.copyOf(v.certifications()),
                        Map.copyOf(v.training()), v.availability())).toList(), Set.of());
            }
            // Changes one by one, as the volunteer events bring them: moved, retrained, left; in odd rounds in
            // batches of up to 50, as the index takes in other replicas' changes (the same volunteer twice too).
            List<UUID> ids = new ArrayList<>(volunteers.keySet());
            List<VolunteerProfile> batch = new ArrayList<>();
            Set<UUID> gone = new HashSet<>();
            for (int change = 0; change < 150; change++) {
                UUID id = ids.get(random.nextInt(ids.size()));
                if (random.nextInt(5) == 0) {
                    volunteers.remove(id);
                    if (round % 2 == 0) {
                        grid.remove(id);
                    } else {
                        batch.removeIf(volunteer -> volunteer.volunteerId().equals(id));
                        gone.add(id);
                    }
                } else {
                    VolunteerProfile changed = anyVolunteer(random, id, skills);
                    volunteers.put(id, changed);
                    if (round % 2 == 0) {
                        grid.put(changed);
                    } else {
                        batch.add(changed);
                        gone.remove(id);
                    }
                }
                if (batch.size() + gone.size() >= random.nextInt(1, 51) || change == 149) {
                    grid.putAll(batch, gone);
                    batch.clear();
                    gone.clear();
                }
            }
            boolean emergency = random.nextInt(4) == 0;
            Instant start = WeekHoursTest.FIRST_DAY.plusDays(random.nextInt(14)).atTime(6 + random.nextInt(14), 0)
                    .atZone(WeekHoursTest.ZONES.get(random.nextInt(WeekHoursTest.ZONES.size()))).toInstant();
            CandidateSearch.Query query = new CandidateSearch.Query(new Requirements(NEED,
                    1_000 + random.nextInt(8_000), skills.get(random.nextInt(skills.size())),
                    random.nextBoolean() ? List.of("FIRST_AID") : List.of(),
                    random.nextBoolean() ? List.of("ETHICS") : List.of(), start,
                    start.plusSeconds(1800L * (1 + random.nextInt(6))), 2, emergency), 1 + random.nextInt(7),
                    Set.of(ids.get(0)), Set.of(ids.get(1), ids.get(2)),
                    emergency ? ScoringWeights.nearestFirst(2000) : WEIGHTS, 3);

            List<CandidateSearch.Match> indexed = CandidateSearch.topK(grid, query, found -> facts);
            List<CandidateSearch.Match> scanned = CandidateSearch.bruteForce(volunteers.values(), query,
                    found -> facts);

            assertEquals(scanned, indexed, "round " + round);
            assertEquals(volunteers.values().stream().filter(v -> v.active() && v.home() != null).count(),
                    grid.size());
        }
    }

    static VolunteerProfile anyVolunteer(Random random, UUID id, List<String> skills) {
        GeoPoint home = random.nextInt(50) == 0 ? null : new GeoPoint(
                NEED.latitude() + random.nextGaussian() * 0.03, NEED.longitude() + random.nextGaussian() * 0.03);
        Map<String, Integer> levels = new HashMap<>();
        for (int s = 1 + random.nextInt(2); s > 0; s--) {
            levels.put(skills.get(random.nextInt(skills.size())), 1 + random.nextInt(5));
        }
        LocalDate day = WeekHoursTest.FIRST_DAY.plusDays(7);
        Map<String, LocalDate> certifications = new HashMap<>();
        if (random.nextBoolean()) {
            certifications.put("FIRST_AID", day.plusDays(random.nextInt(-10, 10)));
        }
        if (random.nextInt(4) == 0) {
            certifications.put("DRIVING", day.plusDays(random.nextInt(-10, 10)));
        }
        Map<String, LocalDate> training = random.nextBoolean()
                ? Map.of("ETHICS", random.nextBoolean() ? LocalDate.MAX : day.plusDays(random.nextInt(-10, 10)))
                : Map.of();
        return new VolunteerProfile(id, home, random.nextInt(10) > 0, random.nextBoolean(), levels, certifications,
                training, WeekHoursTest.randomAvailability(random));
    }

    @Test
    void aCertificateExpiredOnTheNeedsDayOrMissingExcludes() {
        VolunteerProfile inDate = volunteer(900, Map.of("FIRST_AID", NEED_DAY.plusDays(1)), Map.of(),
                Availability.ALWAYS, false);
        VolunteerProfile expiresThatDay = volunteer(100, Map.of("FIRST_AID", NEED_DAY), Map.of(),
                Availability.ALWAYS, false);
        VolunteerProfile without = plain(200);

        assertEquals(List.of(inDate.volunteerId()), found(List.of(inDate, expiresThatDay, without),
                query(requirements(List.of("FIRST_AID"), List.of(), false), 5), Map.of()));
    }

    @Test
    void trainingMustBeValidOnTheNeedsDay() {
        VolunteerProfile forever = volunteer(300, Map.of(), Map.of("ETHICS", LocalDate.MAX), Availability.ALWAYS,
                false);
        VolunteerProfile lastDay = volunteer(400, Map.of(), Map.of("ETHICS", NEED_DAY), Availability.ALWAYS, false);
        VolunteerProfile lapsed = volunteer(100, Map.of(), Map.of("ETHICS", NEED_DAY.minusDays(1)),
                Availability.ALWAYS, false);

        assertEquals(List.of(forever.volunteerId(), lastDay.volunteerId()), found(List.of(forever, lastDay, lapsed),
                query(requirements(List.of(), List.of("ETHICS"), false), 5), Map.of()));
    }

    @Test
    void unavailableAtTheNeedsTimeExcludesButNotForAnEmergency() {
        // The need is Tuesday 10:00-12:00 in Shanghai.
        Availability tuesdays = new Availability(ZoneId.of("Asia/Shanghai"), List.of(new Availability.WeeklySlot(
                DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))), List.of(), null);
        Availability mondays = new Availability(ZoneId.of("Asia/Shanghai"), List.of(new Availability.WeeklySlot(
                DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))), List.of(), null);
        VolunteerProfile available = volunteer(800, Map.of(), Map.of(), tuesdays, true);
        VolunteerProfile unavailable = volunteer(100, Map.of(), Map.of(), mondays, true);

        assertEquals(List.of(available.volunteerId()), found(List.of(available, unavailable),
                query(requirements(List.of(), List.of(), false), 5), Map.of()));
        assertEquals(List.of(unavailable.volunteerId(), available.volunteerId()), found(List.of(available, unavailable),
                new CandidateSearch.Query(requirements(List.of(), List.of(), true), 5, Set.of(), Set.of(),
                        ScoringWeights.nearestFirst(2000), 3), Map.of()));
    }

    @Test
    void anOverlappingCommitmentTheFatigueCapAndTheHoursCapExclude() {
        Availability capped = new Availability(ZoneId.of("UTC"), null, List.of(), 5);
        VolunteerProfile committed = plain(100);
        VolunteerProfile fatigued = plain(200);
        VolunteerProfile nearlyFull = volunteer(300, Map.of(), Map.of(), capped, false);
        VolunteerProfile free = volunteer(400, Map.of(), Map.of(), capped, false);
        Map<UUID, VolunteerFacts> facts = Map.of(
                committed.volunteerId(), new VolunteerFacts(0, 1, 0, List.of(
                        new VolunteerFacts.Commitment(END.minusSeconds(60), END.plusSeconds(3600), 1))),
                fatigued.volunteerId(), new VolunteerFacts(3, 3, 0, List.of()),
                nearlyFull.volunteerId(), new VolunteerFacts(1, 1, 0, List.of(
                        new VolunteerFacts.Commitment(START.minusSeconds(86_400), START.minusSeconds(72_000), 4))),
                free.volunteerId(), new VolunteerFacts(1, 1, 0, List.of(
                        new VolunteerFacts.Commitment(START.minusSeconds(86_400), START.minusSeconds(75_600), 3))));

        assertEquals(List.of(free.volunteerId()), found(List.of(committed, fatigued, nearlyFull, free),
                query(requirements(List.of(), List.of(), false), 5), facts));
    }

    @Test
    void whoServedTheBeneficiaryBeforeComesFirstWhereverTheyLiveWithinReach() {
        VolunteerProfile near = plain(100);
        VolunteerProfile servedBefore = plain(4_500);
        VolunteerProfile servedButTooFar = plain(6_000);
        CandidateSearch.Query query = new CandidateSearch.Query(requirements(List.of(), List.of(), false), 2,
                Set.of(), Set.of(servedBefore.volunteerId(), servedButTooFar.volunteerId()), WEIGHTS, 3);

        assertEquals(List.of(servedBefore.volunteerId(), near.volunteerId()),
                found(List.of(near, servedBefore, servedButTooFar), query, Map.of()));
    }

    @Test
    void equalCandidatesAreOrderedByDistanceThenIdAndTheBestKAreKept() {
        List<VolunteerProfile> volunteers = List.of(plain(300), plain(100), plain(200), plain(100));
        List<UUID> result = found(volunteers, query(requirements(List.of(), List.of(), false), 3), Map.of());
        UUID firstOfTwins = volunteers.get(1).volunteerId().compareTo(volunteers.get(3).volunteerId()) < 0
                ? volunteers.get(1).volunteerId() : volunteers.get(3).volunteerId();
        assertEquals(3, result.size());
        assertEquals(firstOfTwins, result.get(0));
        assertEquals(volunteers.get(2).volunteerId(), result.get(2));
        assertTrue(found(volunteers, query(requirements(List.of(), List.of(), false), 0), Map.of()).isEmpty());
    }
}
