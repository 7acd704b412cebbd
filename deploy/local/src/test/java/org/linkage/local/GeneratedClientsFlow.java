package org.linkage.local;

import org.linkage.client.activity.api.HazardReportsApi;
import org.linkage.client.activity.api.NeedsApi;
import org.linkage.client.activity.model.CompletionRequest;
import org.linkage.client.activity.model.HazardReportResponse;
import org.linkage.client.activity.model.Hours;
import org.linkage.client.activity.model.NeedResponse;
import org.linkage.client.activity.model.NeedStatus;
import org.linkage.client.activity.model.NeedWindow;
import org.linkage.client.activity.model.RaiseNeedRequest;
import org.linkage.client.activity.model.Urgency;
import org.linkage.client.activity.model.VolunteerReportRequest;
import org.linkage.client.matching.api.AssignmentsApi;
import org.linkage.client.matching.api.CandidatesApi;
import org.linkage.client.matching.model.AssignmentResponse;
import org.linkage.client.notification.api.NotificationsApi;
import org.linkage.client.notification.model.NotificationKind;
import org.linkage.client.notification.model.NotificationResponse;
import org.linkage.client.volunteer.api.ServiceHoursApi;
import org.linkage.client.volunteer.api.VolunteersApi;
import org.linkage.client.volunteer.model.CertificateRequest;
import org.linkage.client.volunteer.model.HoursCertificateResponse;
import org.linkage.client.volunteer.model.HoursSummaryResponse;
import org.linkage.client.volunteer.model.RegisterVolunteerRequest;
import org.linkage.client.volunteer.model.VolunteerResponse;
import org.linkage.testing.Eventually;
import org.linkage.testing.Tokens;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The seed's core flow through the Java clients that openapi-generator made from docs/api at build time (see
 * the plugin in this module's pom), and nothing else: no hand-written URL, JSON or header beyond the bearer token
 * each call is sent with. What an integrator's code would do; a document that generates a client which cannot do
 * this fails here.
 */
final class GeneratedClientsFlow {

    private final LocalSuite suite;

    GeneratedClientsFlow(LocalSuite suite) {
        this.suite = suite;
    }

    /** What the flow produced, for the test to assert on. */
    record Outcome(VolunteerResponse volunteer, NeedResponse completed, HoursSummaryResponse hours,
                   HoursCertificateResponse certificate, byte[] certificatePdf, byte[] photoSent, byte[] photoRead) {
    }

