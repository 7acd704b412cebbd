package org.linkage.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.activity.ActivityCancelled;
import org.linkage.events.activity.ActivitySignUpCancelled;
import org.linkage.events.activity.ActivitySignUpConfirmed;
import org.linkage.events.activity.AttendanceRecorded;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.AssignmentProposed;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.identity.IdentityLinked;
import org.linkage.events.identity.IdentityUnlinked;
import org.linkage.events.identity.InvitationIssued;
import org.linkage.events.identity.VolunteerAccessChanged;
import org.linkage.events.need.AssignmentCompleted;
import org.linkage.events.need.NeedCancelled;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationExpiring;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.events.volunteer.HoursCredited;
import org.linkage.events.volunteer.MatchingProfile;
import org.linkage.events.volunteer.StarLevelReached;
import org.linkage.events.volunteer.TrainingCompleted;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerDeactivated;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.events.volunteer.VolunteerRegistered;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type has a schema that its factory's output satisfies, and the schemas do reject bad events. */
class EventSchemasTest {

    static final GeoPoint PLACE = new GeoPoint(35.251234, 115.442199);
    static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-12-01T09:00:00Z"),
            Instant.parse("2026-12-01T11:00:00Z"));

    static List<DomainEvent> everyEventType() {
        UUID need = UUID.randomUUID();
        UUID volunteer = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        UUID certification = UUID.randomUUID();
        return List.of(
                VolunteerRegistered.of(volunteer, List.of("elder-care"), PLACE, true, true),
                VolunteerChanged.of(volunteer, List.of(), null, false, true),
                NeedRaised.of(need, "home-visit", "elder-care", PLACE, WINDOW, Urgency.ROUTINE, 1, "sw-liu", "探访"),
                AssignmentOffered.of(assignment, need, volunteer, "sw-liu", "home-visit", Urgency.URGENT, WINDOW,
                        PLACE, "探访", Instant.now()),
                AssignmentAccepted.of(assignment, need, volunteer, "sw-liu"),
                AssignmentDeclined.of(assignment, need, volunteer, "sw-liu", "busy"),
                NeedUnmatched.of(need, "sw-liu", "no volunteer with the skill nearby", 0),
                AssignmentExpired.of(assignment, need, volunteer, "sw-liu", Instant.now(), true),
                AssignmentWithdrawn.of(assignment, need, volunteer, "sw-liu", AssignmentWithdrawn.Withdrawer.VOLUNTEER),
                AssignmentStoodDown.of(assignment, need, volunteer, "sw-liu"),
                AssignmentProposed.of(assignment, need, volunteer, "sw-liu"),
                VolunteerDeactivated.of(volunteer, "moved away"),
                CertificationVerified.of(volunteer, certification, "first-aid", LocalDate.parse("2027-06-30")),
                CertificationExpiring.of(volunteer, certification, "first-aid", LocalDate.parse("2027-06-30")),
                CertificationExpired.of(volunteer, certification, "first-aid", LocalDate.parse("2027-06-30")),
                VolunteerAvailabilityChanged.of(volunteer, "Asia/Shanghai",
                        List.of(new VolunteerAvailabilityChanged.WeeklySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 0),
                                LocalTime.of(12, 0))),
                        List.of(new VolunteerAvailabilityChanged.DatedException(LocalDate.parse("2026-12-24"),
                                VolunteerAvailabilityChanged.Kind.AWAY, null, null)), 10),
                VolunteerRegistered.of(new MatchingProfile(volunteer, List.of("elder-care", "first-aid"), PLACE,
                        true, true, Map.of("elder-care", 3), "xinhua-road", List.of("zh-CN", "en"), false, "RIDER")),
                NeedRaised.builder(need).category("first-aid-emergency").requiredSkill("first-aid").location(PLACE)
                        .window(WINDOW).urgency(Urgency.EMERGENCY).volunteersNeeded(1).requestedBy("sw-liu")
                        .summary("老人摔倒").requiredCertifications(List.of("first-aid"))
                        .requiredTraining(List.of("first-aid-refresher")).radiusMetres(500).careCategory("ELDERLY")
                        .beneficiaryRef(UUID.randomUUID()).deadline(Instant.parse("2026-12-01T08:30:00Z"))
                        .estimatedHours(1.5).community("xinhua-road").volunteerGroups(List.of("RIDER")).build(),
                NeedCancelled.of(need, "sw-liu", "family came"),
                AssignmentCompleted.of(need, assignment, volunteer, LocalDate.parse("2026-12-01"),
                        new BigDecimal("2.5"), "sw-liu"),
                TrainingCompleted.of(volunteer, "ethics", LocalDate.parse("2026-11-01"), null),
                HoursCredited.of(volunteer, UUID.randomUUID(), "NEED", need, LocalDate.parse("2026-12-01"),
                        new BigDecimal("2.5"), new BigDecimal("102.5")),
                StarLevelReached.of(volunteer, 1, new BigDecimal("102.5")),
                VolunteerErased.of(volunteer),
                ActivitySignUpConfirmed.of(UUID.randomUUID(), UUID.randomUUID(), volunteer, "义剪", "新华路社区中心",
                        WINDOW.start(), WINDOW.end(), true),
                ActivitySignUpCancelled.of(UUID.randomUUID(), UUID.randomUUID(), volunteer, "VOLUNTEER"),
                ActivityCancelled.of(UUID.randomUUID(), "义剪", "rain", List.of(volunteer)),
                AttendanceRecorded.of(UUID.randomUUID(), UUID.randomUUID(), volunteer, WINDOW.start(), WINDOW.end(),
                        LocalDate.parse("2026-12-01"), new BigDecimal("2"), "station-code"),
                IdentityLinked.of(volunteer, "https://sso.linkage.example/realms/linkage", "f3a1c2d4", 7),
                IdentityUnlinked.of(volunteer, "https://sso.linkage.example/realms/linkage", "f3a1c2d4", 8),
                VolunteerAccessChanged.of(volunteer, "SUSPENDED", 9),
                InvitationIssued.of(UUID.randomUUID(), volunteer, "13812345678", "042917",
                        Instant.parse("2026-12-04T08:00:00Z")));
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void theFactoryOutputConformsToItsSchema(DomainEvent event) {
        String message = EventJson.write(EventEnvelope.wrap(event, Instant.now(), null));
        assertEquals(java.util.Set.of(), EventSchemas.violations(message), message);
        assertFalse(message.contains("\"topic\""), "routing data stays out of the payload: " + message);
    }

    @Test
    void aMissingRequiredFieldOrAWrongFormatIsReported() {
        String message = EventJson.write(EventEnvelope.wrap(everyEventType().get(2), Instant.now(), null));
        assertFalse(EventSchemas.violations(message.replace("\"requiredSkill\"", "\"skill\"")).isEmpty());
        assertFalse(EventSchemas.violations(message.replace("\"ROUTINE\"", "\"SOMEDAY\"")).isEmpty());
        assertFalse(EventSchemas.violations(message.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"42\"")).isEmpty());
    }

    @Test
    void volunteerEventsOfVersionTwoMayCarryNoNameOrPhone() {
        String message = EventJson.write(EventEnvelope.wrap(everyEventType().get(0), Instant.now(), null));
        assertTrue(message.contains("\"schemaVersion\":2"), message);
        assertFalse(EventSchemas.violations(message.replace("\"skills\"", "\"displayName\":\"王芳\",\"skills\""))
                .isEmpty());
        assertFalse(EventSchemas.violations(message.replace("\"skills\"", "\"phone\":\"13800138000\",\"skills\""))
                .isEmpty());
    }

    @Test
    void anOldVolunteerEventWithANameStillReadsAndItsNameIsDropped() {
        UUID volunteer = UUID.randomUUID();
        String old = """
                {"eventId": "%s", "eventType": "VolunteerRegistered", "schemaVersion": 1,
                 "occurredAt": "2026-11-01T08:00:00Z", "aggregateType": "Volunteer", "aggregateId": "%s",
                 "payload": {"volunteerId": "%s", "displayName": "王芳", "skills": ["elder-care"],
                             "onDuty": true, "active": true}}""".formatted(UUID.randomUUID(), volunteer, volunteer);
        assertEquals(java.util.Set.of(), EventSchemas.violations(old), "v1 stays readable: " + old);

        VolunteerRegistered read = EventJson.read(old).payloadAs(VolunteerRegistered.class);

        assertEquals(volunteer, read.volunteerId());
        assertEquals(List.of("elder-care"), read.skills());
        assertTrue(read.onDuty() && read.active());
        assertFalse(read.toString().contains("王芳"));
    }

    @Test
    void offersCarryOnlyACoarseArea() {
        AssignmentOffered offer = (AssignmentOffered) everyEventType().get(3);
        assertEquals(new GeoPoint(35.25, 115.44), offer.area());
        assertTrue(PLACE.distanceMetresTo(offer.area()) < 1_000);
    }
}
