package org.linkage.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.linkage.testing.Tokens;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Seeds a small district (Mudan district's Shuangjing community, from the newspaper page in shared/context) so that
 * a newcomer sees the flow happen: volunteers register, a social worker raises a need, the nearest volunteer with
 * the skill is offered it and finds the offer in their inbox, on her iPhone by push (the fake APNs) and by SMS (the
 * fake Aliyun SMS); a student's offer goes to his Huawei and Android phones (the fakes of Huawei Push and FCM).
 */
final class DemoDistrict {

    private static final String COMMUNITY = "双井社区";
    private static final String SOCIAL_WORKER = "sw-liu";
    /** Minted when seeding, for the issuer the services trust by then (Tokens.ISSUER_PROPERTY). */
    private static Api admin() {
        return Api.as(Tokens.admin("admin-demo"));
    }
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalSuite suite;

    DemoDistrict(LocalSuite suite) {
        this.suite = suite;
    }

    void seed(PrintStream out) throws InterruptedException {
        out.println();
        out.println("Seeding the demo district (牡丹区 双井社区) ...");
        String volunteers = suite.url("volunteer-service") + "/api/v1/volunteers";
        String nearest = register(volunteers, "张秀兰 (社区宝妈)", "elder-care", 35.2512, 115.4421, out);
        register(volunteers, "李强 (外卖骑手)", "first-aid", 35.2490, 115.4380, out);
        String student = register(volunteers, "王磊 (返乡大学生)", "tutoring", 35.2530, 115.4450, out);
        register(volunteers, "赵敏 (党员)", "elder-care", 35.2700, 115.4700, out);

        // The app registers each phone for push; 张秀兰 also wants offers by SMS.
        String notifications = suite.url("notification-service") + "/api/v1/recipients/";
        device(notifications, nearest, "IOS", "APNS", HexFormat.of().formatHex(randomBytes(32)), "张秀兰's iPhone", out);
        if (student.isEmpty()) {
            student = nearest;
        }
        device(notifications, student, "ANDROID", "HUAWEI", "IQAAAACy0" + HexFormat.of().formatHex(randomBytes(40)),
                "王磊's Huawei phone", out);
        device(notifications, student, "ANDROID", "FCM", "dLocal:APA91b" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(randomBytes(105)), "王磊's Android phone", out);
        Api.Reply preferences = Api.as(Tokens.volunteer(UUID.fromString(nearest))).put(notifications + nearest
                + "/preferences", """
                {"channels": {"OFFER_RECEIVED": ["IN_APP", "PUSH", "SMS"]}, "language": "zh-CN", "phone": "%s"}"""
                .formatted(phone("张秀兰 (社区宝妈)", "elder-care")));
        out.printf("  张秀兰 wants offers in the app, by push and by SMS (status %d)%n", preferences.status());

        // The matching view is built from events: give it a moment to see the volunteers.
        Thread.sleep(1500);
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Api socialWorker = Api.as(Tokens.socialWorker(SOCIAL_WORKER, COMMUNITY));
        Api.Reply need = socialWorker.post(suite.url("activity-service") + "/api/v1/needs", """
                {"category": "home-visit", "requiredSkill": "elder-care",
                 "location": {"latitude": 35.2515, "longitude": 115.4425},
                 "window": {"start": "%s", "end": "%s"}, "urgency": "ROUTINE", "volunteersNeeded": 1,
                 "requestedBy": "%s", "community": "%s", "summary": "月末上门探访独居老人:晒被子、聊聊天"}"""
                .formatted(start, start.plus(2, ChronoUnit.HOURS), SOCIAL_WORKER, COMMUNITY));
        out.printf("  need raised by social worker %s: %s (status %d)%n", SOCIAL_WORKER,
                need.body().path("id").asText(), need.status());
        Api.Reply tutoring = socialWorker.post(suite.url("activity-service") + "/api/v1/needs", """
                {"category": "tutoring", "requiredSkill": "tutoring",
                 "location": {"latitude": 35.2528, "longitude": 115.4447},
                 "window": {"start": "%s", "end": "%s"}, "urgency": "ROUTINE", "volunteersNeeded": 1,
                 "requestedBy": "%s", "community": "%s", "summary": "放学后辅导留守儿童的数学作业"}"""
                .formatted(start.plus(3, ChronoUnit.HOURS), start.plus(5, ChronoUnit.HOURS), SOCIAL_WORKER,
                        COMMUNITY));
        out.printf("  need raised by social worker %s: %s (status %d)%n", SOCIAL_WORKER,
                tutoring.body().path("id").asText(), tutoring.status());

        String needId = need.body().path("id").asText();
        String inbox = suite.url("notification-service") + "/api/v1/notifications?recipient=" + nearest;
        Api volunteer = Api.as(Tokens.volunteer(UUID.fromString(nearest)));
        for (int i = 0; i < 50; i++) {
            for (JsonNode item : volunteer.get(inbox).body().path("items")) {
                if (item.path("data").path("needId").asText().equals(needId)) {
                    out.printf("  张秀兰's phone shows: %s%n    %s%n", item.path("title").asText(),
                            item.path("body").asText().replace("\n", "\n    "));
                    out.println("  Accept it:  curl -X POST -H \"Authorization: Bearer $(deploy/local/mint-token.sh "
                            + "volunteer " + nearest + ")\" " + suite.url("matching-service") + "/api/v1/assignments/"
                            + item.path("data").path("assignmentId").asText() + "/accept");
                    out.println("  Then read:  curl -H \"Authorization: Bearer $(deploy/local/mint-token.sh "
                            + "social-worker " + SOCIAL_WORKER + " " + COMMUNITY + ")\" '" + suite.url("notification-service")
                            + "/api/v1/notifications?recipient=" + SOCIAL_WORKER + "'");
                    out.println("  Her push and SMS reach the fakes: see the [fake APNs] and [fake Aliyun SMS] lines, "
                            + "and the deliveries:");
                    out.println("              curl -H \"Authorization: Bearer $(deploy/local/mint-token.sh volunteer "
                            + nearest + ")\" '" + suite.url("notification-service") + "/api/v1/deliveries?recipient="
                            + nearest + "'");
                    return;
                }
            }
            Thread.sleep(200);
        }
        out.println("  (the offer has not reached the inbox yet; see the logs)");
    }

    /** The app registering a phone of the person for push, as that person. */
    private static void device(String url, String person, String platform, String route, String token,
                               String what, PrintStream out) {
        Api.Reply reply = Api.as(Tokens.volunteer(UUID.fromString(person))).post(url + person + "/devices", """
                {"platform": "%s", "route": "%s", "token": "%s", "appVersion": "2.4.1", "locale": "zh-CN"}"""
                .formatted(platform, route, token));
        out.printf("  %s registered for push through %s (status %d)%n", what, route, reply.status());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String phone(String name, String skill) {
        return "138" + String.format("%08d", Math.abs((name + skill).hashCode()) % 100_000_000);
    }

    private static String register(String url, String name, String skill, double latitude, double longitude,
                                   PrintStream out) {
        String phone = phone(name, skill);
        Api.Reply reply = admin().post(url, """
                {"name": "%s", "phone": "%s", "skills": ["%s"],
                 "homeLocation": {"latitude": %s, "longitude": %s}, "locationConsent": true, "onDuty": true}"""
                .formatted(name, phone, skill, latitude, longitude));
        if (reply.status() == 409) {
            out.printf("  volunteer %s already registered%n", name);
            JsonNode page = admin().get(url + "?skill=" + skill + "&size=100").body().path("items");
            for (JsonNode volunteer : page) {
                if (volunteer.path("phone").asText().equals(phone)) {
                    return volunteer.path("id").asText();
                }
            }
            return "";
        }
        out.printf("  volunteer %s (%s) registered: %s%n", name, skill, reply.body().path("id").asText());
        return reply.body().path("id").asText();
    }
}