    Outcome run() throws Exception {
        String admin = Tokens.admin("admin-generated-clients");
        String socialWorkerId = "sw-" + UUID.randomUUID();
        String socialWorker = Tokens.socialWorker(socialWorkerId, Flow.COMMUNITY);
        Flow.Place place = Flow.Place.random();

        VolunteersApi volunteers = new VolunteersApi(client(new org.linkage.client.volunteer.ApiClient(), admin));
        VolunteerResponse volunteer = volunteers.registerVolunteer(
                new RegisterVolunteerRequest().name("生成的客户端").phone(phone()).addSkillsItem("elder-care")
                        .homeLocation(new org.linkage.client.volunteer.model.Coordinates()
                                .latitude(place.latitude() + 0.001).longitude(place.longitude()))
                        .locationConsent(true).onDuty(true),
                UUID.randomUUID().toString());
        UUID volunteerId = volunteer.getId();
        String volunteerToken = Tokens.volunteer(volunteerId);
        var candidates = new CandidatesApi(client(new org.linkage.client.matching.ApiClient(), admin));
        await("matching to know the volunteer", () -> call(() -> candidates.getCandidate(volunteerId)),
                Optional::isPresent);

        // A day ahead, as Flow.raiseNeed: a need due within hours is soon UNMATCHED and ignores a late acceptance.
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusHours(25);
        NeedsApi needs = new NeedsApi(client(new org.linkage.client.activity.ApiClient(), socialWorker));
        NeedResponse need = needs.raiseNeed(new RaiseNeedRequest().category(RaiseNeedRequest.CategoryEnum.HOME_VISIT)
                .requiredSkill("elder-care").summary("上门探访").urgency(Urgency.ROUTINE).volunteersNeeded(1)
                .location(new org.linkage.client.activity.model.Coordinates()
                        .latitude(place.latitude()).longitude(place.longitude()))
                .window(new NeedWindow().start(start).end(start.plusHours(2)))
                .requestedBy(socialWorkerId).community(Flow.COMMUNITY), UUID.randomUUID().toString());

        var inbox = new NotificationsApi(client(new org.linkage.client.notification.ApiClient(), volunteerToken));
        NotificationResponse offer = await("the offer in the volunteer's inbox",
                () -> inbox.listNotifications(0, 20, null).getItems().stream()
                        .filter(n -> n.getKind() == NotificationKind.OFFER_RECEIVED
                                && need.getId().toString().equals(n.getData().get("needId"))).findFirst(),
                Optional::isPresent).orElseThrow();
        var assignments = new AssignmentsApi(client(new org.linkage.client.matching.ApiClient(), volunteerToken));
        UUID assignmentId = UUID.fromString(offer.getData().get("assignmentId"));
        AssignmentResponse accepted = assignments.acceptAssignment(assignmentId);
        assertEquals("ACCEPTED", String.valueOf(accepted.getStatus()));

        var assigned = await("the need to be assigned", () -> needs.getNeedWithHttpInfo(need.getId()),
                r -> r.getData().getStatus() == NeedStatus.ASSIGNED);
        var started = needs.startNeedWithHttpInfo(need.getId(), etag(assigned.getHeaders()));
        assertEquals(NeedStatus.IN_PROGRESS, started.getData().getStatus());
        var volunteersNeeds = new NeedsApi(client(new org.linkage.client.activity.ApiClient(), volunteerToken));
        volunteersNeeds.reportOnNeed(need.getId(), new VolunteerReportRequest().volunteerId(volunteerId)
                .report("陪老人聊天两个半小时").hours(new BigDecimal("2.5")));
        NeedResponse completed = needs.completeNeed(need.getId(), new CompletionRequest().confirmedBy(socialWorkerId)
                .serviceDate(LocalDate.now(ZoneOffset.UTC)).addHoursItem(new Hours().volunteerId(volunteerId)
                        .hours(new BigDecimal("2.5"))), etag(needs.getNeedWithHttpInfo(need.getId()).getHeaders()));

        var hours = new ServiceHoursApi(client(new org.linkage.client.volunteer.ApiClient(), volunteerToken));
        HoursSummaryResponse credited = await("the hours credited", () -> hours.getVolunteerHours(volunteerId),
                summary -> summary.getLifetimeHours().signum() > 0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        HoursCertificateResponse certificate = hours.issueHoursCertificate(volunteerId, new CertificateRequest()
                .from(today.withDayOfYear(1)).to(today.plusDays(1)), UUID.randomUUID().toString());
        byte[] pdf = readAndDelete(hours.downloadHoursCertificatePdf(certificate.getId(), volunteerId).toPath());

        byte[] photo = png();
        Path upload = Files.createTempFile("hazard", ".png");
        Files.write(upload, photo);
        var hazards = new HazardReportsApi(client(new org.linkage.client.activity.ApiClient(), volunteerToken));
        HazardReportResponse report = hazards.reportHazard("fallen-tree", String.valueOf(place.latitude()),
                String.valueOf(place.longitude()), volunteerId.toString(), upload.toFile(), null, "树倒了",
                Flow.COMMUNITY);
        Files.delete(upload);
        byte[] read = readAndDelete(hazards.getHazardPhoto(report.getId()).toPath());
        return new Outcome(volunteer, completed, credited, certificate, pdf, photo, read);
    }

    /** The pixels of an image's bytes, to compare a photo with what was uploaded (its metadata is stripped). */
    static int[] pixels(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            assertNotNull(decoded, "not an image");
            return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSamePixels(byte[] expected, byte[] actual) {
        assertArrayEquals(pixels(expected), pixels(actual), "the photo read back is not the one uploaded");
    }

    /**
     * The generated ApiClient (of any of the four services: the same methods, but no common type) at its service,
     * sending the person's token: the documents' security scheme is OIDC, which the generator leaves to the caller.
     */
    private <C> C client(C client, String token) {
        String service = client.getClass().getPackageName().replace("org.linkage.client.", "") + "-service";
        try {
            client.getClass().getMethod("setRequestInterceptor", Consumer.class).invoke(client, bearer(token));
            client.getClass().getMethod("updateBaseUri", String.class).invoke(client, suite.url(service));
            return client;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.header("Authorization", "Bearer " + token);
    }

    /** The value, or empty while the service answers 404 (it has not learnt of it from an event yet). */
    private static <T> Optional<T> call(Callable<T> call) throws Exception {
        try {
            return Optional.of(call.call());
        } catch (org.linkage.client.matching.ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Polls until done; on timeout the message shows the last value (the generated models print their fields). */
    private static <T> T await(String what, Callable<T> call, Predicate<T> done) {
        AtomicReference<Object> last = new AtomicReference<>();
        try {
            return Eventually.value(what, () -> {
                try {
                    T value = call.call();
                    last.set(value instanceof org.linkage.client.activity.ApiResponse<?> r ? r.getData() : value);
                    return value;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, done, Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            throw new AssertionError("waited in vain for " + what + "; last " + last.get(), e);
        }
    }

    private static String etag(Map<String, List<String>> headers) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag"))
                .flatMap(h -> h.getValue().stream()).findFirst()
                .orElseThrow(() -> new AssertionError("no ETag in " + headers));
    }

    private static byte[] readAndDelete(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    private static String phone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A small real PNG: a gradient, so that the pixels read back can be compared. */
    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 24; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, (x * 10) << 16 | (y * 15) << 8 | 0x40);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
