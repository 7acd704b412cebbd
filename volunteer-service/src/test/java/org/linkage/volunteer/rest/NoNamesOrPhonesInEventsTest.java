package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventJson;
import org.linkage.events.Topics;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #16, point 5: the volunteer topic carries no name and no phone number, through a volunteer's whole life. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class NoNamesOrPhonesInEventsTest extends SignedInAsStaff {

    @Test
    void neitherTheNameNorThePhoneAppearsInAnyVolunteerEvent() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Zhou Marker" + marker;
        String renamed = "Wu Marker" + marker;
        String phone = VolunteerResourceTest.randomPhone();
        String url = "/api/v1/volunteers/";
        String id = given().contentType(ContentType.JSON)
                .body(VolunteerResourceTest.registration(phone).replace("李明", name))
                .post(url).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"name\": \"%s\", \"homeCommunity\": \"shuangjing\"}"
                .formatted(renamed)).put(url + id + "/profile").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"onDuty\": false}").put(url + id + "/duty")
                .then().statusCode(200);
        As.token(ADMIN).post(url + id + "/erasure").then().statusCode(200);

        assertEquals(1, TestVolunteers.awaitEvents(id, VolunteerRegistered.TYPE).size());
        assertTrue(TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE, 3).size() >= 3);
        assertEquals(1, TestVolunteers.awaitEvents(id, VolunteerErased.TYPE).size());

        List<String> personal = List.of(name, renamed, "Marker" + marker, phone, phone.substring(3));
        List<String> leaks = new ArrayList<>();
        int read = 0;
        for (String topic : List.of(Topics.VOLUNTEER_EVENTS, Topics.deadLetter("volunteer-service"))) {
            for (ConsumerRecord<String, String> record : TopicProbe.readAll(topic)) {
                if (id.equals(record.key())) {
                    read++;
                    personal.stream().filter(record.value()::contains)
                            .forEach(found -> leaks.add(topic + " carries " + found + ": " + record.value()));
                    record.headers().forEach(header -> personal.stream()
                            .filter(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8)::contains)
                            .forEach(found -> leaks.add(topic + " header " + header.key() + " carries " + found)));
                }
            }
        }
        assertTrue(read >= 5, "the volunteer's events were read: " + read);
        assertEquals(List.of(), leaks);
        TopicProbe.readAll(Topics.VOLUNTEER_EVENTS).stream().filter(record -> id.equals(record.key()))
                .map(record -> EventJson.read(record.value()))
                .filter(event -> event.eventType().equals(VolunteerRegistered.TYPE)
                        || event.eventType().equals(VolunteerChanged.TYPE))
                .forEach(event -> assertEquals(2, event.schemaVersion(), event.eventType()));
    }
}
