package org.linkage.notification.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The SMS providers' delivery reports as they POST them; fields the service does not use are ignored. */
public final class SmsReports {

    private SmsReports() {
    }

    /** One element of Aliyun's SmsReport push (a JSON array). */
    public record Aliyun(@JsonProperty("phone_number") String phoneNumber,
                         @JsonProperty("send_time") String sendTime,
                         @JsonProperty("report_time") String reportTime,
                         Boolean success,
                         @JsonProperty("err_code") String errCode,
                         @JsonProperty("err_msg") String errMsg,
                         @JsonProperty("biz_id") String bizId,
                         @JsonProperty("out_id") String outId) {
    }

    /** One element of Tencent Cloud's status callback (a JSON array). */
    public record Tencent(@JsonProperty("user_receive_time") String userReceiveTime,
                          String nationcode,
                          String mobile,
                          @JsonProperty("report_status") String reportStatus,
                          String errmsg,
                          String description,
                          String sid) {
    }
}
