package org.linkage.matching.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The located, active volunteers in memory, in cells of 0.02° (about two kilometres). A list per skill, and per
 * skill and certification type or course, holds cell by cell the volunteers with the skill (and that one) as
 * parallel arrays of primitives: position, skill level, the certifications and courses held as bits, and the hours
 * of the week they may be available (see {@link WeekHours}). A search visits the cells ring by ring around the
 * need, reads the shortest list its requirements allow there (a rare certificate means a short list), and rules out
 * in a tight loop over the arrays whoever lacks a required certificate or course, is off duty for an emergency, is
 * surely unavailable, or out of reach; only the few left are read as objects and checked exactly (dates, and slots
 * and exceptions unless the hours decide alone).
 *
 * <p>Searches read without locking: a cell's holders are replaced whole on every change. Changes are serialised.
 */
public final class CandidateGrid {

    static final double CELL_DEGREES = 0.02;
    static final long ON_DUTY = 1L << 63;
    /** The volunteer's hours of the week decide their availability alone ({@link WeekHours#exact}). */
    static final long HOURS_EXACT = 1L << 62;
    // Certification types and courses beyond the 62 bits left are not filtered in the loop, only checked exactly.
    private static final int QUALIFICATION_BITS = 62;
    private static final long QUALIFICATIONS = (1L << QUALIFICATION_BITS) - 1;

    private final Map<UUID, Entry> byId = new ConcurrentHashMap<>();
    /** By {@link #listKey}. */
    private final Map<Long, CellTable> lists = new ConcurrentHashMap<>();
    private final Map<String, Integer> skills = new ConcurrentHashMap<>();
    private final Map<String, Long> certificationBits = new ConcurrentHashMap<>();
    private final Map<String, Long> courseBits = new ConcurrentHashMap<>();
    private final Map<ZoneId, Integer> zoneIndexes = new ConcurrentHashMap<>();
    private volatile ZoneId[] zones = {};

    /** A volunteer as the grid holds them: the profile and what the loop filters on, worked out once. */
    private record Entry(VolunteerProfile volunteer, long cell, long qualifications, int zone, long[] openHours) {

        /** The lists of each of their skills the volunteer is in: 0 for all, 1 + bit for each qualification held. */
        int[] lists() {
            long held = qualifications & QUALIFICATIONS;
            int[] lists = new int[1 + Long.bitCount(held)];
            for (int i = 1; held != 0; i++, held &= held - 1) {
                lists[i] = 1 + Long.numberOfTrailingZeros(held);
            }
            return lists;
        }
    }

    /** One list of a cell, as parallel arrays that a search reads in a tight loop. */
    static final class Holders {
        final int size;
        final VolunteerProfile[] volunteers;
        final double[] latitudes;
        final double[] longitudes;
        final byte[] levels;
        /** The certification and course bits held, {@link #ON_DUTY} and {@link #HOURS_EXACT}. */
        final long[] qualifications;
        final int[] zones;
        /** The three words of {@link WeekHours}, an array each, so that a window within one word reads only one. */
        final long[] hours0;
        final long[] hours1;
        final long[] hours2;
        private final Entry[] entries;

        private Holders(String skill, Entry[] entries) {
            this.entries = entries;
            size = entries.length;
            volunteers = new VolunteerProfile[size];
            latitudes = new double[size];
            longitudes = new double[size];
            levels = new byte[size];
            qualifications = new long[size];
            zones = new int[size];
            hours0 = new long[size];
            hours1 = new long[size];
            hours2 = new long[size];
            for (int i = 0; i < size; i++) {
                Entry entry = entries[i];
                volunteers[i] = entry.volunteer();
                latitudes[i] = entry.volunteer().home().latitude();
                longitudes[i] = entry.volunteer().home().longitude();
                // The score only distinguishes levels 1 to 5.
                levels[i] = (byte) Math.max(1, Math.min(5, entry.volunteer().skillLevel(skill)));
                qualifications[i] = entry.qualifications();
                zones[i] = entry.zone();
                hours0[i] = entry.openHours()[0];
                hours1[i] = entry.openHours()[1];
                hours2[i] = entry.openHours()[2];
            }
        }
    }

