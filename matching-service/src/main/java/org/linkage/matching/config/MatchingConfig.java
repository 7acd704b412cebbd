package org.linkage.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "linkage.matching")
public interface MatchingConfig {

    /** How far from the need a volunteer's home may be for them to be offered it, unless the need says. */
    @WithName("max-distance")
    @WithDefault("20000")
    int maxDistanceMetres();

    /** How long a volunteer has to answer an offer, by the need's urgency. */
    OfferTtl offerTtl();

    /** How often the timers kept in the database (offer expiry, emergency widening) are checked. */
    @WithDefault("1s")
    Duration timerPollInterval();

    Emergency emergency();

    /** How long before a need's deadline (or, without one, its start) it escalates if it still lacks volunteers. */
    @WithDefault("2h")
    Duration escalateBefore();

    /** At most this many offers per volunteer in 7 days (emergencies aside), so that nobody is pestered. */
    @WithDefault("10")
    int weeklyOfferCap();

    /** How often the candidate index takes in what other replicas changed in the database. */
    @WithDefault("1s")
    Duration indexRefreshInterval();

    Scoring scoring();

    Pairing pairing();

    LivePositions livePositions();

    /** On-duty responders' live positions (latest only, in memory): what a ping must meet, how long it counts. */
    interface LivePositions {
        /** How long a position counts after the phone fixed it; then it is neither used nor kept. */
        @WithDefault("60s")
        Duration ttl();

        /** A ping whose fix is older than this when it arrives is stale and refused. */
        @WithDefault("30s")
        Duration maxAge();

        /** How far ahead of the server's clock a phone's fix time may be. */
        @WithDefault("5s")
        Duration maxClockSkew();

        /** A responder's pings closer together than this are refused (429): the app pings every 10 s. */
        @WithDefault("2s")
        Duration minInterval();

        /** A fix less accurate than this (metres, the phone's own estimate) is refused. */
        @WithName("max-accuracy")
        @WithDefault("100")
        int maxAccuracyMetres();

        /** Where positions are taken, a box in WGS-84 degrees; by default mainland China's. */
        District district();

        /**
         * An emergency also considers, by their registered home, on-duty responders with no live position that
         * counts; the offer's reasons say which position each was measured from. Off: live positions only.
         */
        @WithDefault("true")
        boolean homeFallback();

        /** How often positions past their time to live are forgotten. */
        @WithDefault("5s")
        Duration sweepInterval();

        /**
         * Replicas tell each other the latest fixes pinged to them, coalesced, this often (PostgreSQL NOTIFY, nothing
         * stored); a responder leaving the roster or withdrawing their position is told at once.
         */
        @WithDefault("1s")
        Duration shareInterval();

        /** Off: each replica knows only the positions pinged to it (a single replica needs nothing else). */
        @WithDefault("true")
        boolean share();
    }

    interface District {
        @WithDefault("18.0")
        double minLatitude();

        @WithDefault("73.0")
        double minLongitude();

        @WithDefault("54.0")
        double maxLatitude();

        @WithDefault("135.1")
        double maxLongitude();
    }

    /** The weights of the score's parts; each part is between 0 and 1 before weighting. */
    interface Scoring {
        @WithDefault("0.35")
        double distance();

        /** The distance at which the distance part is one half. */
        @WithName("distance-half-score")
        @WithDefault("2000")
        int distanceHalfScoreMetres();

        @WithDefault("0.15")
        double skillLevel();

        /** Served the same beneficiary before: heavier than all other parts together, so they come first. */
        @WithDefault("1.0")
        double continuity();

        @WithDefault("0.25")
        double fairness();

        @WithDefault("0.25")
        double reliability();
    }

    interface Pairing {
        /** How many beneficiaries of one pairing a volunteer may be paired with. */
        @WithDefault("1")
        int beneficiariesPerVolunteer();
    }

    interface OfferTtl {
        @WithDefault("30m")
        Duration routine();

        @WithDefault("5m")
        Duration urgent();

        @WithDefault("1m")
        Duration emergency();
    }

    interface Emergency {
        /** How many on-duty responders an emergency is offered to at once. */
        @WithDefault("7")
        int responders();

        /** The first search radius, in metres. */
        @WithName("radius")
        @WithDefault("500")
        int radiusMetres();

        /** The radii the search widens through, in metres; those not wider than the current one are skipped. */
        @WithName("radii")
        @WithDefault("500,1000,2000")
        List<Integer> radiiMetres();

        /** How long nobody may have accepted before the search widens to the next radius. */
        @WithDefault("60s")
        Duration widenAfter();
    }
}
