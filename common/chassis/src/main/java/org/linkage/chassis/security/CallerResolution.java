package org.linkage.chassis.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Which volunteer a volunteer's token acts as, decided from the identity projection and the token's optional
 * {@code volunteer_id} claim. The projection is the authority: a link recorded there wins over the claim, an
 * unlinked identity is refused even when its token still carries a claim, and a volunteer whose access ended
 * (suspended, deactivated, erased) is refused whichever way they were found.
 *
 * @param volunteerId the volunteer, or null when NOT_LINKED
 */
public record CallerResolution(State state, UUID volunteerId) {

    public enum State {
        /** Acts as {@link #volunteerId}. */
        LINKED,
        /** No volunteer yet: may redeem an invitation code or register, nothing else. */
        NOT_LINKED,
        /** The volunteer's access ended; every request is refused. */
        BLOCKED
    }

    /** What the projection holds for one identity. */
    public record Link(boolean recorded, UUID volunteerId) {
        public static final Link NONE = new Link(false, null);

        public static Link to(UUID volunteerId) {
            return new Link(true, volunteerId);
        }

        public static final Link UNLINKED = new Link(true, null);
    }

    public static final CallerResolution NOT_LINKED = new CallerResolution(State.NOT_LINKED, null);

    /**
     * The volunteer to look up the access of: the projection's link when it has a row for the identity (null
     * when that row says unlinked), else the claim.
     */
    public static Optional<UUID> candidate(Link link, UUID claimed) {
        return Optional.ofNullable(link.recorded() ? link.volunteerId() : claimed);
    }

    /** @param access the candidate's access in the projection, empty when it has none (allowed) */
    public static CallerResolution of(Optional<UUID> candidate, Optional<String> access) {
        if (candidate.isEmpty()) {
            return NOT_LINKED;
        }
        boolean blocked = access.filter(state -> !"ALLOWED".equals(state)).isPresent();
        return new CallerResolution(blocked ? State.BLOCKED : State.LINKED, candidate.get());
    }

    public boolean linked() {
        return state == State.LINKED;
    }
}
