package org.linkage.local;

import org.linkage.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The requests of the core flow, as the mobile app sends them with each person's bearer token, and waiting for their
 * asynchronous effects.
 */
final class Flow {

    /** The community the tests' social workers serve and raise their needs in. */
    static final String COMMUNITY = "shuangjing";
    /** Staff: registers volunteers and observes what the services hold (minted now, for the issuer trusted now). */
    static Api admin() {
        return Api.as(Tokens.admin("admin-system-test"));
    }

    static Api volunteer(String volunteerId) {
        return Api.as(Tokens.volunteer(UUID.fromString(volunteerId)));
    }

    static Api socialWorker(String staffId) {
        return Api.as(Tokens.socialWorker(staffId, COMMUNITY));
    }

    /** The person with that id, as the tests name them: social workers "sw-...", volunteers by their UUID. */
    static Api person(String id) {
        return id.startsWith("sw-") ? socialWorker(id) : volunteer(id);
    }

    /** Where things happen. Each test works in its own corner of the map, so tests never pick each other's volunteers. */
    record Place(double latitude, double longitude) {
        static Place random() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return new Place(20 + random.nextDouble() * 20, 100 + random.nextDouble() * 20);
        }

        Place offset(double degrees) {
            return new Place(latitude + degrees, longitude);
        }
    }

    /** Registers a volunteer and waits until matching knows them (it builds its view from events). */
    static String registerVolunteer(String volunteerService, String matchingService, String name, String skill,
                                    Place home) {
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return registerVolunteer(volunteerService, matchingService, name, skill, home, phone);
    }

    /** The same with the volunteer's mobile number, to which the invitation is texted. */
    static String registerVolunteer(String volunteerService, String matchingService, String name, String skill,
                                    Place home, String phone) {
        Api.Reply reply = admin().post(volunteerService + "/api/v1/volunteers", """
                {"name": "%s", "phone": "%s", "skills": ["%s"],
                 "homeLocation": {"latitude": %s, "longitude": %s}, "locationConsent": true, "onDuty": true}"""
                .formatted(name, phone, skill, home.latitude(), home.longitude()));
        assertEquals(201, reply.status(), reply.raw().body());
        String id = reply.body().path("id").asText();
        await(() -> admin().get(matchingService + "/api/v1/candidates/" + id), r -> r.status() == 200,
                "matching to know volunteer " + id);
        return id;
    }

    /** A two-hour need starting on the hour, that many hours from now, raised by the social worker. */
    static Api.Reply raiseNeed(String activityService, String skill, Place place, String socialWorker, int hoursAhead,
                               Map<String, String> headers) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(hoursAhead + 1, ChronoUnit.HOURS);
        Api.Reply reply = socialWorker(socialWorker).post(activityService + "/api/v1/needs", """
                {"category": "home-visit", "requiredSkill": "%s",
                 "location": {"latitude": %s, "longitude": %s},
                 "window": {"start": "%s", "end": "%s"}, "urgency": "ROUTINE", "volunteersNeeded": 1,
                 "requestedBy": "%s", "community": "%s", "summary": "上门探访"}"""
                .formatted(skill, place.latitude(), place.longitude(), start, start.plus(2, ChronoUnit.HOURS),
                        socialWorker, COMMUNITY), headers);
        assertEquals(201, reply.status(), reply.raw().body());
        return reply;
    }

    static Api.Reply await(Supplier<Api.Reply> call, Predicate<Api.Reply> done, String what) {
        return await(call, done, what, Duration.ofSeconds(30));
    }

    static Api.Reply await(Supplier<Api.Reply> call, Predicate<Api.Reply> done, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Api.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            sleepMillis(20);
        }
        return fail("timed out waiting for " + what + "; last reply " + (last == null ? null : last.raw().body()));
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Flow() {
    }
}
