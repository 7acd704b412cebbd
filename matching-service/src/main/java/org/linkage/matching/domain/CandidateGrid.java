package org.linkage.matching.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The located volunteers in memory, in cells of 0.01° (about a kilometre), each cell holding per skill the
 * volunteers who have it, and per skill and certification type those who also hold that certification (in date
 * or not: dates are checked on the few read). A search visits the cells ring by ring around the need and reads
 * only the volunteers with the required skill (and, for a need requiring a certificate, the certificate), so that
 * a rare requirement does not mean reading everyone with a common skill.
 *
 * <p>Searches read without locking: a cell's list for a skill is an array replaced whole on every change.
 * Changes are serialised.
 */
public final class CandidateGrid {

    static final double CELL_DEGREES = 0.01;
    private static final VolunteerProfile[] NONE = new VolunteerProfile[0];
    private static final char KEY_SEPARATOR = '\u0000';

    private final Map<UUID, VolunteerProfile> byId = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, VolunteerProfile[]>> cells = new ConcurrentHashMap<>();

    /** Adds or replaces the volunteer; one who cannot be offered anything (inactive, not located) is removed. */
    public synchronized void put(VolunteerProfile volunteer) {
        remove(volunteer.volunteerId());
        if (!volunteer.active() || volunteer.home() == null) {
            return;
        }
        byId.put(volunteer.volunteerId(), volunteer);
        Map<String, VolunteerProfile[]> cell = cells.computeIfAbsent(
                cellOf(row(volunteer.home().latitude()), column(volunteer.home().longitude())),
                key -> new ConcurrentHashMap<>());
        for (String key : keysOf(volunteer)) {
            VolunteerProfile[] before = cell.getOrDefault(key, NONE);
            VolunteerProfile[] after = Arrays.copyOf(before, before.length + 1);
            after[before.length] = volunteer;
            cell.put(key, after);
        }
    }

    public synchronized void remove(UUID volunteerId) {
        VolunteerProfile before = byId.remove(volunteerId);
        if (before == null) {
            return;
        }
        Map<String, VolunteerProfile[]> cell = cells.get(
                cellOf(row(before.home().latitude()), column(before.home().longitude())));
        for (String key : keysOf(before)) {
            VolunteerProfile[] after = Arrays.stream(cell.getOrDefault(key, NONE))
                    .filter(v -> !v.volunteerId().equals(volunteerId)).toArray(VolunteerProfile[]::new);
            if (after.length == 0) {
                cell.remove(key);
            } else {
                cell.put(key, after);
            }
        }
    }

    public synchronized void replaceAll(Collection<VolunteerProfile> volunteers) {
        byId.clear();
        cells.clear();
        volunteers.forEach(this::put);
    }

    public Optional<VolunteerProfile> get(UUID volunteerId) {
        return Optional.ofNullable(byId.get(volunteerId));
    }

    public int size() {
        return byId.size();
    }

    /**
     * The volunteers in the cell who could meet the need's skill and certificate requirements: those holding the
     * skill and its first required certification type, or the skill alone when none is required.
     */
    VolunteerProfile[] couldFit(int row, int column, Requirements need) {
        return withKey(row, column, need.certifications().isEmpty() ? need.skill()
                : need.skill() + KEY_SEPARATOR + need.certifications().get(0));
    }

    private VolunteerProfile[] withKey(int row, int column, String key) {
        Map<String, VolunteerProfile[]> cell = cells.get(cellOf(row, column));
        return cell == null ? NONE : cell.getOrDefault(key, NONE);
    }

    /** The lists a volunteer is in: one per skill, one per skill and certification type held. */
    private static List<String> keysOf(VolunteerProfile volunteer) {
        List<String> keys = new ArrayList<>();
        for (String skill : volunteer.skillLevels().keySet()) {
            keys.add(skill);
            for (String certification : volunteer.certifications().keySet()) {
                keys.add(skill + KEY_SEPARATOR + certification);
            }
        }
        return keys;
    }

    static int row(double latitude) {
        return (int) Math.floor(latitude / CELL_DEGREES);
    }

    static int column(double longitude) {
        return (int) Math.floor(longitude / CELL_DEGREES);
    }

    private static long cellOf(int row, int column) {
        return ((long) row << 32) | (column & 0xffffffffL);
    }
}
