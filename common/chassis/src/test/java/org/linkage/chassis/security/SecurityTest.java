package org.linkage.chassis.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.linkage.events.identity.IdentityLinked;
import org.linkage.events.identity.IdentityUnlinked;
import org.linkage.events.identity.VolunteerAccessChanged;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens, object-level checks, the audit log and rate limits, as every service gets them from the chassis. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class SecurityTest {

    final UUID me = UUID.randomUUID();

    @Test
    void noMissingExpiredForgedOrForeignTokenGetsIn() {
        for (String token : new String[]{null, Tokens.expired(me.toString(), Roles.VOLUNTEER),
                Tokens.forged(me.toString(), Roles.VOLUNTEER), Tokens.fromOtherIssuer(me.toString(), Roles.VOLUNTEER),
                Tokens.forAudience("another-api", me.toString(), Roles.VOLUNTEER),
                Tokens.withoutAudience(me.toString(), Roles.VOLUNTEER), "not-a-jwt"}) {
            var request = given();
            if (token != null) {
                request.auth().oauth2(token);
            }
            request.get("/test/guarded/volunteers/" + me).then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                    .body("title", equalTo("未登录或凭证无效"));
        }
    }

    @Test
    void onlyTokensForTheSuitesAudienceGetIn() {
        As.volunteer(me).get("/test/guarded/volunteers/" + me).then().statusCode(200);
        As.token(Tokens.forAudience("another-api", me.toString(), Roles.VOLUNTEER))
                .get("/test/guarded/volunteers/" + me).then().statusCode(401)
                .contentType("application/problem+json");
        As.token(Tokens.withoutAudience(me.toString(), Roles.VOLUNTEER))
                .get("/test/guarded/volunteers/" + me).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        // A resource's answer, a refusal, a route nobody serves, and health: each says nosniff.
        As.admin("admin-1").get("/api/v1/audit-entries").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().get("/api/v1/audit-entries").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().get("/q/health/live").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        // Tests run in the test profile: no HSTS outside production (SecurityHeadersTest covers production).
        As.admin("admin-1").get("/api/v1/audit-entries").then()
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void aVolunteerReadsThemselvesButNobodyElse() {
        As.volunteer(me).get("/test/guarded/volunteers/" + me)
                .then().statusCode(200).body("caller", equalTo(me.toString()));
        As.volunteer(me).get("/test/guarded/volunteers/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
        As.integrator("hospital-1", Scopes.NEEDS_WRITE)
                .get("/test/guarded/volunteers/" + me)
                .then().statusCode(403).contentType("application/problem+json").body("title", equalTo("无权操作"))
                .header("Content-Language", "zh-CN");
        As.integrator("hospital-1", Scopes.NEEDS_WRITE).header("Accept-Language", "en")
                .get("/test/guarded/volunteers/" + me)
                .then().statusCode(403).body("title", equalTo("Forbidden")).header("Content-Language", "en");
        given().header("Accept-Language", "en-GB").get("/test/no-such-path").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Not found"))
                .header("Content-Language", "en");
        given().get("/test/no-such-path").then().statusCode(404).body("title", equalTo("未找到"));
    }

    @Inject
    IdentityProjection projection;

    private static void apply(Runnable change) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(change);
    }

    @Test
    void theProjectionOverrulesTheClaimEndsAccessAndIsNotUndoneByAnOlderFact() {
        UUID volunteer = UUID.randomUUID();
        String token = Tokens.volunteer(volunteer);
        String subject = Tokens.subjectOf(volunteer);
        String url = "/test/guarded/volunteers/" + volunteer;
        As.token(token).get(url).then().statusCode(200);

        apply(() -> projection.apply(VolunteerAccessChanged.of(volunteer, "SUSPENDED", 10)));
        As.token(token).get(url).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://linkage.dev/problems/access-ended"));
        apply(() -> projection.apply(VolunteerAccessChanged.of(volunteer, "SUSPENDED", 9)));
        apply(() -> projection.apply(VolunteerAccessChanged.of(volunteer, "ALLOWED", 11)));
        As.token(token).get(url).then().statusCode(200);

        apply(() -> projection.apply(IdentityUnlinked.of(volunteer, Tokens.DEV_ISSUER, subject, 12)));
        As.token(token).get(url).then().statusCode(403)
                .body("type", equalTo("https://linkage.dev/problems/identity-not-linked"));
        apply(() -> projection.apply(IdentityLinked.of(volunteer, Tokens.DEV_ISSUER, subject, 5)));
        As.token(token).get(url).then().statusCode(403);

        UUID other = UUID.randomUUID();
        apply(() -> projection.apply(IdentityLinked.of(other, Tokens.DEV_ISSUER, subject, 13)));
        As.token(token).get("/test/guarded/volunteers/" + other).then().statusCode(200)
                .body("caller", equalTo(other.toString()));
        As.token(token).get(url).then().statusCode(403);
    }

    /**
     * A volunteer's request reads no database while this replica listens for identity changes (a rider's position
     * ping, a thousand a second); a change another replica makes ends the access here at its NOTIFY.
     */
    @Test
    void aCachedLoginSkipsTheDatabaseAndAnotherReplicasChangeEndsItsAccessHere() throws SQLException {
        UUID volunteer = UUID.randomUUID();
        String token = Tokens.volunteer(volunteer);
        String url = "/test/guarded/volunteers/" + volunteer;
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            As.token(token).get(url).then().statusCode(200);
            return projection.cached(Tokens.DEV_ISSUER, Tokens.subjectOf(volunteer), volunteer).isPresent();
        });
        try (var connection = database(); var statement = connection.createStatement()) {
            // Written behind the projection's back, without the NOTIFY: the cached resolution still answers.
            statement.executeUpdate("INSERT INTO linkage_volunteer_access (volunteer_id, access, sequence) VALUES ('"
                    + volunteer + "', 'SUSPENDED', 1)");
            As.token(token).get(url).then().statusCode(200);
            // What another replica's projection sends as its change commits.
            statement.execute("SELECT pg_notify('" + IdentityProjection.CHANNEL + "', '')");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> As.token(token).get(url).then().statusCode(403)
                .body("type", equalTo("https://linkage.dev/problems/access-ended")));
    }

    /**
     * A change's NOTIFY names the volunteer or the identity it concerns, and each replica forgets those logins alone:
     * a thousand riders' cached logins stay cached when someone else registers or is suspended.
     */
    @Test
    void aChangeAnnouncedForOneVolunteerOrIdentityLeavesEveryOtherLoginCached() throws SQLException {
        UUID volunteer = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String subject = Tokens.subjectOf(volunteer);
        String url = "/test/guarded/volunteers/" + volunteer;
        // The volunteer's entry last, so that it is well within its refresh age (5 s here) when checked below.
        for (UUID each : List.of(other, volunteer)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                As.token(Tokens.volunteer(each)).get("/test/guarded/volunteers/" + each).then().statusCode(200);
                return projection.cached(Tokens.DEV_ISSUER, Tokens.subjectOf(each), each).isPresent();
            });
        }
        try (var connection = database(); var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO linkage_volunteer_access (volunteer_id, access, sequence) VALUES ('"
                    + volunteer + "', 'SUSPENDED', 1)");
            statement.execute("SELECT pg_notify('" + IdentityProjection.CHANNEL + "', '"
                    + IdentityProjection.volunteerChanged(other) + "')");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> projection.cached(Tokens.DEV_ISSUER, Tokens.subjectOf(other), other).isEmpty());
            assertTrue(projection.cached(Tokens.DEV_ISSUER, subject, volunteer).isPresent(), "another's change");
            As.token(Tokens.volunteer(volunteer)).get(url).then().statusCode(200);

            statement.execute("SELECT pg_notify('" + IdentityProjection.CHANNEL + "', '"
                    + IdentityProjection.identityChanged(Tokens.DEV_ISSUER, subject) + "')");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> As.token(Tokens.volunteer(volunteer)).get(url)
                .then().statusCode(403).body("type", equalTo("https://linkage.dev/problems/access-ended")));
    }

    /**
     * A login still in use past the refresh age (5 s here) is answered from the cache and read again in the
     * background, long before the entry's guard age (a minute): a change written behind the projection's back, with
     * no NOTIFY, ends the access then, and the entry stays cached.
     */
    @Test
    void aLoginInUseIsReadAgainInTheBackgroundBeforeItsEntryExpires() throws SQLException {
        UUID volunteer = UUID.randomUUID();
        String token = Tokens.volunteer(volunteer);
        String subject = Tokens.subjectOf(volunteer);
        String url = "/test/guarded/volunteers/" + volunteer;
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            As.token(token).get(url).then().statusCode(200);
            return projection.cached(Tokens.DEV_ISSUER, subject, volunteer).isPresent();
        });
        long cachedAt = System.nanoTime();
        try (var connection = database(); var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO linkage_volunteer_access (volunteer_id, access, sequence) VALUES ('"
                    + volunteer + "', 'SUSPENDED', 1)");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                As.token(token).get(url).then().statusCode(403)
                        .body("type", equalTo("https://linkage.dev/problems/access-ended")));
        assertTrue(Duration.ofNanos(System.nanoTime() - cachedAt).compareTo(Duration.ofSeconds(45)) < 0,
                "read again well before the entry's guard age");
        assertEquals(CallerResolution.State.BLOCKED,
                projection.cached(Tokens.DEV_ISSUER, subject, volunteer).orElseThrow().state());
    }

    private static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void aSocialWorkerStaysInTheirCommunity() {
        As.socialWorker("sw-liu", "xinhua-road")
                .get("/test/guarded/communities/xinhua-road").then().statusCode(200);
        As.socialWorker("sw-liu", "xinhua-road")
                .get("/test/guarded/communities/east-lake").then().statusCode(403)
                .contentType("application/problem+json");
        As.admin("admin-1").get("/test/guarded/communities/east-lake")
                .then().statusCode(200);
    }

    @Test
    void readsOfSensitiveRecordsAreAuditedAndOnlyAdminsReadTheLog() {
        As.socialWorker("sw-audit", "xinhua-road").get("/test/guarded/volunteers/" + me)
                .then().statusCode(200);
        As.admin("admin-1").queryParam("resourceId", me.toString())
                .get("/api/v1/audit-entries").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].actor", equalTo("sw-audit"))
                .body("items[0].actorRole", equalTo("social-worker"))
                .body("items[0].action", equalTo("READ"))
                .body("items[0].resourceType", equalTo("Volunteer"));
        As.socialWorker("sw-audit", "xinhua-road").get("/api/v1/audit-entries")
                .then().statusCode(403);
    }

    @Test
    void theAuditLogCannotBeRewritten() throws SQLException {
        As.admin("admin-2").get("/test/guarded/volunteers/" + me).then().statusCode(200);
        try (var connection = database(); var statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE linkage_audit_log SET actor = 'x'"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM linkage_audit_log"));
        }
    }

    @Test
    void aPublicOperationIsRateLimited() {
        for (int i = 0; i < 3; i++) {
            given().get("/test/guarded/public").then().statusCode(200);
        }
        given().get("/test/guarded/public").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }
}
