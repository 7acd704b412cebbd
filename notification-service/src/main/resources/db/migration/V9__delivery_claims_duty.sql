-- Deliveries are claimed, sent outside any transaction, then recorded (DeliveryDispatcher). A claim moves
-- next_attempt_at on by a lease and names itself in claim: the recording transaction writes the outcome only if the
-- row is still its own, and a claim whose replica stopped before recording is taken again once the lease ran out.
ALTER TABLE delivery ADD COLUMN claim UUID;
-- When the delivery was first meant to go out (its creation, or an escalation step's or quiet hours' end): each
-- destination (one device, one phone number, one address) is sent its deliveries in this order, retries included.
ALTER TABLE delivery ADD COLUMN first_due_at TIMESTAMPTZ;
UPDATE delivery SET first_due_at = next_attempt_at;
ALTER TABLE delivery ALTER COLUMN first_due_at SET NOT NULL;
-- What a destination still has outstanding, earliest first: a later delivery waits for these.
CREATE INDEX delivery_pending_destination ON delivery (channel, destination, first_due_at, created_at, id)
    WHERE status = 'PENDING';

-- Whether each volunteer is on duty and active, as volunteer-service's VolunteerRegistered and VolunteerChanged
-- events last said: an offer's push or SMS due after the volunteer went off duty (or left) is cancelled, not sent.
-- A volunteer without a row (no event seen yet) is taken as matching offered them: on duty.
CREATE TABLE volunteer_duty (
    volunteer  TEXT PRIMARY KEY,
    on_duty    BOOLEAN     NOT NULL,
    active     BOOLEAN     NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
