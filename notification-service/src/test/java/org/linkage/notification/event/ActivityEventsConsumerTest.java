package org.linkage.notification.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.activity.ActivityCancelled;
import org.linkage.events.activity.ActivitySignUpCancelled;
import org.linkage.events.activity.ActivitySignUpConfirmed;
import org.linkage.notification.Inbox;
import org.linkage.notification.domain.ActivityReminder;
import org.linkage.notification.domain.ReminderLead;
import org.linkage.notification.repository.ReminderRepository;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ActivityEventsConsumerTest {

    @Inject
    ReminderRepository reminders;

    private static ActivitySignUpConfirmed signUp(UUID activityId, UUID volunteerId, Instant startsAt) {
        return ActivitySignUpConfirmed.of(activityId, UUID.randomUUID(), volunteerId, "义诊日", "社区卫生服务中心",
                startsAt.truncatedTo(ChronoUnit.MILLIS), startsAt.plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS),
                false);
    }

    /**
     * Sends a sign-up of someone else to the same activity after the events under test: events of one activity are
     * consumed in order, so once it is in their inbox, everything before it has been consumed.
     */
    private static void sendMarkerAfter(UUID activityId) {
        UUID someoneElse = UUID.randomUUID();
        Inbox.publish(signUp(activityId, someoneElse, Instant.now().plus(Duration.ofDays(10))));
        assertEquals(1, Inbox.await(someoneElse.toString(), 1).size(), "the marker event was not consumed");
    }

    private List<ActivityReminder> remindersOf(UUID signUpId) {
        return QuarkusTransaction.requiringNew().call(() -> reminders.list("signUpId", signUpId));
    }

    private List<ActivityReminder> awaitReminders(UUID signUpId, int count) {
        return Eventually.value(count + " reminders of " + signUpId, () -> remindersOf(signUpId),
                found -> found.size() == count, Duration.ofSeconds(20));
    }

    private static List<Object> kinds(String recipient) {
        return Inbox.of(recipient).stream().map(notification -> notification.get("kind")).toList();
    }

    @Test
    void aConfirmedSignUpIsToldAndGetsADayAndAnHourBeforeReminderOnceHoweverOftenItComes() {
        UUID activityId = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        ActivitySignUpConfirmed confirmed = signUp(activityId, volunteerId, Instant.now().plus(Duration.ofDays(3)));
        EventEnvelope envelope = Inbox.publish(confirmed);
        TopicProbe.send(Topics.ACTIVITY_EVENTS, envelope);
        sendMarkerAfter(activityId);

        List<Map<String, Object>> inbox = Inbox.of(volunteerId.toString());
        assertEquals(1, inbox.size(), inbox.toString());
        assertEquals("SIGN_UP_CONFIRMED", inbox.get(0).get("kind"));
        assertEquals("报名成功：义诊日", inbox.get(0).get("title"));
        assertEquals(confirmed.signUpId().toString(), ((Map<?, ?>) inbox.get(0).get("data")).get("signUpId"));

        List<ActivityReminder> scheduled = remindersOf(confirmed.signUpId());
        assertEquals(2, scheduled.size());
        assertEquals(Map.of(ReminderLead.DAY_BEFORE, confirmed.startsAt().minus(Duration.ofDays(1)),
                        ReminderLead.HOUR_BEFORE, confirmed.startsAt().minus(Duration.ofHours(1))),
                Map.of(scheduled.get(0).lead, scheduled.get(0).dueAt, scheduled.get(1).lead, scheduled.get(1).dueAt));
    }

    @Test
    void aReminderWhoseTimeIsAlreadyPastIsNotScheduled() {
        UUID activityId = UUID.randomUUID();
        ActivitySignUpConfirmed confirmed = signUp(activityId, UUID.randomUUID(), Instant.now().plus(Duration.ofHours(5)));
        Inbox.publish(confirmed);
        sendMarkerAfter(activityId);

        assertEquals(List.of(ReminderLead.HOUR_BEFORE),
                remindersOf(confirmed.signUpId()).stream().map(reminder -> reminder.lead).toList());
    }

    @Test
    void aDueReminderRowFiresOnceAndIsGoneAndOneForAnActivityAlreadyBegunIsDropped() {
        UUID volunteerId = UUID.randomUUID();
        ActivityReminder due = reminder(volunteerId, Instant.now().plus(Duration.ofMinutes(30)));
        ActivityReminder tooLate = reminder(volunteerId, Instant.now().minus(Duration.ofMinutes(5)));
        QuarkusTransaction.requiringNew().run(() -> {
            reminders.schedule(due);
            reminders.schedule(tooLate);
        });

        assertEquals(List.of(), awaitReminders(due.signUpId, 0));
        assertEquals(List.of(), awaitReminders(tooLate.signUpId, 0));
        assertEquals(List.of("ACTIVITY_REMINDER"), kinds(volunteerId.toString()));
        assertEquals(due.activityId.toString(),
                ((Map<?, ?>) Inbox.of(volunteerId.toString()).get(0).get("data")).get("activityId"));
    }

    private static ActivityReminder reminder(UUID volunteerId, Instant startsAt) {
        ActivityReminder reminder = new ActivityReminder();
        reminder.signUpId = UUID.randomUUID();
        reminder.lead = ReminderLead.HOUR_BEFORE;
        reminder.id = ActivityReminder.idOf(reminder.signUpId, reminder.lead);
        reminder.activityId = UUID.randomUUID();
        reminder.volunteerId = volunteerId.toString();
        reminder.dueAt = Instant.now().minus(Duration.ofMinutes(31));
        reminder.title = "理发日";
        reminder.stationName = "幸福里社区服务站";
        reminder.startsAt = startsAt;
        reminder.endsAt = startsAt.plus(Duration.ofHours(2));
        return reminder;
    }

    @Test
    void cancellingTheSignUpRemovesItsPendingReminders() {
        UUID activityId = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        ActivitySignUpConfirmed confirmed = signUp(activityId, volunteerId, Instant.now().plus(Duration.ofDays(3)));
        Inbox.publish(confirmed);
        assertEquals(2, awaitReminders(confirmed.signUpId(), 2).size());

        EventEnvelope cancelled = Inbox.publish(ActivitySignUpCancelled.of(activityId, confirmed.signUpId(),
                volunteerId, "VOLUNTEER"));
        TopicProbe.send(Topics.ACTIVITY_EVENTS, cancelled);
        sendMarkerAfter(activityId);

        assertEquals(List.of(), remindersOf(confirmed.signUpId()));
        assertEquals(List.of("SIGN_UP_CONFIRMED"), kinds(volunteerId.toString()));
    }

    @Test
    void cancellingTheActivityRemovesEveryonesRemindersAndTellsThemOnce() {
        UUID activityId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        ActivitySignUpConfirmed firstSignUp = signUp(activityId, first, Instant.now().plus(Duration.ofDays(3)));
        ActivitySignUpConfirmed secondSignUp = signUp(activityId, second, Instant.now().plus(Duration.ofDays(3)));
        Inbox.publish(firstSignUp);
        Inbox.publish(secondSignUp);
        assertEquals(2, awaitReminders(secondSignUp.signUpId(), 2).size());

        EventEnvelope cancelled = Inbox.publish(ActivityCancelled.of(activityId, "义诊日", "医生临时有急诊",
                List.of(first, second)));
        TopicProbe.send(Topics.ACTIVITY_EVENTS, cancelled);
        sendMarkerAfter(activityId);

        assertEquals(List.of(), remindersOf(firstSignUp.signUpId()));
        assertEquals(List.of(), remindersOf(secondSignUp.signUpId()));
        for (UUID volunteer : List.of(first, second)) {
            List<Map<String, Object>> inbox = Inbox.of(volunteer.toString());
            assertEquals(List.of("ACTIVITY_CANCELLED", "SIGN_UP_CONFIRMED"), kinds(volunteer.toString()));
            assertTrue(((String) inbox.get(0).get("body")).contains("原因：医生临时有急诊"), inbox.toString());
        }
    }
}
