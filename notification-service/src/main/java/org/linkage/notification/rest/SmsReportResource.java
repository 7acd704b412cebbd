package org.linkage.notification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.notification.api.SmsReports;
import org.linkage.notification.config.SmsConfig;
import org.linkage.notification.service.sms.SmsDeliveryReports.Report;
import org.linkage.notification.service.sms.SmsDeliveryReports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SMS providers' delivery report callbacks. The providers sign nothing, so the URL registered with each carries
 * a secret token of its own (linkage.sms.*.callback-token); reports are applied idempotently, as providers repeat
 * them until they get their expected answer.
 */
@Path("/api/v1/sms-reports")
@Tag(name = "SMS delivery reports", description = "Callbacks for Aliyun SMS and Tencent Cloud SMS delivery reports")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SmsReportResource {

    private static final int MOST_REPORTS = 1000;
    private static final Set<String> TENCENT_STATUSES = Set.of("SUCCESS", "FAIL");

    private final SmsConfig config;
    private final SmsDeliveryReports reports;

    SmsReportResource(SmsConfig config, SmsDeliveryReports reports) {
        this.config = config;
        this.reports = reports;
    }

    @POST
    @Path("/aliyun/{token}")
    @PermitAll
    @Operation(operationId = "receiveAliyunSmsReports", summary = "Aliyun SMS delivery reports (SmsReport)",
            description = "Called by Aliyun with the SmsReport messages of deliveries it accepted: success true "
                    + "marks the delivery DELIVERED, false FAILED with err_code. A report for an unknown biz_id is "
                    + "ignored; a repeated one changes nothing. Answers {\"code\": 0} as Aliyun expects.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "delivered", value = """
            [{"phone_number": "13800138000", "send_time": "2026-12-05 18:00:01", "report_time": "2026-12-05 18:00:04",
              "success": true, "err_code": "DELIVERED", "err_msg": "用户接收成功", "sms_size": "1",
              "biz_id": "900619746936498440^0", "out_id": "0b7e4c2a-8f1d-4c3e-9a65-2f8f4d1e6b90"}]""")))
    @APIResponse(responseCode = "200", description = "Recorded; {\"code\": 0}")
    @APIResponse(responseCode = "400", description = "Not a JSON array of reports, or a report without biz_id or "
            + "success (the field is named)")
    @APIResponse(responseCode = "404", description = "Not the configured callback token")
    public Map<String, Object> aliyun(@PathParam("token") @Parameter(description = "The configured callback token",
            example = "8a1f0c2e9b7d4f65") String token, List<SmsReports.Aliyun> body) {
        requireToken(config.aliyun().callbackToken(), token);
        List<Report> parsed = new ArrayList<>();
        for (int i = 0; i < requireList(body).size(); i++) {
            SmsReports.Aliyun report = requireElement(body.get(i), i);
            String bizId = required(report.bizId(), "[" + i + "].biz_id");
            if (report.success() == null) {
                throw ProblemException.invalid("[" + i + "].success", "must be true or false");
            }
            parsed.add(new Report(bizId, report.success(),
                    report.success() ? null : report.errCode() + " " + nullToEmpty(report.errMsg())));
        }
        reports.record(SmsConfig.Provider.ALIYUN, parsed);
        return Map.of("code", 0);
    }

    @POST
    @Path("/tencent/{token}")
    @PermitAll
    @Operation(operationId = "receiveTencentSmsReports", summary = "Tencent Cloud SMS delivery status callbacks",
            description = "Called by Tencent Cloud with the delivery status of messages it accepted: report_status "
                    + "SUCCESS marks the delivery (by sid, the SerialNo) DELIVERED, FAIL marks it FAILED with "
                    + "errmsg. Unknown sids are ignored; repeats change nothing. Answers {\"result\": 0, "
                    + "\"errmsg\": \"OK\"} as Tencent expects.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "delivered", value = """
            [{"user_receive_time": "2026-12-05 18:00:04", "nationcode": "86", "mobile": "13800138000",
              "report_status": "SUCCESS", "errmsg": "DELIVRD", "description": "用户短信送达成功",
              "sid": "2028:6154827459215261234"}]""")))
    @APIResponse(responseCode = "200", description = "Recorded; {\"result\": 0, \"errmsg\": \"OK\"}")
    @APIResponse(responseCode = "400", description = "Not a JSON array of reports, or a report without sid or "
            + "with a report_status other than SUCCESS or FAIL (the field is named)")
    @APIResponse(responseCode = "404", description = "Not the configured callback token")
    public Map<String, Object> tencent(@PathParam("token") @Parameter(description = "The configured callback token",
            example = "5d2c9e1a7f3b4c08") String token, List<SmsReports.Tencent> body) {
        requireToken(config.tencent().callbackToken(), token);
        List<Report> parsed = new ArrayList<>();
        for (int i = 0; i < requireList(body).size(); i++) {
            SmsReports.Tencent report = requireElement(body.get(i), i);
            String sid = required(report.sid(), "[" + i + "].sid");
            String status = required(report.reportStatus(), "[" + i + "].report_status");
            if (!TENCENT_STATUSES.contains(status)) {
                throw ProblemException.invalid("[" + i + "].report_status", "must be SUCCESS or FAIL");
            }
            boolean delivered = "SUCCESS".equals(status);
            parsed.add(new Report(sid, delivered, delivered ? null
                    : nullToEmpty(report.errmsg()) + " " + nullToEmpty(report.description())));
        }
        reports.record(SmsConfig.Provider.TENCENT, parsed);
        return Map.of("result", 0, "errmsg", "OK");
    }

    /** Compared in constant time; a wrong token looks like a path that does not exist. */
    private static void requireToken(String expected, String given) {
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(404, "not-found", "Not found", "No such report endpoint", List.of());
        }
    }

    private static <T> List<T> requireList(List<T> body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must be a JSON array of reports");
        }
        if (body.size() > MOST_REPORTS) {
            throw ProblemException.invalid("body", "must hold at most " + MOST_REPORTS + " reports");
        }
        return body;
    }

    private static <T> T requireElement(T element, int index) {
        if (element == null) {
            throw ProblemException.invalid("[" + index + "]", "must be a report object");
        }
        return element;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "must be given");
        }
        return value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
