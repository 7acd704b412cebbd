-- When the volunteer's personal data was erased at their request; the anonymised row keeps the hours ledger whole.
ALTER TABLE volunteer ADD COLUMN erased_at TIMESTAMPTZ;
