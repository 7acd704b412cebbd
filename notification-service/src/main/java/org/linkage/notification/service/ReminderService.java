package org.linkage.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.timer.DueWork;
import org.linkage.events.activity.ActivitySignUpConfirmed;
import org.linkage.notification.config.ReminderConfig;
import org.linkage.notification.domain.ActivityReminder;
import org.linkage.notification.domain.ReminderLead;
import org.linkage.notification.repository.ReminderRepository;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reminders before the activities volunteers signed up for: rows with a due time, fired by a job that takes them
 * batch by batch (see {@link DueWork}), so they fire once across replicas and after restarts.
 */
@ApplicationScoped
public class ReminderService {

    private final ReminderRepository reminders;
    private final NotificationService notifications;
    private final DueWork batches;

    ReminderService(ReminderRepository reminders, NotificationService notifications, ReminderConfig config) {
        this.reminders = reminders;
        this.notifications = notifications;
        this.batches = DueWork.batchesOf(config.batchSize());
    }

    /** Each lead whose time is still ahead; one already past (a sign-up an hour before) is not sent late. */
    public void schedule(ActivitySignUpConfirmed confirmed, Instant now) {
        for (ReminderLead lead : ReminderLead.values()) {
            Instant dueAt = confirmed.startsAt().minus(lead.ahead());
            if (dueAt.isAfter(now)) {
                reminders.schedule(reminder(confirmed, lead, dueAt));
            }
        }
    }

    private static ActivityReminder reminder(ActivitySignUpConfirmed confirmed, ReminderLead lead, Instant dueAt) {
        ActivityReminder reminder = new ActivityReminder();
        reminder.id = ActivityReminder.idOf(confirmed.signUpId(), lead);
        reminder.signUpId = confirmed.signUpId();
        reminder.activityId = confirmed.activityId();
        reminder.volunteerId = confirmed.volunteerId().toString();
        reminder.lead = lead;
        reminder.dueAt = dueAt;
        reminder.title = confirmed.title();
        reminder.stationName = confirmed.stationName();
        reminder.startsAt = confirmed.startsAt();
        reminder.endsAt = confirmed.endsAt();
        return reminder;
    }

    public void cancelSignUp(UUID signUpId) {
        reminders.delete("signUpId", signUpId);
    }

    public void cancelActivity(UUID activityId) {
        reminders.delete("activityId", activityId);
    }

    public void erase(String volunteerId) {
        reminders.delete("volunteerId", volunteerId);
    }

    @Scheduled(every = "${linkage.reminder.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fireDue() {
        batches.drain(this::fireBatch);
    }

    /**
     * The reminder's id is its notification's source, so it is told once even if scheduled again. One found after
     * its activity began (the service was down) is dropped, not sent late.
     */
    private int fireBatch(int limit) {
        Instant now = Instant.now();
        List<ActivityReminder> due = reminders.lockDue(now, limit);
        // People in one order, so that transactions telling several take their locks in one order.
        List<ActivityReminder> byRecipient = due.stream()
                .sorted(Comparator.comparing((ActivityReminder reminder) -> reminder.volunteerId)).toList();
        for (ActivityReminder reminder : byRecipient) {
            if (reminder.startsAt.isAfter(now)) {
                notifications.notify(NotificationComposer.reminder(reminder), reminder.id);
            }
            reminders.delete(reminder);
        }
        return due.size();
    }
}
