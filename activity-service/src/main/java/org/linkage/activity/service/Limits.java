package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.config.LimitsConfig;
import org.linkage.chassis.ratelimit.LimitLedger;
import org.linkage.chassis.ratelimit.LimitLedger.Use;
import org.linkage.chassis.security.CurrentUser;

import java.util.List;
import java.util.UUID;

/** The activity-service's limits on abuse, counted in the database by the chassis' {@link LimitLedger}. */
@ApplicationScoped
public class Limits {

    private final LimitLedger ledger;
    private final LimitsConfig config;
    private final CurrentUser user;

    Limits(LimitLedger ledger, LimitsConfig config, CurrentUser user) {
        this.user = user;
        this.ledger = ledger;
        this.config = config;
    }

    /**
     * Reserves one code attempt, committed at once so that it counts even though a wrong code rolls the request back;
     * a right code gives it back ({@link #codeWasRight}). Refused (429) while the volunteer or the occasion (an
     * activity or a pairing's session) is locked, whether or not the code would be right.
     */
    public List<Long> codeAttempt(UUID occasionId, UUID volunteerId) {
        return ledger.takeApart(
                use("wrong check-in codes of a volunteer at an activity or session", occasionId + "/" + volunteerId,
                        config.codeFailuresPerVolunteer()),
                use("wrong check-in codes at an activity or session", occasionId.toString(),
                        config.codeFailuresPerActivity()));
    }

    public void codeWasRight(List<Long> attempt) {
        ledger.giveBack(attempt);
    }

    public void signUp(UUID volunteerId) {
        ledger.take(use("sign-ups of a volunteer", volunteerId.toString(), config.signUpsPerVolunteer()));
    }

    public void hazardReport(UUID reporter) {
        ledger.take(use("hazard reports of a reporter", reporter.toString(), config.hazardReportsPerReporter()));
    }

    /** Per caller (their id: a volunteer's volunteer id, staff's subject), whoever the request names as requestedBy. */
    public void emergency() {
        ledger.take(use("emergencies of a raiser", user.id(), config.emergenciesPerRaiser()));
    }

    /** Serialises a volunteer's claims so that two at once cannot both pass the count of outstanding claims. */
    public int lockWishClaims(UUID volunteerId) {
        ledger.lock("outstanding wish claims", volunteerId.toString());
        return config.outstandingWishClaims();
    }

    private static Use use(String budget, String subject, LimitsConfig.Window window) {
        return new Use(budget, subject, window.max(), window.per());
    }
}
