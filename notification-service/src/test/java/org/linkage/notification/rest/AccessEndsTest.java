package org.linkage.notification.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.events.identity.IdentityLinked;
import org.linkage.events.identity.IdentityUnlinked;
import org.linkage.events.identity.VolunteerAccessChanged;
import org.linkage.notification.Inbox;
import org.linkage.notification.StreamClient;
import org.linkage.testing.As;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue #19, item 6, in a service other than volunteer-service: once volunteer-service's identity events reach this
 * service's projection, a suspended volunteer's token and an unlinked login are refused at the next request, and
 * their live stream ends saying why.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class AccessEndsTest {

    /** Volunteer-service numbers its identity facts from a database sequence; the tests count from now on. */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    private static int inboxStatus(String token) {
        return As.token(token).get("/api/v1/notifications").then().extract().statusCode();
    }

    private static void awaitStatus(String token, int status) {
        Eventually.value("the inbox answer", () -> inboxStatus(token), found -> found == status,
                Duration.ofSeconds(20));
    }

    @Test
    void aSuspendedVolunteersTokenIsRefusedOnceTheEventArrivedAndWorksAgainAfterReactivation() {
        UUID volunteer = UUID.randomUUID();
        String token = Tokens.volunteer(volunteer);
        assertEquals(200, inboxStatus(token));

        Inbox.publish(VolunteerAccessChanged.of(volunteer, "SUSPENDED", SEQUENCE.incrementAndGet()));

        awaitStatus(token, 403);
        As.token(token).get("/api/v1/notifications/unread-count").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://linkage.dev/problems/access-ended"));

        Inbox.publish(VolunteerAccessChanged.of(volunteer, VolunteerAccessChanged.ALLOWED,
                SEQUENCE.incrementAndGet()));
        awaitStatus(token, 200);
    }

    @Test
    void aLinkedLoginIsKnownHereAndOnceUnlinkedItsStreamEndsAndItsNextRequestIsRefused() throws Exception {
        UUID volunteer = UUID.randomUUID();
        String subject = "kc-" + UUID.randomUUID();
        String token = Tokens.login(subject);
        As.token(token).get("/api/v1/notifications").then().statusCode(403)
                .body("type", equalTo("https://linkage.dev/problems/identity-not-linked"));

        Inbox.publish(IdentityLinked.of(volunteer, Tokens.DEV_ISSUER, subject, SEQUENCE.incrementAndGet()));
        awaitStatus(token, 200);
        As.token(token).get("/api/v1/notifications/unread-count").then().statusCode(200)
                .body("recipient", equalTo(volunteer.toString()));

        try (StreamClient client = StreamClient.openWith(stream, token, null)) {
            client.replayed();
            long unlinkedAt = SEQUENCE.incrementAndGet();
            Inbox.publish(IdentityUnlinked.of(volunteer, Tokens.DEV_ISSUER, subject, unlinkedAt));

            StreamClient.Received end = client.nextEvent();
            assertEquals("end", end.name());
            assertEquals("{\"reason\":\"access-ended\"}", end.data());
        }
        As.token(token).get("/api/v1/notifications").then().statusCode(403)
                .body("type", equalTo("https://linkage.dev/problems/identity-not-linked"));
    }
}
