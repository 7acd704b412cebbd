package org.linkage.activity.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.activity.BeneficiaryFixtures;
import org.linkage.testing.InfrastructureTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.linkage.activity.ApiAssertions.assertProblem;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class MicroWishResourceTest implements AsAdmin {

    @Inject
    EntityManager entityManager;

    @Test
    void oneVolunteerClaimsFulfilsAndTheSocialWorkerConfirms() {
        String community = "c-" + UUID.randomUUID();
        String wish = post(community, "Reading glasses");
        UUID claimer = UUID.randomUUID();
        action(wish, "claim", "{\"volunteerId\": \"%s\"}".formatted(claimer)).then().statusCode(200)
                .body("status", equalTo("CLAIMED")).body("claimedBy", equalTo(claimer.toString()));
        assertProblem(action(wish, "claim", "{\"volunteerId\": \"%s\"}".formatted(UUID.randomUUID())).then(), 409);
        given().get("/api/v1/micro-wishes/" + wish).then().body("claimedBy", equalTo(claimer.toString()));

        assertProblem(action(wish, "confirmation", "{\"confirmedBy\": \"" + ADMIN + "\"}").then(), 409);
        assertProblem(action(wish, "fulfilment", """
                {"volunteerId": "%s", "note": "done"}""".formatted(UUID.randomUUID())).then(), 422, "volunteerId",
                "did not claim this wish");
        assertProblem(action(wish, "fulfilment", """
                {"volunteerId": "%s", "note": "done", "photoUrl": "javascript:alert(1)"}""".formatted(claimer))
                .then(), 400, "photoUrl", "https");
        action(wish, "fulfilment", """
                {"volunteerId": "%s", "note": "Glasses delivered", "photoUrl": "https://photos.example.org/1.jpg"}"""
                .formatted(claimer)).then().statusCode(200)
                .body("status", equalTo("FULFILLED")).body("photoUrl", equalTo("https://photos.example.org/1.jpg"));
        action(wish, "confirmation", "{\"confirmedBy\": \"" + ADMIN + "\"}").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("confirmedBy", equalTo(ADMIN));
        assertProblem(action(wish, "confirmation", "{\"confirmedBy\": \"" + ADMIN + "\"}").then(), 409);
    }

    @Test
    void theListShowsTheOldestUnclaimedFirstWithTheirAge() {
        String community = "c-" + UUID.randomUUID();
        String old = post(community, "Old wish");
        String recent = post(community, "Recent wish");
        String claimed = post(community, "Claimed wish");
        QuarkusTransaction.requiringNew().run(() -> {
            age(old, 10);
            age(claimed, 20);
        });
        action(claimed, "claim", "{\"volunteerId\": \"%s\"}".formatted(UUID.randomUUID())).then().statusCode(200);

        given().get("/api/v1/micro-wishes?community=" + community).then().statusCode(200)
                .body("items.id", contains(old, recent, claimed))
                .body("items.daysOpen", contains(10, 0, 20))
                .body("totalItems", equalTo(3));
        given().get("/api/v1/micro-wishes?community=%s&status=OPEN".formatted(community)).then()
                .body("items.id", contains(old, recent));
        assertProblem(given().get("/api/v1/micro-wishes?status=LOST").then(), 400, "status", "one of");
    }

    @Test
    void aWishWithoutTitleIsRefusedAndNotStored() {
        String community = "c-" + UUID.randomUUID();
        assertProblem(given().contentType(ContentType.JSON).body("""
                {"title": " ", "community": "%s", "postedBy": "admin-tests"}""".formatted(community))
                .post("/api/v1/micro-wishes").then(), 400, "title", "blank");
        assertProblem(given().contentType(ContentType.JSON).body("""
                {"title": "x", "community": "%s", "postedBy": "admin-tests", "beneficiaryId": "%s"}"""
                .formatted(community, UUID.randomUUID()))
                .post("/api/v1/micro-wishes").then(), 422, "beneficiaryId", "does not exist");
        given().get("/api/v1/micro-wishes?community=" + community).then().body("totalItems", equalTo(0));
        assertProblem(action(UUID.randomUUID().toString(), "claim", "{\"volunteerId\": \"%s\"}"
                .formatted(UUID.randomUUID())).then(), 404);
    }

    @Test
    void aWishForAChildUnder14NeedsTheGuardiansConsentToMicroWishes() {
        String marker = BeneficiaryFixtures.marker();
        String worker = "sw-" + marker;
        String child = BeneficiaryFixtures.register(BeneficiaryFixtures.childRequest(marker, worker, true));
        String wish = """
                {"title": "一套绘本 %s", "community": "%s", "postedBy": "admin-tests", "beneficiaryId": "%s"}"""
                .formatted(marker, BeneficiaryFixtures.COMMUNITY, child);
        BeneficiaryFixtures.consent(child, worker, "GUARDIAN", "tutoring");
        assertProblem(given().contentType(ContentType.JSON).body(wish).post("/api/v1/micro-wishes").then(), 422,
                "beneficiaryId", "consent to micro-wish");
        given().get("/api/v1/micro-wishes?community=%s&size=100".formatted(BeneficiaryFixtures.COMMUNITY)).then()
                .body("items.title", not(hasItem("一套绘本 " + marker)));

        BeneficiaryFixtures.consent(child, worker, "GUARDIAN", "micro-wish");
        given().contentType(ContentType.JSON).body(wish).post("/api/v1/micro-wishes").then().statusCode(201)
                .body("beneficiaryId", equalTo(child));
    }

    private void age(String wishId, int days) {
        entityManager.createNativeQuery("UPDATE micro_wish SET created_at = created_at - make_interval(days => ?1) "
                        + "WHERE id = ?2")
                .setParameter(1, days).setParameter(2, UUID.fromString(wishId)).executeUpdate();
    }

    static String post(String community, String title) {
        return given().contentType(ContentType.JSON).body("""
                        {"title": "%s", "description": "any frame", "community": "%s", "postedBy": "admin-tests"}"""
                        .formatted(title, community))
                .post("/api/v1/micro-wishes").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("daysOpen", equalTo(0)).extract().path("id");
    }

    static Response action(String wishId, String action, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/micro-wishes/" + wishId + "/" + action);
    }
}
