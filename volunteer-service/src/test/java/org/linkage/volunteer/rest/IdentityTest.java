package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.identity.IdentityLinked;
import org.linkage.events.identity.IdentityUnlinked;
import org.linkage.events.identity.InvitationIssued;
import org.linkage.events.identity.VolunteerAccessChanged;
import org.linkage.testing.As;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;
import org.linkage.testing.TopicProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #19: logins linked to volunteers (by invitation code, by registering, by staff), resolved by the chassis in
 * every request; invitations' code rules; staff scopes; access that ends at the next request.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class IdentityTest extends SignedInAsStaff {

    private static final String NOT_LINKED = "https://linkage.dev/problems/identity-not-linked";
    private static final String REDEEM = "/api/v1/invitations/redemptions";

    @Inject
    DataSource dataSource;

    /** A staff-registered volunteer: id, phone. */
    private record Invited(String id, String phone) {
    }

    private static Invited registerByStaff() {
        String phone = VolunteerResourceTest.randomPhone();
        String id = given().contentType(ContentType.JSON).body(VolunteerResourceTest.registration(phone))
                .post("/api/v1/volunteers").then().statusCode(201).extract().path("id");
        return new Invited(id, phone);
    }

    /** The newest code sent to the volunteer, read where only notification-service reads it. */
    private static String codeOf(String volunteerId, int atLeast) {
        List<EventEnvelope> sent = Eventually.latest(atLeast + " invitations of " + volunteerId,
                () -> TopicProbe.find(Topics.INVITATION_EVENTS, InvitationIssued.TYPE,
                        e -> e.aggregateId().equals(volunteerId)),
                found -> found.size() >= atLeast, Duration.ofSeconds(20));
        assertTrue(sent.size() >= atLeast, "invitations of " + volunteerId + ": " + sent.size());
        TopicProbe.readAll(Topics.INVITATION_EVENTS).stream().filter(r -> volunteerId.equals(r.key()))
                .forEach(r -> assertEquals(Set.of(), EventSchemas.violations(r.value()), r.value()));
        return sent.get(sent.size() - 1).payloadAs(InvitationIssued.class).code();
    }

    private static String login() {
        return Tokens.login("kc-" + UUID.randomUUID());
    }

    private static io.restassured.response.ValidatableResponse redeem(String token, String phone, String code) {
        return As.token(token).contentType(ContentType.JSON)
                .body("{\"phone\": \"%s\", \"code\": \"%s\"}".formatted(phone, code)).post(REDEEM).then();
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void aStaffRegisteredVolunteerLinksTheirLoginWithTheSmsCodeAndFromThenOnActsAsThemselves() {
        Invited invited = registerByStaff();
        String code = codeOf(invited.id, 1);
        String token = login();

        As.token(token).get("/api/v1/volunteers/me").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(NOT_LINKED))
                .body("detail", containsString("请输入邀请码或注册"));

        redeem(token, "+86" + invited.phone, code).statusCode(200).body("id", equalTo(invited.id))
                .body("phone", equalTo(invited.phone));

        As.token(token).get("/api/v1/volunteers/me").then().statusCode(200)
                .body("id", equalTo(invited.id));
        given().get("/api/v1/volunteers/" + invited.id + "/identities").then().statusCode(200)
                .body("", hasSize(1)).body("[0].via", equalTo("INVITATION"))
                .body("[0].issuer", equalTo(Tokens.DEV_ISSUER)).body("[0].subject", equalTo(subjectOf(token)));
        given().get("/api/v1/volunteers/" + invited.id + "/invitation").then().statusCode(200)
                .body("status", equalTo("REDEEMED")).body("phone", equalTo(invited.phone.substring(0, 3) + "****"
                        + invited.phone.substring(7))).body("$", not(org.hamcrest.Matchers.hasKey("code")));
        List<EventEnvelope> linked = TopicProbe.await(Topics.IDENTITY_EVENTS, IdentityLinked.TYPE,
                e -> e.aggregateId().equals(invited.id), Duration.ofSeconds(10));
        assertEquals(subjectOf(token), linked.get(0).payloadAs(IdentityLinked.class).subject());
        As.token(ADMIN).queryParam("resourceType", "Volunteer").queryParam("resourceId", invited.id)
                .get("/api/v1/audit-entries").then().statusCode(200).body("items.action", hasItem("LINK"));

        // Single use: the same code again, from another login, finds the invitation used.
        redeem(login(), invited.phone, code).statusCode(410).contentType("application/problem+json")
                .body("detail", containsString("redeemed"));
    }

    @Test
    void aVolunteerImportedFromASpreadsheetIsInvitedAndLinksTheirLoginTheSameWay() {
        String phone = VolunteerResourceTest.randomPhone();
        String id = given().contentType("text/csv").body("name,phone,skills\r\n周敏," + phone + ",elder-care\r\n")
                .post("/api/v1/volunteers/imports").then().statusCode(200).body("accepted.row", hasItem(2))
                .extract().path("accepted[0].volunteerId");
        String token = login();

        redeem(token, phone, codeOf(id, 1)).statusCode(200).body("id", equalTo(id));

        As.token(token).get("/api/v1/volunteers/me").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void theCodeIsStoredOnlyAsAKeyedHash() throws SQLException {
        Invited invited = registerByStaff();
        String code = codeOf(invited.id, 1);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT code_hash, phone FROM invitation WHERE volunteer_id = ?")) {
            select.setObject(1, UUID.fromString(invited.id));
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertEquals(64, row.getString(1).length());
                assertFalse(row.getString(1).contains(code));
                assertEquals(invited.phone, row.getString(2));
            }
        }
    }

    @Test
    void wrongCodesSayHowManyTriesAreLeftThenTheInvitationLocksUntilStaffSendANewOne() {
        Invited invited = registerByStaff();
        String code = codeOf(invited.id, 1);
        String token = login();
        for (int left = 4; left >= 1; left--) {
            redeem(token, invited.phone, wrong(code)).statusCode(422).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("code"))
                    .body("violations[0].message", containsString("还剩 " + left + " 次尝试"));
        }
        redeem(token, invited.phone, wrong(code)).statusCode(423).body("detail", containsString("邀请已锁定"));
        redeem(token, invited.phone, code).statusCode(423);
        given().get("/api/v1/volunteers/me").then().statusCode(403);
        As.token(token).get("/api/v1/volunteers/me").then().statusCode(403)
                .body("type", equalTo(NOT_LINKED));

        given().post("/api/v1/volunteers/" + invited.id + "/invitation").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("attemptsLeft", equalTo(5));
        String newCode = codeOf(invited.id, 2);
        if (!newCode.equals(code)) {
            redeem(token, invited.phone, code).statusCode(422);
        }
        redeem(token, invited.phone, newCode).statusCode(200).body("id", equalTo(invited.id));
    }

    @Test
    void anExpiredCodeIsGoneAndSaysSo() throws SQLException {
        Invited invited = registerByStaff();
        String code = codeOf(invited.id, 1);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE volunteer_id = ?")) {
            update.setObject(1, UUID.fromString(invited.id));
            assertEquals(1, update.executeUpdate());
        }
        redeem(login(), invited.phone, code).statusCode(410).contentType("application/problem+json")
                .body("type", containsString("invitation-expired")).body("detail", containsString("过期"));
        given().get("/api/v1/volunteers/" + invited.id + "/invitation").then().body("expired", equalTo(true));
    }

    @Test
    void aRevokedInvitationCannotBeUsed() {
        Invited invited = registerByStaff();
        String code = codeOf(invited.id, 1);
        given().delete("/api/v1/volunteers/" + invited.id + "/invitation").then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        redeem(login(), invited.phone, code).statusCode(410).body("detail", containsString("revoked"));
        given().delete("/api/v1/volunteers/" + invited.id + "/invitation").then().statusCode(404);
        As.token(ADMIN).queryParam("resourceType", "Invitation")
                .get("/api/v1/audit-entries").then().statusCode(200).body("items.action", hasItem("DELETE"));
    }

    @Test
    void aLoginLinkedToSomeoneIsRefusedWith409AndNothingIsHalfLinked() {
        Invited first = registerByStaff();
        Invited second = registerByStaff();
        String token = login();
        redeem(token, first.phone, codeOf(first.id, 1)).statusCode(200);

        redeem(token, second.phone, codeOf(second.id, 1)).statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/volunteers/" + second.id + "/invitation").then()
                .body("status", equalTo("PENDING")).body("attemptsLeft", equalTo(5));
        given().get("/api/v1/volunteers/" + second.id + "/identities").then().body("", hasSize(0));

        given().contentType(ContentType.JSON).body("{\"issuer\": \"%s\", \"subject\": \"%s\"}"
                        .formatted(Tokens.DEV_ISSUER, subjectOf(token)))
                .post("/api/v1/volunteers/" + second.id + "/identities").then().statusCode(409)
                .body("violations[0].field", equalTo("subject"));
        As.token(token).get("/api/v1/volunteers/me").then().body("id", equalTo(first.id));
    }

    @Test
    void staffUnlinkALoginWhichIsRefusedAtItsNextRequestAndRelinkIt() {
        Invited invited = registerByStaff();
        String token = login();
        redeem(token, invited.phone, codeOf(invited.id, 1)).statusCode(200);
        String link = given().get("/api/v1/volunteers/" + invited.id + "/identities").then().extract()
                .path("[0].id");

        given().delete("/api/v1/volunteers/" + invited.id + "/identities/" + link).then().statusCode(204);
        As.token(token).get("/api/v1/volunteers/" + invited.id).then().statusCode(403)
                .body("type", equalTo(NOT_LINKED));
        assertEquals(1, TopicProbe.await(Topics.IDENTITY_EVENTS, IdentityUnlinked.TYPE,
                e -> e.aggregateId().equals(invited.id), Duration.ofSeconds(10)).size());

        given().contentType(ContentType.JSON).body("{\"issuer\": \"%s\", \"subject\": \"%s\"}"
                        .formatted(Tokens.DEV_ISSUER, subjectOf(token)))
                .post("/api/v1/volunteers/" + invited.id + "/identities").then().statusCode(201)
                .body("via", equalTo("STAFF")).body("linkedBy", equalTo(STAFF_ID));
        As.token(token).get("/api/v1/volunteers/me").then().statusCode(200)
                .body("id", equalTo(invited.id));
        As.token(ADMIN).queryParam("resourceType", "Volunteer").queryParam("resourceId", invited.id)
                .get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.action", hasItems("LINK", "UNLINK", "LINK"))
                .body("items.actor", hasItem(STAFF_ID));
    }

    @Test
    void aSocialWorkerOfAnotherCommunityCanNeitherSeeNorTouchTheIdentitiesOrInvitations() {
        Invited invited = registerByStaff();
        String other = Tokens.socialWorker("sw-wang", "shuangjing");
        String base = "/api/v1/volunteers/" + invited.id;
        As.token(other).get(base + "/identities").then().statusCode(403);
        As.token(other).get(base + "/invitation").then().statusCode(403);
        As.token(other).post(base + "/invitation").then().statusCode(403);
        As.token(other).delete(base + "/invitation").then().statusCode(403);
        As.token(other).contentType(ContentType.JSON)
                .body("{\"issuer\": \"%s\", \"subject\": \"x\"}".formatted(Tokens.DEV_ISSUER))
                .post(base + "/identities").then().statusCode(403);
        As.token(other).delete(base + "/identities/" + UUID.randomUUID()).then().statusCode(403);
        As.token(ADMIN).get(base + "/invitation").then().statusCode(200);
        given().get(base).then().body("homeCommunity", equalTo("xinhua-road"));
        As.volunteer(UUID.fromString(invited.id)).post(base + "/invitation").then()
                .statusCode(403);
    }

    @Test
    void aNumberThatIsNotAMobileNumberIs400NamingTheField() {
        redeem(login(), "0512-6688", "123456").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("phone"));
        redeem(login(), "13812345678", "12ab56").statusCode(400).body("violations.field", hasItem("code"));
        redeem(login(), "13000000001", "123456").statusCode(422).body("violations[0].field", equalTo("phone"));
    }

    @Test
    void aPersonWithoutALinkWhoRegistersBecomesANewVolunteerWithTheirLoginLinked() {
        String token = login();
        String key = UUID.randomUUID().toString();
        String body = VolunteerResourceTest.registration(VolunteerResourceTest.randomPhone());
        String id = As.token(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/volunteers").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");
        assertNotEquals(subjectOf(token), id);
        As.token(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/volunteers").then().statusCode(201).body("id", equalTo(id));
        As.token(token).get("/api/v1/volunteers/me").then().statusCode(200).body("id", equalTo(id));
        As.token(ADMIN).get("/api/v1/volunteers/" + id + "/identities").then().statusCode(200)
                .body("[0].via", equalTo("SELF_REGISTRATION"));
        assertTrue(TopicProbe.await(Topics.INVITATION_EVENTS, InvitationIssued.TYPE,
                e -> e.aggregateId().equals(id), Duration.ofMillis(500)).isEmpty(), "nobody invites themselves");
    }

    @Test
    void aSuspendedVolunteersTokensStopAtTheNextRequestAndWorkAgainOnceReactivated() {
        Invited invited = registerByStaff();
        String linked = login();
        redeem(linked, invited.phone, codeOf(invited.id, 1)).statusCode(200);
        String provisioned = Tokens.volunteer(UUID.fromString(invited.id));
        As.token(provisioned).get("/api/v1/volunteers/me").then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"status\": \"SUSPENDED\", \"reason\": \"投诉核查中\"}")
                .post("/api/v1/volunteers/" + invited.id + "/status").then().statusCode(200);
        for (String token : List.of(linked, provisioned)) {
            As.token(token).get("/api/v1/volunteers/me").then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://linkage.dev/problems/access-ended"));
            As.token(token).get("/api/v1/skills").then().statusCode(403);
        }
        List<EventEnvelope> access = TopicProbe.await(Topics.IDENTITY_EVENTS, VolunteerAccessChanged.TYPE,
                e -> e.aggregateId().equals(invited.id), Duration.ofSeconds(10));
        assertEquals("SUSPENDED", access.get(0).payloadAs(VolunteerAccessChanged.class).access());

        given().contentType(ContentType.JSON).body("{\"status\": \"ACTIVE\"}")
                .post("/api/v1/volunteers/" + invited.id + "/status").then().statusCode(200);
        As.token(linked).get("/api/v1/volunteers/me").then().statusCode(200);
        As.token(provisioned).get("/api/v1/volunteers/me").then().statusCode(200);
    }
}
