package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.activity.service.PairingReviewReminderJob;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.Topics;
import org.linkage.events.pairing.PairingEnded;
import org.linkage.events.pairing.PairingReviewDue;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.InfrastructureTestResource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.NeedFixtures.awaitEvents;
import static org.linkage.activity.PairingFixtures.PAIRINGS;
import static org.linkage.activity.PairingFixtures.accepted;
import static org.linkage.activity.PairingFixtures.asWorker;
import static org.linkage.activity.PairingFixtures.child;
import static org.linkage.activity.PairingFixtures.period;
import static org.linkage.activity.PairingFixtures.trustedVolunteer;

/**
 * The responsible social worker is reminded of a pairing's periodic review a week before it falls due, once per due
 * date however often the job runs, and again for the next date a review sets.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class PairingReviewReminderTest implements AsAdmin {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

    @Inject
    PairingReviewReminderJob reminders;

    @Test
    void theResponsibleWorkerIsRemindedOncePerDueDateAWeekAhead() {
        String marker = marker();
        String worker = "sw-" + marker;
        String pairing = accepted(marker, child(marker, worker), trustedVolunteer(), worker);
        LocalDate today = LocalDate.now(DISTRICT);
        asWorker(worker).contentType(ContentType.JSON).body(period(today, today.plusDays(200)))
                .post(PAIRINGS + pairing + "/activation").then().statusCode(200);
        LocalDate due = today.plusMonths(3);

        reminders.remindDue(due.minusDays(8));
        reminders.remindDue(due.minusDays(7));
        reminders.remindDue(due.minusDays(6));
        EventEnvelope first = awaitEvents(Topics.PAIRING_EVENTS, PairingReviewDue.TYPE,
                e -> e.aggregateId().equals(pairing), 1).get(0);
        assertEquals(worker, first.payload().path("socialWorkerId").asText());
        assertEquals(due.toString(), first.payload().path("reviewDueOn").asText());
        assertEquals(Set.of(), EventSchemas.violations(EventJson.write(first)));

        LocalDate next = today.plusMonths(2);
        asWorker(worker).contentType(ContentType.JSON)
                .body("{\"notes\": \"Settled in\", \"nextReviewOn\": \"%s\"}".formatted(next))
                .post(PAIRINGS + pairing + "/reviews").then().statusCode(201);
        reminders.remindDue(next);
        List<EventEnvelope> both = awaitEvents(Topics.PAIRING_EVENTS, PairingReviewDue.TYPE,
                e -> e.aggregateId().equals(pairing), 2);
        assertEquals(List.of(due.toString(), next.toString()),
                both.stream().map(e -> e.payload().path("reviewDueOn").asText()).toList());
        reminders.remindDue(next.plusDays(1));
        // Events of one pairing keep their order: once its ending is out, a duplicate reminder would be too.
        asWorker(worker).contentType(ContentType.JSON).body("{\"reason\": \"The family moved away\"}")
                .post(PAIRINGS + pairing + "/ending").then().statusCode(200);
        awaitEvents(Topics.PAIRING_EVENTS, PairingEnded.TYPE, e -> e.aggregateId().equals(pairing), 1);
        assertEquals(2, awaitEvents(Topics.PAIRING_EVENTS, PairingReviewDue.TYPE,
                e -> e.aggregateId().equals(pairing), 2).size());
    }
}
