package org.linkage.matching.domain;

import org.linkage.events.GeoPoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest live position of each on-duty responder who consented, in memory only: never a history, never
 * written anywhere. A position counts for {@link Rules#ttl()} from the moment the phone fixed it, and is
 * forgotten at once when its responder leaves the roster (off duty, consent withdrawn, inactive, erased).
 *
 * <p>The roster (who may be tracked, with their qualifications) is kept by the candidate index from the
 * volunteer events; a ping only reads and replaces one map entry.
 */
public final class LivePositions {

    /**
     * @param ttl                how long a fix counts after the phone took it
     * @param maxAge             a ping whose fix is older than this on arrival is stale
     * @param maxClockSkew       how far in the future a fix may claim to be (phones' clocks drift)
     * @param minInterval        a responder's pings closer together than this are throttled
     * @param maxAccuracyMetres  a fix less accurate than this is refused
     * @param district           where positions are taken (a box in WGS-84 degrees)
     */
    public record Rules(Duration ttl, Duration maxAge, Duration maxClockSkew, Duration minInterval,
                       int maxAccuracyMetres, Box district) {
    }

    public record Box(double minLatitude, double minLongitude, double maxLatitude, double maxLongitude) {
        public boolean contains(GeoPoint point) {
            return point.latitude() >= minLatitude && point.latitude() <= maxLatitude
                    && point.longitude() >= minLongitude && point.longitude() <= maxLongitude;
        }
    }

    /** One fix as held: 40 bytes of primitives and a header; times in epoch milliseconds. */
    public record Fix(double latitude, double longitude, int accuracyMetres, long recordedAt, long receivedAt) {
        public GeoPoint position() {
            return new GeoPoint(latitude, longitude);
        }
    }

    /** What became of a ping. Only {@link #ACCEPTED} changed anything. */
    public enum Outcome {
        ACCEPTED,
        /** The same or an older fix than the one held (a retry, or pings overtaking each other): nothing changes. */
        NOT_NEWER,
        NOT_ON_ROSTER,
        OUTSIDE_DISTRICT,
        NOT_ACCURATE_ENOUGH,
        IN_THE_FUTURE,
        STALE,
        THROTTLED
    }

    /** A responder where they are now, fresh enough. */
    public record Located(VolunteerProfile responder, Fix fix) {
    }

    private final Rules rules;
    private final Map<UUID, VolunteerProfile> roster = new ConcurrentHashMap<>();
    private final Map<UUID, Fix> fixes = new ConcurrentHashMap<>();

    public LivePositions(Rules rules) {
        this.rules = rules;
    }

    public Rules rules() {
        return rules;
    }

    /** Checks the ping against the rules in the order a phone can fix them, and keeps it if all hold. */
    public Outcome ping(UUID volunteerId, GeoPoint position, int accuracyMetres, long recordedAt, long now) {
        if (!roster.containsKey(volunteerId)) {
            return Outcome.NOT_ON_ROSTER;
        }
        if (!rules.district().contains(position)) {
            return Outcome.OUTSIDE_DISTRICT;
        }
        if (accuracyMetres > rules.maxAccuracyMetres()) {
            return Outcome.NOT_ACCURATE_ENOUGH;
        }
        if (recordedAt > now + rules.maxClockSkew().toMillis()) {
            return Outcome.IN_THE_FUTURE;
        }
        if (recordedAt < now - rules.maxAge().toMillis()) {
            return Outcome.STALE;
        }
        Outcome[] outcome = new Outcome[1];
        Fix offered = new Fix(position.latitude(), position.longitude(), accuracyMetres, recordedAt, now);
        fixes.compute(volunteerId, (id, held) -> {
            if (held != null && recordedAt <= held.recordedAt()) {
                outcome[0] = Outcome.NOT_NEWER;
                return held;
            }
            if (held != null && now - held.receivedAt() < rules.minInterval().toMillis()) {
                outcome[0] = Outcome.THROTTLED;
                return held;
            }
            outcome[0] = Outcome.ACCEPTED;
            return offered;
        });
        // Off the roster meanwhile (the event was taken in between): what was just put must not stay.
        if (outcome[0] == Outcome.ACCEPTED && !roster.containsKey(volunteerId)) {
            fixes.remove(volunteerId);
            return Outcome.NOT_ON_ROSTER;
        }
        return outcome[0];
    }

    /** When the volunteer's next ping will be taken (epoch milliseconds). */
    public long nextPingAfter(UUID volunteerId) {
        Fix held = fixes.get(volunteerId);
        return held == null ? 0 : held.receivedAt() + rules.minInterval().toMillis();
    }

    /** The fix held for the volunteer, while it counts. */
    public Optional<Fix> current(UUID volunteerId, long now) {
        Fix held = fixes.get(volunteerId);
        return held != null && counts(held, now) ? Optional.of(held) : Optional.empty();
    }

    public boolean forget(UUID volunteerId) {
        return fixes.remove(volunteerId) != null;
    }

    /** Who may be tracked from now on; someone already tracked keeps their position with the new qualifications. */
    public void enrol(VolunteerProfile responder) {
        roster.put(responder.volunteerId(), responder);
    }

    /** Off the roster, and their position forgotten at once. */
    public void drop(UUID volunteerId) {
        roster.remove(volunteerId);
        fixes.remove(volunteerId);
    }

    public void replaceRoster(List<VolunteerProfile> responders) {
        Map<UUID, VolunteerProfile> fresh = new ConcurrentHashMap<>();
        responders.forEach(responder -> fresh.put(responder.volunteerId(), responder));
        roster.keySet().removeIf(id -> !fresh.containsKey(id));
        roster.putAll(fresh);
        fixes.keySet().removeIf(id -> !roster.containsKey(id));
    }

    /** Forgets every fix past its time to live; what a fix no longer counts for must not be kept either. */
    public int sweep(long now) {
        int before = fixes.size();
        fixes.values().removeIf(fix -> !counts(fix, now));
        return before - fixes.size();
    }

    /**
     * Every rostered responder with a fix that counts within {@code radiusMetres} of {@code origin}: a linear
     * scan of the tracked, which are the on-duty responders (thousands, not the million volunteers).
     */
    public List<Located> within(GeoPoint origin, int radiusMetres, long now) {
        CandidateSearch.Origin from = new CandidateSearch.Origin(origin);
        List<Located> found = new ArrayList<>();
        fixes.forEach((id, fix) -> {
            if (counts(fix, now) && from.metresTo(fix.latitude(), fix.longitude()) <= radiusMetres) {
                VolunteerProfile responder = roster.get(id);
                if (responder != null) {
                    found.add(new Located(responder, fix));
                }
            }
        });
        return found;
    }

    /** Adds to {@code into} everyone whose fix counts. */
    public void trackedIds(long now, Set<UUID> into) {
        fixes.forEach((id, fix) -> {
            if (counts(fix, now)) {
                into.add(id);
            }
        });
    }

    /** Whoever has a fix that counts: their home is not where they are. */
    public boolean isTracked(UUID volunteerId, long now) {
        return current(volunteerId, now).isPresent();
    }

    public boolean isRostered(UUID volunteerId) {
        return roster.containsKey(volunteerId);
    }

    public int tracked() {
        return fixes.size();
    }

    public int rostered() {
        return roster.size();
    }

    private boolean counts(Fix fix, long now) {
        return now - fix.recordedAt() <= rules.ttl().toMillis();
    }
}
