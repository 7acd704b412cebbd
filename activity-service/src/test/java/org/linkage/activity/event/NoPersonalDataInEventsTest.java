package org.linkage.activity.event;

import org.linkage.activity.AsAdmin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.need.NeedCancelled;
import org.linkage.events.need.NeedRaised;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.activity.BeneficiaryFixtures.asSocialWorker;
import static org.linkage.activity.BeneficiaryFixtures.childRequest;
import static org.linkage.activity.BeneficiaryFixtures.consent;
import static org.linkage.activity.BeneficiaryFixtures.elderRequest;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.BeneficiaryFixtures.needFor;
import static org.linkage.activity.BeneficiaryFixtures.register;
import static org.linkage.activity.NeedFixtures.awaitEvents;
import static org.linkage.activity.NeedFixtures.awaitValue;
import static org.linkage.activity.NeedFixtures.newRequester;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class NoPersonalDataInEventsTest implements AsAdmin {

    @Test
    void noBeneficiarysNamePhoneOrExactAddressAppearsOnAnyTopic() {
        String marker = marker();
        String socialWorker = newRequester();
        String elder = register(elderRequest(marker, socialWorker));
        String child = register(childRequest(marker, socialWorker, true));
        consent(child, socialWorker, "GUARDIAN", "tutoring");

        String elderNeed = raise(socialWorker, needFor(elder, "home-visit", socialWorker));
        String childNeed = raise(socialWorker, needFor(child, "tutoring", socialWorker));
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, EventEnvelope.wrap(AssignmentAccepted.of(UUID.randomUUID(),
                UUID.fromString(elderNeed), UUID.randomUUID(), socialWorker), Instant.now(), null));
        awaitValue(() -> given().get("/api/v1/needs/" + elderNeed).then().extract().path("status"),
                "ASSIGNED"::equals);
        given().contentType(ContentType.JSON).body("""
                {"reason": "Moved to a care home"}""")
                .post("/api/v1/needs/" + childNeed + "/cancellation").then().statusCode(200);
        awaitEvents(Topics.NEED_EVENTS, NeedRaised.TYPE, e -> e.aggregateId().equals(elderNeed), 1);
        awaitEvents(Topics.NEED_EVENTS, NeedCancelled.TYPE, e -> e.aggregateId().equals(childNeed), 1);

        List<String> personal = List.of(marker, "31.23456", "121.47123", "31.21987", "121.43654");
        List<String> leaks = new ArrayList<>();
        int read = 0;
        for (String topic : topics()) {
            for (ConsumerRecord<String, String> record : TopicProbe.readAll(topic)) {
                read++;
                personal.stream().filter(record.value()::contains)
                        .forEach(found -> leaks.add(topic + " carries " + found + ": " + record.value()));
            }
        }
        assertTrue(read > 0, "the topics were read");
        assertEquals(List.of(), leaks);
        assertTrue(TopicProbe.readAll(Topics.NEED_EVENTS).stream()
                .anyMatch(r -> r.key().equals(childNeed) && r.value().contains("\"beneficiaryRef\":\"" + child)),
                "the child's need carries the opaque reference instead");
    }

    private static List<String> topics() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.add(Topics.deadLetter("activity-service"));
        return topics;
    }

    private static String raise(String requester, String body) {
        return asSocialWorker(requester).contentType(ContentType.JSON).body(body).post("/api/v1/needs")
                .then().statusCode(201).extract().path("id");
    }
}
