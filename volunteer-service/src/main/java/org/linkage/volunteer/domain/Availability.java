package org.linkage.volunteer.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged.Kind;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** When a volunteer can serve: a weekly pattern, the days that differ from it, and an optional weekly cap. */
@Entity
@Table(name = "availability")
public class Availability {

    @Id
    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "availability_slot", joinColumns = @JoinColumn(name = "volunteer_id"))
    @OrderColumn(name = "position")
    public List<Slot> weeklySlots = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "availability_exception", joinColumns = @JoinColumn(name = "volunteer_id"))
    @OrderColumn(name = "position")
    public List<DatedException> exceptions = new ArrayList<>();

    @Column(name = "weekly_hours_cap")
    public Integer weeklyHoursCap;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embeddable
    public static class Slot {

        @Enumerated(EnumType.STRING)
        @Column(name = "day_of_week")
        public DayOfWeek dayOfWeek;

        @Column(name = "starts_at")
        public LocalTime start;

        @Column(name = "ends_at")
        public LocalTime end;

        public Slot() {
        }

        public Slot(DayOfWeek dayOfWeek, LocalTime start, LocalTime end) {
            this.dayOfWeek = dayOfWeek;
            this.start = start;
            this.end = end;
        }
    }

    /** A day away from, or extra to, the weekly pattern; without times it is the whole day. */
    @Embeddable
    public static class DatedException {

        @Column(name = "on_date")
        public LocalDate date;

        @Enumerated(EnumType.STRING)
        public Kind kind;

        @Column(name = "starts_at")
        public LocalTime start;

        @Column(name = "ends_at")
        public LocalTime end;

        public DatedException() {
        }

        public DatedException(LocalDate date, Kind kind, LocalTime start, LocalTime end) {
            this.date = date;
            this.kind = kind;
            this.start = start;
            this.end = end;
        }
    }
}
