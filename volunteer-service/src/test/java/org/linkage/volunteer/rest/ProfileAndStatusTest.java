package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerDeactivated;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ProfileAndStatusTest extends SignedInAsStaff {

    private static final String PROFILE = """
            {"birthYear": 1968, "gender": "FEMALE", "homeCommunity": "新华路社区", "languages": ["zh", "yue"],
             "bio": "退休教师", "photoUrl": "https://files.linkage.example/photos/42.jpg"}""";

    private static void status(String id, String body, int expected) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/volunteers/" + id + "/status")
                .then().statusCode(expected);
    }

    @Test
    void theProfileChangesOnlyInTheFieldsSentAndHonoursIfMatch() {
        String id = TestVolunteers.register();
        String etag = given().get("/api/v1/volunteers/" + id).then().extract().header("ETag");
        String newEtag = given().contentType(ContentType.JSON).header("If-Match", etag).body(PROFILE)
                .put("/api/v1/volunteers/" + id + "/profile")
                .then().statusCode(200)
                .body("birthYear", equalTo(1968))
                .body("gender", equalTo("FEMALE"))
                .body("homeCommunity", equalTo("新华路社区"))
                .body("languages", contains("yue", "zh"))
                .body("photoUrl", equalTo("https://files.linkage.example/photos/42.jpg"))
                .body("name", equalTo("李明"))
                .extract().header("ETag");

        given().contentType(ContentType.JSON).header("If-Match", etag).body("{\"bio\": \"会修电器\"}")
                .put("/api/v1/volunteers/" + id + "/profile")
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"bio\": \"会修电器\"}")
                .put("/api/v1/volunteers/" + id + "/profile")
                .then().statusCode(200).body("bio", equalTo("会修电器")).body("birthYear", equalTo(1968));
        assertFalse(newEtag.equals(etag));
        given().contentType(ContentType.JSON).body("{\"name\": \"李明华\"}")
                .put("/api/v1/volunteers/" + id + "/profile").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"onDuty\": false}")
                .put("/api/v1/volunteers/" + id + "/duty").then().statusCode(200);
        // Community and languages concern matching; the bio and the name do not (events carry no name).
        List<EventEnvelope> changed = TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE, 2);
        assertEquals(2, changed.size());
        VolunteerChanged profile = changed.get(0).payloadAs(VolunteerChanged.class);
        assertEquals("新华路社区", profile.community());
        assertEquals(List.of("yue", "zh"), profile.languages());
        assertEquals(Map.of("elder-care", 1, "first-aid", 1), profile.skillLevels());
        VolunteerChanged offDuty = changed.get(1).payloadAs(VolunteerChanged.class);
        assertFalse(offDuty.onDuty(), "the next event is the duty change: the rename published none");
        assertEquals("新华路社区", offDuty.community());
    }

    @Test
    void badProfileFieldsAreNamedAndNothingChanges() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id + "/profile";
        given().contentType(ContentType.JSON).body("{\"birthYear\": 2999, \"bio\": \"x\"}").put(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("birthYear"));
        given().contentType(ContentType.JSON).body("{\"birthYear\": " + (Year.now().getValue() + 1) + "}")
                .put(url).then().statusCode(400).body("violations.field", contains("birthYear"));
        given().contentType(ContentType.JSON).body("{\"photoUrl\": \"ftp://x\", \"bio\": \"x\"}").put(url)
                .then().statusCode(400).body("violations.field", contains("photoUrl"));
        given().contentType(ContentType.JSON).body("{\"languages\": [\"Chinese!\"]}").put(url)
                .then().statusCode(400).body("violations.field", contains("languages[0]"));
        given().contentType(ContentType.JSON).body("{\"gender\": \"ROBOT\"}").put(url)
                .then().statusCode(400).body("violations.field", contains("gender"));
        given().contentType(ContentType.JSON).body("{\"name\": \"   \"}").put(url)
                .then().statusCode(400).body("violations.field", contains("name"));
        given().get("/api/v1/volunteers/" + id).then()
                .body("bio", nullValue()).body("birthYear", nullValue()).body("name", equalTo("李明"));
        given().contentType(ContentType.JSON).body(PROFILE).put("/api/v1/volunteers/" + UUID.randomUUID() + "/profile")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void suspendingAndReactivatingPublishTheActiveFlag() {
        String id = TestVolunteers.register();
        given().contentType(ContentType.JSON).body("{\"status\": \"SUSPENDED\", \"reason\": \"投诉核查中\"}")
                .post("/api/v1/volunteers/" + id + "/status")
                .then().statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("投诉核查中"));
        List<EventEnvelope> changed = TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE);
        assertFalse(changed.get(0).payloadAs(VolunteerChanged.class).active());

        status(id, "{\"status\": \"ACTIVE\"}", 200);
        given().get("/api/v1/volunteers/" + id).then().body("status", equalTo("ACTIVE"));
        List<EventEnvelope> afterReactivation = TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE, 2);
        assertEquals(2, afterReactivation.size());
        assertTrue(afterReactivation.get(1).payloadAs(VolunteerChanged.class).active());
    }

    @Test
    void deactivationIsFinalAndPublishesVolunteerDeactivated() {
        String id = TestVolunteers.register();
        status(id, "{\"status\": \"DEACTIVATED\", \"reason\": \"搬离本区\"}", 200);
        List<EventEnvelope> deactivated = TestVolunteers.awaitEvents(id, VolunteerDeactivated.TYPE);
        assertEquals(1, deactivated.size());
        assertEquals("搬离本区", deactivated.get(0).payloadAs(VolunteerDeactivated.class).reason());
        assertFalse(TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE).get(0)
                .payloadAs(VolunteerChanged.class).active());

        given().contentType(ContentType.JSON).body("{\"status\": \"ACTIVE\"}")
                .post("/api/v1/volunteers/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", contains("status"));
        given().get("/api/v1/volunteers/" + id).then().body("status", equalTo("DEACTIVATED"));
    }

    @Test
    void badStatusChangesAreRefusedAndChangeNothing() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id + "/status";
        given().contentType(ContentType.JSON).body("{\"status\": \"SUSPENDED\"}").post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("reason"));
        given().contentType(ContentType.JSON).body("{\"status\": \"ASLEEP\"}").post(url)
                .then().statusCode(400).body("violations.field", contains("status"));
        given().contentType(ContentType.JSON).body("{}").post(url)
                .then().statusCode(400).body("violations.field", contains("status"));
        given().contentType(ContentType.JSON).body("{\"status\": \"PENDING\"}").post(url)
                .then().statusCode(409).body("violations.field", contains("status"));
        given().get("/api/v1/volunteers/" + id).then().body("status", equalTo("ACTIVE"));
        status(id, "{\"status\": \"SUSPENDED\", \"reason\": \"休假\"}", 200);
        // The refused changes published nothing: the only event is the valid suspension's.
        List<EventEnvelope> changed = TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE);
        assertEquals(1, changed.size());
        assertFalse(changed.get(0).payloadAs(VolunteerChanged.class).active());
    }

    @Test
    void theListFiltersByCommunityStatusAndNameAndSortsByName() {
        String community = "测试社区-" + UUID.randomUUID();
        String first = TestVolunteers.register();
        String second = TestVolunteers.register();
        String third = TestVolunteers.register();
        for (String[] volunteer : new String[][]{{first, "Zhao Yi"}, {second, "Qian Er"}, {third, "Sun San"}}) {
            given().contentType(ContentType.JSON)
                    .body("{\"name\": \"%s\", \"homeCommunity\": \"%s\"}".formatted(volunteer[1], community))
                    .put("/api/v1/volunteers/" + volunteer[0] + "/profile").then().statusCode(200);
        }
        status(third, "{\"status\": \"SUSPENDED\", \"reason\": \"休假\"}", 200);

        given().queryParam("community", community).queryParam("sort", "name").get("/api/v1/volunteers")
                .then().statusCode(200).body("totalItems", equalTo(3))
                .body("items.name", contains("Qian Er", "Sun San", "Zhao Yi"));
        given().queryParam("community", community).queryParam("sort", "-name").get("/api/v1/volunteers")
                .then().body("items.name", contains("Zhao Yi", "Sun San", "Qian Er"));
        given().queryParam("community", community).queryParam("status", "ACTIVE").get("/api/v1/volunteers")
                .then().body("items.id", contains(first, second));
        given().queryParam("community", community).queryParam("q", "qian").get("/api/v1/volunteers")
                .then().body("items.id", contains(second));
        given().queryParam("community", community).queryParam("skill", "elder-care").get("/api/v1/volunteers")
                .then().body("totalItems", equalTo(3)).body("items.homeCommunity", everyItem(equalTo(community)));
        given().queryParam("community", community).queryParam("skill", "haircut").get("/api/v1/volunteers")
                .then().body("totalItems", equalTo(0));

        given().queryParam("sort", "phone").get("/api/v1/volunteers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("sort"));
        given().queryParam("status", "ASLEEP").get("/api/v1/volunteers")
                .then().statusCode(400).body("violations.field", contains("status"));
    }
}
