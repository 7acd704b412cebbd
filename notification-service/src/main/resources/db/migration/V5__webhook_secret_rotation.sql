-- Secret rotation: during the overlap a delivery is signed with the new and the previous secret.
ALTER TABLE webhook_subscription ADD COLUMN previous_secret TEXT;
ALTER TABLE webhook_subscription ADD COLUMN previous_secret_until TIMESTAMPTZ;
