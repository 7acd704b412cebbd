-- Receipts: what the person did with an offer (ACCEPTED or DECLINED) and when. Escalations: an SMS created with the
-- offer but held back (a PENDING delivery due later); opening or answering the offer, or its closing, cancels it.
ALTER TABLE notification ADD COLUMN acted_at TIMESTAMPTZ, ADD COLUMN action TEXT;
ALTER TABLE delivery ADD COLUMN escalation BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX notification_offer_by_need ON notification ((data ->> 'needId')) WHERE kind = 'OFFER_RECEIVED';
CREATE INDEX notification_offer_by_assignment ON notification (recipient, (data ->> 'assignmentId'))
    WHERE kind = 'OFFER_RECEIVED';
