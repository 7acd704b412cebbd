package org.linkage.activity.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One day's opening time of a station. */
@Embeddable
public class OpeningHours {

    @Enumerated(EnumType.STRING)
    public DayOfWeek day;

    public LocalTime opens;

    public LocalTime closes;

    protected OpeningHours() {
    }

    public OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
        this.day = day;
        this.opens = opens;
        this.closes = closes;
    }
}
