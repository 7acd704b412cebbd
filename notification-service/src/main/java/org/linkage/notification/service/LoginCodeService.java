package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.chassis.input.ChinaMobile;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.ratelimit.LimitLedger.Use;
import org.linkage.chassis.ratelimit.LimitLedger;
import org.linkage.chassis.ratelimit.TooManyRequests;
import org.linkage.notification.config.LoginCodeConfig;
import org.linkage.notification.service.SmsGateway.Accepted;
import org.linkage.notification.service.SmsGateway.SmsDeferred;
import org.linkage.notification.service.SmsGateway.SmsException;
import org.linkage.notification.service.SmsGateway.SmsRefused;
import org.linkage.notification.service.sms.SmsTemplates;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Texts the one-time code of a phone-number login at once, through the same providers, failover and circuit breakers
 * as every other SMS. Not queued: a code nobody receives within a minute is useless, so an outage is reported to the
 * identity provider (503) rather than retried later.
 */
@ApplicationScoped
public class LoginCodeService {

    private static final Logger LOG = Logger.getLogger(LoginCodeService.class);
    private static final String BUDGET = "login codes of a mobile number";

    private final SmsGateway sms;
    private final LimitLedger ledger;
    private final LoginCodeConfig config;

    LoginCodeService(SmsGateway sms, LimitLedger ledger, LoginCodeConfig config) {
        this.sms = sms;
        this.ledger = ledger;
        this.config = config;
    }

    /** The number in E.164 and the provider that took the text. */
    public record Sent(String phoneNumber, String provider) {
    }

    public Sent send(String phoneNumber, String code, int validMinutes) {
        String number = ChinaMobile.e164(phoneNumber).orElseThrow(() ->
                ProblemException.invalid("phoneNumber", "must be a mainland China mobile number"));
        // Counted apart (committed at once): a text that fails still counts, so nobody hammers a number by retrying.
        ledger.takeApart(new Use(BUDGET + " per minute", number, config.perMinute(), config.minute()),
                new Use(BUDGET + " per hour", number, config.perHour(), Duration.ofHours(1)),
                new Use(BUDGET + " per day", number, config.perDay(), Duration.ofDays(1)));
        try {
            Accepted accepted = sms.send(number, SmsTemplates.LOGIN_CODE,
                    Map.of("code", code, "validMinutes", Integer.toString(validMinutes)), UUID.randomUUID());
            return new Sent(number, accepted.provider());
        } catch (SmsDeferred e) {
            throw new TooManyRequests("The SMS provider limits texts to this number: " + e.getMessage(),
                    Math.max(1, e.waitFor().toSeconds()));
        } catch (SmsRefused e) {
            throw ProblemException.unprocessable("phoneNumber", "the SMS provider refused it: " + e.getMessage());
        } catch (SmsException e) {
            LOG.warnf("No SMS provider took a login code now: %s", e.getMessage());
            throw new ProblemException(503, "sms-unavailable", "SMS unavailable",
                    "No SMS provider can take the code now; ask for a new one in a minute", List.of());
        }
    }
}