    /**
     * One list (the holders of a skill, or of a skill and a qualification) cell by cell, in an open-addressing
     * table of primitive keys: finding a cell reads no boxed key and no map node, which matters when a search
     * visits hundreds of cells. A cell new to the list means a new table; a known cell's holders are replaced in
     * place.
     */
    static final class CellTable {
        private static final long NO_CELL = cellOf(Integer.MIN_VALUE, Integer.MIN_VALUE);
        static final CellTable EMPTY = new CellTable(1);

        private final long[] keys;
        private final AtomicReferenceArray<Holders> holders;
        private int cells;

        private CellTable(int capacity) {
            keys = new long[capacity];
            Arrays.fill(keys, NO_CELL);
            holders = new AtomicReferenceArray<>(capacity);
        }

        /** The cell's holders in this list, or null. */
        Holders get(long cell) {
            int mask = keys.length - 1;
            for (int slot = slotOf(cell, mask); ; slot = (slot + 1) & mask) {
                long key = keys[slot];
                if (key == cell) {
                    return holders.get(slot);
                }
                if (key == NO_CELL) {
                    return null;
                }
            }
        }

        /** This table with the cell's holders replaced, or a larger copy holding the cell too. */
        private CellTable with(long cell, Holders changed) {
            int mask = keys.length - 1;
            for (int slot = slotOf(cell, mask); keys[slot] != NO_CELL; slot = (slot + 1) & mask) {
                if (keys[slot] == cell) {
                    holders.set(slot, changed);
                    return this;
                }
            }
            // At most half full, so that a search for a cell not there stops soon.
            CellTable copy = new CellTable(Math.max(keys.length, Integer.highestOneBit(4 * (cells + 1))));
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != NO_CELL) {
                    copy.add(keys[slot], holders.get(slot));
                }
            }
            copy.add(cell, changed);
            return copy;
        }

        private void add(long cell, Holders added) {
            int mask = keys.length - 1;
            int slot = slotOf(cell, mask);
            while (keys[slot] != NO_CELL) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = cell;
            holders.set(slot, added);
            cells++;
        }

        private static int slotOf(long cell, int mask) {
            return (int) (cell ^ (cell >>> 32)) & mask;
        }
    }

    /** Adds or replaces the volunteer; one who cannot be offered anything (inactive, not located) is removed. */
    public void put(VolunteerProfile volunteer) {
        putAll(List.of(volunteer), List.of());
    }

    /**
     * Puts many volunteers and removes others, rebuilding each cell's holders once for all its changes: one volunteer
     * at a time rebuilt a cell for each of its volunteers that changed, so taking in a bulk change (an import, 100,000
     * volunteers loaded) cost the changes times the cell's size and held a core for minutes. Into the new places
     * before out of the old ones (the index refreshes volunteers again and again): a search running meanwhile never
     * misses one who is in the grid before and after.
     */
    public synchronized void putAll(Collection<VolunteerProfile> volunteers, Collection<UUID> removed) {
        Map<UUID, VolunteerProfile> latest = new LinkedHashMap<>();
        volunteers.forEach(volunteer -> latest.put(volunteer.volunteerId(), volunteer));
        List<Entry> befores = new ArrayList<>();
        for (UUID volunteerId : removed) {
            Entry before = latest.containsKey(volunteerId) ? null : byId.remove(volunteerId);
            if (before != null) {
                befores.add(before);
            }
        }
        Map<ListCell, Map<UUID, Entry>> arriving = new LinkedHashMap<>();
        for (VolunteerProfile volunteer : latest.values()) {
            UUID volunteerId = volunteer.volunteerId();
            Entry before = searchable(volunteer) ? byId.get(volunteerId) : byId.remove(volunteerId);
            if (before != null) {
                befores.add(before);
            }
            if (searchable(volunteer)) {
                Entry after = entryOf(volunteer);
                byId.put(volunteerId, after);
                forEachPlace(after, place -> arriving.computeIfAbsent(place, key -> new LinkedHashMap<>())
                        .put(volunteerId, after));
            }
        }
        arriving.forEach((place, entries) -> replaceHolders(place, current -> {
            List<Entry> next = new ArrayList<>(current.length + entries.size());
            for (Entry entry : current) {
                // Whoever arrives where they were replaces their old entry there.
                Entry replacing = entries.remove(entry.volunteer().volunteerId());
                next.add(replacing != null ? replacing : entry);
            }
            next.addAll(entries.values());
            return next;
        }));
        // Then out of the places they left; an old entry is told apart by identity (a new one may equal it).
        Map<ListCell, Set<Entry>> leaving = new HashMap<>();
        for (Entry before : befores) {
            forEachPlace(before, place -> leaving.computeIfAbsent(place,
                    key -> Collections.newSetFromMap(new IdentityHashMap<>())).add(before));
        }
        leaving.forEach((place, gone) -> replaceHolders(place, current -> {
            List<Entry> kept = Arrays.stream(current).filter(entry -> !gone.contains(entry)).toList();
            return kept.size() == current.length ? null : kept; // replaced where they were: nothing to remove
        }));
    }

    /** A cell of one list: where an entry is held. */
    private record ListCell(String skill, int list, long cell) {
    }

    private void forEachPlace(Entry entry, Consumer<ListCell> place) {
        for (String skill : entry.volunteer().skillLevels().keySet()) {
            for (int list : entry.lists()) {
                place.accept(new ListCell(skill, list, entry.cell()));
            }
        }
    }

    /** @param change the cell's entries from its current ones; null when they stay as they are */
    private void replaceHolders(ListCell place, Function<Entry[], List<Entry>> change) {
        long key = listKey(skills.get(place.skill()), place.list());
        CellTable table = lists.getOrDefault(key, CellTable.EMPTY);
        Holders holders = table.get(place.cell());
        List<Entry> next = change.apply(holders == null ? new Entry[0] : holders.entries);
        if (next == null || holders == null && next.isEmpty()) {
            return;
        }
        CellTable changed = table.with(place.cell(),
                next.isEmpty() ? null : new Holders(place.skill(), next.toArray(Entry[]::new)));
        if (changed != table) {
            lists.put(key, changed);
        }
    }

    public void remove(UUID volunteerId) {
        putAll(List.of(), List.of(volunteerId));
    }

    /** Replaces everyone at once, building each list once rather than one volunteer at a time. */
    public synchronized void replaceAll(Collection<VolunteerProfile> volunteers) {
        byId.clear();
        lists.clear();
        Map<UUID, VolunteerProfile> latest = new LinkedHashMap<>();
        volunteers.forEach(volunteer -> latest.put(volunteer.volunteerId(), volunteer));
        Map<String, Map<Integer, Map<Long, List<Entry>>>> grouped = new HashMap<>();
        for (VolunteerProfile volunteer : latest.values()) {
            if (!searchable(volunteer)) {
                continue;
            }
            Entry entry = entryOf(volunteer);
            byId.put(volunteer.volunteerId(), entry);
            for (String skill : volunteer.skillLevels().keySet()) {
                Map<Integer, Map<Long, List<Entry>>> ofSkill = grouped.computeIfAbsent(skill, key -> new HashMap<>());
                for (int list : entry.lists()) {
                    ofSkill.computeIfAbsent(list, key -> new HashMap<>())
                            .computeIfAbsent(entry.cell(), key -> new ArrayList<>()).add(entry);
                }
            }
        }
        grouped.forEach((skill, ofSkill) -> ofSkill.forEach((list, byCell) -> {
            CellTable table = new CellTable(Integer.highestOneBit(4 * byCell.size()));
            byCell.forEach((cell, entries) ->
                    table.add(cell, new Holders(skill, entries.toArray(Entry[]::new))));
            lists.put(listKey(skills.get(skill), list), table);
        }));
    }

    public Optional<VolunteerProfile> get(UUID volunteerId) {
        return Optional.ofNullable(byId.get(volunteerId)).map(Entry::volunteer);
    }

    public int size() {
        return byId.size();
    }

    /**
     * The lists that hold everyone with the skill and the required qualifications: one per certification or course
     * bit of {@code required} (their holders of the skill), or the skill's alone when none is required. None when
     * nobody in the grid has the skill and one of them.
     */
    CellTable[] listsFor(String skill, long required) {
        Integer index = skills.get(skill);
        if (index == null) {
            return new CellTable[0];
        }
        long qualifications = required & QUALIFICATIONS;
        if (qualifications == 0) {
            return new CellTable[] {lists.getOrDefault(listKey(index, 0), CellTable.EMPTY)};
        }
        List<CellTable> found = new ArrayList<>();
        for (long bits = qualifications; bits != 0; bits &= bits - 1) {
            CellTable table = lists.get(listKey(index, 1 + Long.numberOfTrailingZeros(bits)));
            if (table == null) {
                return new CellTable[0];
            }
            found.add(table);
        }
        return found.toArray(CellTable[]::new);
    }

    /** The shortest of the lists' holders in the cell, or null when one of them has nobody there. */
    static Holders shortest(CellTable[] lists, int row, int column) {
        long cell = cellOf(row, column);
        Holders shortest = null;
        for (CellTable list : lists) {
            Holders holders = list.get(cell);
            if (holders == null) {
                return null;
            }
            if (shortest == null || holders.size < shortest.size) {
                shortest = holders;
            }
        }
        return shortest;
    }

    /**
     * The bits every candidate for the need must hold: its certification types and courses, on duty if urgent.
     * A qualification nobody in the grid holds yet has no bit, and is left to the exact check.
     */
    long qualificationsRequiredBy(Requirements need) {
        long required = need.emergency() ? ON_DUTY : 0;
        for (String certification : need.certifications()) {
            required |= certificationBits.getOrDefault(certification, 0L);
        }
        for (String course : need.training()) {
            required |= courseBits.getOrDefault(course, 0L);
        }
        return required;
    }

    /** The time zone the grid numbered so. */
    ZoneId zone(int index) {
        return zones[index];
    }

    private static long listKey(int skill, int list) {
        return ((long) skill << 32) | list;
    }

    private static boolean searchable(VolunteerProfile volunteer) {
        return volunteer.active() && volunteer.home() != null;
    }

    private Entry entryOf(VolunteerProfile volunteer) {
        volunteer.skillLevels().keySet().forEach(skill -> skills.computeIfAbsent(skill, key -> skills.size()));
        long qualifications = (volunteer.onDuty() ? ON_DUTY : 0)
                | (WeekHours.exact(volunteer.availability()) ? HOURS_EXACT : 0);
        for (String certification : volunteer.certifications().keySet()) {
            qualifications |= bitOf(certificationBits, certification);
        }
        for (String course : volunteer.training().keySet()) {
            qualifications |= bitOf(courseBits, course);
        }
        return new Entry(volunteer, cellOf(row(volunteer.home().latitude()), column(volunteer.home().longitude())),
                qualifications, zoneIndexOf(volunteer.availability().zone()),
                WeekHours.open(volunteer.availability()));
    }

    private long bitOf(Map<String, Long> bits, String name) {
        Long bit = bits.get(name);
        if (bit == null) {
            int taken = certificationBits.size() + courseBits.size();
            bit = taken < QUALIFICATION_BITS ? 1L << taken : 0L;
            bits.put(name, bit);
        }
        return bit;
    }

    private int zoneIndexOf(ZoneId zone) {
        return zoneIndexes.computeIfAbsent(zone, key -> {
            ZoneId[] widened = Arrays.copyOf(zones, zones.length + 1);
            widened[zones.length] = key;
            zones = widened;
            return zones.length - 1;
        });
    }

    static int row(double latitude) {
        return (int) Math.floor(latitude / CELL_DEGREES);
    }

    static int column(double longitude) {
        return (int) Math.floor(longitude / CELL_DEGREES);
    }

    /**
     * Row and column in one key, multiplied by an odd constant (one to one) so that the key's two halves XORed
     * spread the cells over a table's slots; row ^ column alone is the same for many nearby cells.
     */
    private static long cellOf(int row, int column) {
        return (((long) row << 32) | (column & 0xffffffffL)) * 0x9E3779B97F4A7C15L;
    }
}
