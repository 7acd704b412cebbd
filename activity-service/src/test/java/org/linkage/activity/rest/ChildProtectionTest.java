package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.activity.BeneficiaryFixtures;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.BeneficiaryFixtures.COMMUNITY;
import static org.linkage.activity.BeneficiaryFixtures.asSocialWorker;
import static org.linkage.activity.BeneficiaryFixtures.consent;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.BeneficiaryFixtures.needFor;

/**
 * Protection follows the date of birth, not the label: a minor registered in another focus group is still seen in
 * full by the responsible social worker only; each read is audited with its purpose, and the audit is queried per
 * child.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ChildProtectionTest implements AsAdmin {

    @Test
    void aMinorInAFamilyIsProtectedByAgeAndEveryReadIsAuditedWithItsPurpose() {
        String marker = marker();
        String worker = "sw-" + marker;
        String id = BeneficiaryFixtures.register(BeneficiaryFixtures.childRequest(marker, worker, true)
                .replace("\"CHILD\"", "\"FAMILY\""));
        String record = "/api/v1/beneficiaries/" + id;

        assertProblem(asSocialWorker("sw-other").get(record).then(), 403);
        assertProblem(As.socialWorker(worker, "elsewhere").get(record).then(), 403);
        asSocialWorker("sw-other").get("/api/v1/beneficiaries?socialWorkerId=" + worker).then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].fullName", nullValue());
        asSocialWorker(worker).get(record + "?purpose=prepare the monthly home visit").then().statusCode(200)
                .body("fullName", equalTo("Child " + marker));

        asSocialWorker(worker).get(record + "/audit-entries").then().statusCode(200)
                .body("items.purpose", hasItem("prepare the monthly home visit"))
                .body("items.actor", hasItem(worker));
        given().get(record + "/audit-entries").then().statusCode(200)
                .body("items.purpose", hasItem("prepare the monthly home visit"));
        assertProblem(asSocialWorker("sw-other").get(record + "/audit-entries").then(), 403);
    }

    @Test
    void onlyTheResponsibleWorkerAndTheStationLeadSeeAChildInFullAndRaiseNeedsForThemWhichRequireABackgroundCheck() {
        String marker = marker();
        String worker = "sw-" + marker;
        String id = BeneficiaryFixtures.register(BeneficiaryFixtures.childRequest(marker, worker, true)
                .replace("\"CHILD\"", "\"FAMILY\""));
        String record = "/api/v1/beneficiaries/" + id;
        consent(id, worker, "GUARDIAN", "tutoring");
        String need = needFor(id, "tutoring", "lead-" + marker);

        As.stationLead("lead-" + marker, COMMUNITY).get(record + "?purpose=station review")
                .then().statusCode(200).body("fullName", equalTo("Child " + marker));
        assertProblem(As.stationLead("lead-" + marker, "elsewhere").get(record).then(),
                403);
        assertProblem(asSocialWorker("sw-other").contentType(ContentType.JSON).body(need.replace("lead-" + marker, "sw-other"))
                .post("/api/v1/needs").then(), 403);
        assertProblem(As.admin("admin-" + marker).contentType(ContentType.JSON)
                .body(need.replace("lead-", "admin-")).post("/api/v1/needs").then(), 403);
        assertProblem(As.integrator("hospital-" + marker, "needs:write")
                .contentType(ContentType.JSON).body(need.replace("lead-", "hospital-")).post("/api/v1/needs")
                .then(), 403);
        asSocialWorker(worker).get(record + "/needs").then().statusCode(200).body("totalItems", equalTo(0));

        As.stationLead("lead-" + marker, COMMUNITY).contentType(ContentType.JSON)
                .body(need).post("/api/v1/needs").then().statusCode(201).body("beneficiaryId", equalTo(id))
                .body("requiredCertifications", hasItem("background-check"));
        asSocialWorker(worker).get(record + "/audit-entries").then().statusCode(200)
                .body("items.actor", hasItem("lead-" + marker)).body("items.purpose", hasItem("station review"));
    }
}
