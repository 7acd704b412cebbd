-- A reminder to send before an activity a volunteer signed up for; the row is the timer and goes once fired.
CREATE TABLE activity_reminder (
    -- Derived from the sign-up and the lead, so that scheduling it again gives the same reminder.
    id           UUID PRIMARY KEY,
    sign_up_id   UUID        NOT NULL,
    activity_id  UUID        NOT NULL,
    volunteer_id TEXT        NOT NULL,
    lead         TEXT        NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    title        TEXT        NOT NULL,
    station_name TEXT        NOT NULL,
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT activity_reminder_once UNIQUE (sign_up_id, lead)
);

CREATE INDEX activity_reminder_due ON activity_reminder (due_at);
CREATE INDEX activity_reminder_of_activity ON activity_reminder (activity_id);
CREATE INDEX activity_reminder_of_volunteer ON activity_reminder (volunteer_id);
