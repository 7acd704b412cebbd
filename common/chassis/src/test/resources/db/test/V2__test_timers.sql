-- Rows whose due time is a column: the timers the DueWork tests drain.
CREATE TABLE test_timer (id UUID PRIMARY KEY, subject TEXT NOT NULL, due_at TIMESTAMPTZ NOT NULL,
                         fired INT NOT NULL DEFAULT 0);
