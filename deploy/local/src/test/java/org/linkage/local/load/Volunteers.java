package org.linkage.local.load;

import org.linkage.local.Api;
import org.linkage.testing.Tokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The volunteers the load is offered to, registered through volunteer-service's API as staff would. */
final class Volunteers {

    static final String SKILL = "companionship";

    /** A volunteer's home: the grid's cells are a degree apart, farther than matching searches (20 km). */
    record Home(UUID volunteerId, double latitude, double longitude) {
    }

    /** Registers that many volunteers, one per cell of a grid, and waits until matching knows each of them. */
    static List<Home> register(String volunteerService, String matchingService, int count) {
        Api staff = Api.as(Tokens.admin("load-benchmark"));
        List<Home> homes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double latitude = 21.5 + (i / 18);
            double longitude = 100.5 + (i % 18);
            String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            Api.Reply reply = staff.post(volunteerService + "/api/v1/volunteers", """
                    {"name": "负载志愿者%d", "phone": "%s", "skills": ["%s"],
                     "homeLocation": {"latitude": %s, "longitude": %s}, "locationConsent": true, "onDuty": true}"""
                    .formatted(i, phone, SKILL, latitude, longitude));
            if (reply.status() != 201) {
                throw new IllegalStateException("Registering a volunteer: " + reply.status() + " "
                        + reply.raw().body());
            }
            homes.add(new Home(UUID.fromString(reply.body().path("id").asText()), latitude, longitude));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (Home home : homes) {
            while (staff.get(matchingService + "/api/v1/candidates/" + home.volunteerId()).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("matching does not know volunteer " + home.volunteerId());
                }
                sleep();
            }
        }
        return homes;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Volunteers() {
    }
}
