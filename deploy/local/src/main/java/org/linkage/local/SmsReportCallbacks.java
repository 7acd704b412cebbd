package org.linkage.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the real SMS providers do after accepting a message: a few seconds later, when the handset received it, they
 * POST a delivery report to the callback URL registered with them. The local fakes do the same, in each provider's
 * shape, to notification-service's report endpoints with the callback tokens made at start, so that the local run
 * shows SMS deliveries going SENT → DELIVERED.
 */
final class SmsReportCallbacks implements AutoCloseable {

    /** How long after accepting a message its report is sent, as a handset takes a moment to receive it. */
    static final Duration RECEIVED_AFTER = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter PROVIDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final String notificationService;
    private final String aliyunToken;
    private final String tencentToken;
    private final Consumer<String> journal;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fake-sms-reports");
        thread.setDaemon(true);
        return thread;
    });

    /** @param journal told one line per report sent, or why it could not be */
    SmsReportCallbacks(String notificationService, String aliyunToken, String tencentToken,
                       Consumer<String> journal) {
        this.notificationService = notificationService.replaceAll("/+$", "");
        this.aliyunToken = aliyunToken;
        this.tencentToken = tencentToken;
        this.journal = journal;
    }

    /** Aliyun's SmsReport for a message it accepted with this BizId (OutId is the delivery's id). */
    void aliyunAccepted(String phone, String bizId, String outId) {
        LocalDateTime sent = LocalDateTime.now(BEIJING);
        ArrayNode reports = JSON.createArrayNode();
        reports.addObject().put("phone_number", phone).put("send_time", PROVIDER_TIME.format(sent))
                .put("report_time", PROVIDER_TIME.format(sent.plus(RECEIVED_AFTER))).put("success", true)
                .put("err_code", "DELIVERED").put("err_msg", "用户接收成功").put("sms_size", "1")
                .put("biz_id", bizId).put("out_id", outId);
        later("Aliyun SMS", "/api/v1/sms-reports/aliyun/" + aliyunToken, reports);
    }

    /** Tencent's delivery status callback for a message it accepted with this SerialNo (sid). */
    void tencentAccepted(String e164, String serialNo) {
        ArrayNode reports = JSON.createArrayNode();
        reports.addObject()
                .put("user_receive_time", PROVIDER_TIME.format(LocalDateTime.now(BEIJING).plus(RECEIVED_AFTER)))
                .put("nationcode", "86").put("mobile", e164.replaceFirst("^\\+86", ""))
                .put("report_status", "SUCCESS").put("errmsg", "DELIVRD").put("description", "用户短信送达成功")
                .put("sid", serialNo);
        later("Tencent SMS", "/api/v1/sms-reports/tencent/" + tencentToken, reports);
    }

    private void later(String provider, String path, JsonNode reports) {
        scheduler.schedule(() -> post(provider, path, reports), RECEIVED_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void post(String provider, String path, JsonNode reports) {
        // The token is the report endpoint's secret: never in the journal.
        String endpoint = path.substring(0, path.lastIndexOf('/') + 1) + "…";
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(notificationService + path))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(reports))).build(),
                    HttpResponse.BodyHandlers.ofString());
            journal.accept(provider + " delivery report DELIVERED -> " + endpoint + " " + answer.statusCode());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            journal.accept(provider + " delivery report not delivered to " + endpoint + ": " + e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
