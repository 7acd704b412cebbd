package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.config.ActivitiesConfig;
import org.linkage.activity.domain.StationCode;
import org.linkage.activity.repository.StationCodeRepository;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.time.DatabaseClock;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The rotating codes shown at a station, for an activity or a pairing's session held there: only someone standing
 * at the station can read the current one, so nobody checks in from home.
 */
@ApplicationScoped
public class StationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StationCodeRepository codes;
    private final ActivitiesConfig config;
    private final Limits limits;

    StationCodes(StationCodeRepository codes, ActivitiesConfig config, Limits limits) {
        this.codes = codes;
        this.config = config;
        this.limits = limits;
    }

    /**
     * The code to display now (in the caller's transaction). A code is shown for the first half of its validity and
     * then replaced, so that a volunteer who just read it always has time to use it.
     */
    public StationCode current(UUID occasionId) {
        Instant now = DatabaseClock.now();
        return codes.newestValid(occasionId, now.plus(config.codeValidity().dividedBy(2))).orElseGet(() -> {
            StationCode code = new StationCode();
            code.key = new StationCode.Key(occasionId, "%06d".formatted(RANDOM.nextInt(1_000_000)));
            code.issuedAt = now;
            code.expiresAt = now.plus(config.codeValidity());
            codes.persist(code);
            return code;
        });
    }

    /**
     * The code must be one shown at the station and still valid. Each attempt is counted first, so that a million
     * codes cannot be tried: while the volunteer or the occasion is locked even the right code is refused (429).
     *
     * @throws ProblemException 422 naming code when it is wrong or expired
     */
    public void requireValid(UUID occasionId, UUID volunteerId, String code) {
        List<Long> attempt = limits.codeAttempt(occasionId, volunteerId);
        if (!codes.isValid(occasionId, code.strip(), Instant.now())) {
            throw ProblemException.unprocessable("code", "is wrong or has expired: read the code shown at the station");
        }
        limits.codeWasRight(attempt);
    }
}
