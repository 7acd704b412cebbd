package org.linkage.matching.domain;

import org.linkage.events.GeoPoint;

import java.time.Duration;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The latest live position of each on-duty responder who consented, in memory only: never a history, never
 * written anywhere. A position counts for {@link Rules#ttl()} from the moment the phone fixed it, and is
 * forgotten at once when its responder leaves the roster (off duty, consent withdrawn, inactive, erased).
 *
 * <p>The roster (who may be tracked, with their qualifications) is kept by the candidate index from the
 * volunteer events. Each rostered responder has one mutable slot, made when they join the roster: an accepted
 * ping overwrites its fields under the slot's lock and allocates nothing. Slots holding a fix are also filed in a
 * grid of cells of {@link #CELL_DEGREES}, so that {@link #within} reads only the cells in reach, not everyone
 * tracked.
 */
public final class LivePositions {

    /** About 1.1 km north–south: an emergency's 500 m reads 3 × 3 cells. */
    static final double CELL_DEGREES = 0.01;

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

    /** One fix as answered or shared; times in epoch milliseconds. */
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

    /**
     * A rostered responder and their fix, if any. Fields are read and written under the slot's lock; {@code
     * responder} alone is volatile, replaced when their qualifications change.
     */
    private static final class Slot {
        final UUID volunteerId;
        volatile VolunteerProfile responder;
        boolean dropped;
        boolean held;
        /** Taken from this replica's own pings (not from another replica): the one to share. */
        boolean pingedHere;
        double latitude;
        double longitude;
        int accuracyMetres;
        long recordedAt;
        long receivedAt;
        long cell;

        Slot(VolunteerProfile responder) {
            this.volunteerId = responder.volunteerId();
            this.responder = responder;
        }

        Fix fix() {
            return new Fix(latitude, longitude, accuracyMetres, recordedAt, receivedAt);
        }
    }

    private final Rules rules;
    private final long ttlMillis;
    private final Map<UUID, Slot> roster = new ConcurrentHashMap<>();
    private final Map<Long, Set<Slot>> cells = new ConcurrentHashMap<>();
    private final AtomicInteger tracked = new AtomicInteger();

    public LivePositions(Rules rules) {
        this.rules = rules;
        this.ttlMillis = rules.ttl().toMillis();
    }

    public Rules rules() {
        return rules;
    }

    /** Checks the ping against the rules in the order a phone can fix them, and keeps it if all hold. */
    public Outcome ping(UUID volunteerId, GeoPoint position, int accuracyMetres, long recordedAt, long now) {
        Slot slot = roster.get(volunteerId);
        if (slot == null) {
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
        synchronized (slot) {
            if (slot.dropped) {
                return Outcome.NOT_ON_ROSTER; // off the roster meanwhile (the event was taken in between)
            }
            if (slot.held && recordedAt <= slot.recordedAt) {
                return Outcome.NOT_NEWER;
            }
            if (slot.held && now - slot.receivedAt < rules.minInterval().toMillis()) {
                return Outcome.THROTTLED;
            }
            place(slot, position.latitude(), position.longitude(), accuracyMetres, recordedAt, now);
            slot.pingedHere = true;
            return Outcome.ACCEPTED;
        }
    }

    /**
     * A fix another replica took (and checked): kept if its responder is on this replica's roster and it is newer
     * than the one held. Neither throttled nor shared again.
     */
    public boolean share(UUID volunteerId, Fix fix, long now) {
        Slot slot = roster.get(volunteerId);
        if (slot == null || now - fix.recordedAt() > ttlMillis) {
            return false;
        }
        synchronized (slot) {
            if (slot.dropped || slot.held && fix.recordedAt() <= slot.recordedAt) {
                return false;
            }
            place(slot, fix.latitude(), fix.longitude(), fix.accuracyMetres(), fix.recordedAt(), fix.receivedAt());
            slot.pingedHere = false;
            return true;
        }
    }

    /** The fixes pinged to this replica and received after {@code since}: what to tell the other replicas. */
    public void pingedHereSince(long since, BiConsumer<UUID, Fix> into) {
        for (Slot slot : roster.values()) {
            Fix fix = null;
            synchronized (slot) {
                if (slot.held && slot.pingedHere && slot.receivedAt > since) {
                    fix = slot.fix();
                }
            }
            if (fix != null) {
                into.accept(slot.volunteerId, fix);
            }
        }
    }

    /** When the volunteer's next ping will be taken (epoch milliseconds). */
    public long nextPingAfter(UUID volunteerId) {
        Slot slot = roster.get(volunteerId);
        if (slot == null) {
            return 0;
        }
        synchronized (slot) {
            return slot.held ? slot.receivedAt + rules.minInterval().toMillis() : 0;
        }
    }

    /** The fix held for the volunteer, while it counts. */
    public Optional<Fix> current(UUID volunteerId, long now) {
        Slot slot = roster.get(volunteerId);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return slot.held && counts(slot, now) ? Optional.of(slot.fix()) : Optional.empty();
        }
    }

    public boolean forget(UUID volunteerId) {
        Slot slot = roster.get(volunteerId);
        if (slot == null) {
            return false;
        }
        synchronized (slot) {
            return unplace(slot);
        }
    }

    /** Who may be tracked from now on; someone already tracked keeps their position with the new qualifications. */
    public void enrol(VolunteerProfile responder) {
        Slot slot = roster.computeIfAbsent(responder.volunteerId(), id -> new Slot(responder));
        slot.responder = responder;
    }

    /** Off the roster, and their position forgotten at once; false if they were not on it. */
    public boolean drop(UUID volunteerId) {
        Slot slot = roster.remove(volunteerId);
        if (slot == null) {
            return false;
        }
        synchronized (slot) {
            slot.dropped = true;
            unplace(slot);
        }
        return true;
    }

    public void replaceRoster(List<VolunteerProfile> responders) {
        Set<UUID> fresh = ConcurrentHashMap.newKeySet();
        responders.forEach(responder -> {
            fresh.add(responder.volunteerId());
            enrol(responder);
        });
        List.copyOf(roster.keySet()).stream().filter(id -> !fresh.contains(id)).forEach(this::drop);
    }

    /** Forgets every fix past its time to live; what a fix no longer counts for must not be kept either. */
    public int sweep(long now) {
        int forgotten = 0;
        for (Slot slot : roster.values()) {
            synchronized (slot) {
                if (slot.held && !counts(slot, now) && unplace(slot)) {
                    forgotten++;
                }
            }
        }
        return forgotten;
    }

    /**
     * Every rostered responder with a fix that counts within {@code radiusMetres} of {@code origin}, read from
     * the cells in reach only.
     */
    public List<Located> within(GeoPoint origin, int radiusMetres, long now) {
        CandidateSearch.Origin from = new CandidateSearch.Origin(origin);
        List<Located> found = new ArrayList<>();
        double latitudeReach = radiusMetres / CandidateSearch.METRES_PER_DEGREE;
        double widest = Math.min(89.9, Math.abs(origin.latitude()) + latitudeReach);
        double longitudeReach = latitudeReach / Math.cos(Math.toRadians(widest));
        int firstRow = index(origin.latitude() - latitudeReach);
        int lastRow = index(origin.latitude() + latitudeReach);
        int firstColumn = index(origin.longitude() - longitudeReach);
        int lastColumn = index(origin.longitude() + longitudeReach);
        for (int row = firstRow; row <= lastRow; row++) {
            for (int column = firstColumn; column <= lastColumn; column++) {
                Set<Slot> there = cells.get(key(row, column));
                if (there != null) {
                    there.forEach(slot -> collect(slot, from, radiusMetres, now, found));
                }
            }
        }
        return found;
    }

    private void collect(Slot slot, CandidateSearch.Origin from, int radiusMetres, long now, List<Located> found) {
        Fix fix = null;
        synchronized (slot) {
            if (slot.held && counts(slot, now) && from.metresTo(slot.latitude, slot.longitude) <= radiusMetres) {
                fix = slot.fix();
            }
        }
        if (fix != null) {
            found.add(new Located(slot.responder, fix));
        }
    }

    /**
     * {@code excluded} and everyone whose fix counts, as a set only asked whether it contains someone: their home
     * is not where they are. Nothing is copied.
     */
    public Set<UUID> trackedOr(Set<UUID> excluded, long now) {
        return new AbstractSet<>() {
            @Override
            public boolean contains(Object id) {
                return excluded.contains(id) || id instanceof UUID volunteerId && isTracked(volunteerId, now);
            }

            @Override
            public Iterator<UUID> iterator() {
                throw new UnsupportedOperationException("only asked whether it contains someone");
            }

            @Override
            public int size() {
                throw new UnsupportedOperationException("only asked whether it contains someone");
            }
        };
    }

    /** Whoever has a fix that counts. */
    public boolean isTracked(UUID volunteerId, long now) {
        Slot slot = roster.get(volunteerId);
        if (slot == null) {
            return false;
        }
        synchronized (slot) {
            return slot.held && counts(slot, now);
        }
    }

    public boolean isRostered(UUID volunteerId) {
        return roster.containsKey(volunteerId);
    }

    /** Fixes held, including those past their time to live that the next sweep forgets. */
    public int tracked() {
        return tracked.get();
    }

    public int rostered() {
        return roster.size();
    }

    /** Writes the fix into the slot and files the slot under its cell; the caller holds the slot's lock. */
    private void place(Slot slot, double latitude, double longitude, int accuracyMetres, long recordedAt,
                       long receivedAt) {
        long cell = key(index(latitude), index(longitude));
        if (!slot.held) {
            tracked.incrementAndGet();
            cells.computeIfAbsent(cell, k -> ConcurrentHashMap.newKeySet()).add(slot);
        } else if (cell != slot.cell) {
            leave(slot);
            cells.computeIfAbsent(cell, k -> ConcurrentHashMap.newKeySet()).add(slot);
        }
        slot.held = true;
        slot.cell = cell;
        slot.latitude = latitude;
        slot.longitude = longitude;
        slot.accuracyMetres = accuracyMetres;
        slot.recordedAt = recordedAt;
        slot.receivedAt = receivedAt;
    }

    /** Clears the slot's fix; the caller holds its lock. */
    private boolean unplace(Slot slot) {
        if (!slot.held) {
            return false;
        }
        leave(slot);
        slot.held = false;
        slot.pingedHere = false;
        slot.latitude = 0;
        slot.longitude = 0;
        tracked.decrementAndGet();
        return true;
    }

    private void leave(Slot slot) {
        Set<Slot> there = cells.get(slot.cell);
        if (there != null) {
            there.remove(slot);
            // An empty cell stays: cells are few (the district), and removing one would race with a newcomer.
        }
    }

    private boolean counts(Slot slot, long now) {
        return now - slot.recordedAt <= ttlMillis;
    }

    private static int index(double degrees) {
        return (int) Math.floor(degrees / CELL_DEGREES);
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | (column & 0xFFFFFFFFL);
    }
}
