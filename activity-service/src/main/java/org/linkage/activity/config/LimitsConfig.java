package org.linkage.activity.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Limits on abuse (docs/activities.md, "Limits"); every count is kept in the database, shared by the replicas. */
@ConfigMapping(prefix = "linkage.limits")
public interface LimitsConfig {

    /** Wrong check-in or check-out codes of one volunteer at one activity: then locked until the window moves on. */
    Window codeFailuresPerVolunteer();

    /** Wrong codes at one activity, whoever sent them: a few guessers together are locked out too. */
    Window codeFailuresPerActivity();

    /** Sign-ups of one volunteer. */
    Window signUpsPerVolunteer();

    /** Hazard reports in one reporter's name. */
    Window hazardReportsPerReporter();

    /** Emergencies one caller raises: each goes to many responders at once. */
    Window emergenciesPerRaiser();

    /** Micro-wishes a volunteer may hold claimed and not yet fulfilled. */
    int outstandingWishClaims();

    interface Window {

        /** Uses allowed... */
        int max();

        /** ...within this sliding window. */
        Duration per();
    }
}
