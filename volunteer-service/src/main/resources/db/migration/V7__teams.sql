CREATE TABLE team (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE,
    description TEXT,
    -- The social worker who leads the team (an account id, not a volunteer).
    leader_id   TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX team_by_leader ON team (leader_id);

CREATE TABLE team_member (
    team_id      UUID        NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    volunteer_id UUID        NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    role         TEXT        NOT NULL CHECK (role IN ('MEMBER', 'COORDINATOR')),
    -- INVITED awaits the volunteer, REQUESTED awaits the leader; MEMBER and DECLINED are the answers.
    state        TEXT        NOT NULL CHECK (state IN ('INVITED', 'REQUESTED', 'MEMBER', 'DECLINED')),
    asked_at     TIMESTAMPTZ NOT NULL,
    decided_at   TIMESTAMPTZ,
    PRIMARY KEY (team_id, volunteer_id)
);
CREATE INDEX team_member_by_volunteer ON team_member (volunteer_id);
