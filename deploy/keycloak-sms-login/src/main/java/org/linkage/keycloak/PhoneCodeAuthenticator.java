package org.linkage.keycloak;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.directgrant.AbstractDirectGrantAuthenticator;
import org.keycloak.events.Errors;

import java.util.Optional;

/**
 * Phone-number login for volunteers in the direct-grant (token endpoint) flow: the app posts {@code phone_number}
 * alone and a code is texted through notification-service; it posts {@code phone_number} and {@code code} and gets
 * tokens. A number without an account gets one (role volunteer) on its first right code; linking it to a volunteer
 * record is the volunteer-service's invitation step. Staff accounts never log in this way (password + TOTP).
 * Without {@code phone_number} it steps aside ({@code attempted}) so that an alternative (password) can run.
 */
public class PhoneCodeAuthenticator extends AbstractDirectGrantAuthenticator implements SmsCodeLogin {

    public static final String ID = "linkage-phone-code";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String given = form.getFirst("phone_number");
        if (given == null) {
            context.attempted();
            return;
        }
        Optional<String> number = LoginCodes.mobileNumber(given);
        if (number.isEmpty()) {
            fail(context, AuthenticationFlowError.INVALID_USER, 400, "invalid_request",
                    "phone_number: must be a mainland China mobile number (11 digits, optionally +86)");
            return;
        }
        String code = form.getFirst("code");
        if (code == null || code.isBlank()) {
            textCode(context, number.get());
        } else {
            checkCode(context, number.get(), code);
        }
    }

    private void textCode(AuthenticationFlowContext context, String number) {
        TextedCodes.Texting texting = TextedCodes.text(context, number);
        switch (texting.outcome()) {
            case SENT -> fail(context, AuthenticationFlowError.INVALID_CREDENTIALS, 401, "code_sent",
                    "a code was texted to the number; send it as 'code' with the number within "
                            + texting.validMinutes() + " minutes");
            case STAFF -> fail(context, AuthenticationFlowError.INVALID_USER, 400, "invalid_grant",
                    "staff log in with their password and TOTP, not by SMS code");
            case LIMITED -> context.failure(AuthenticationFlowError.USER_TEMPORARILY_DISABLED, Response.fromResponse(
                    errorResponse(429, "slow_down", "this number had its codes for now; try again in "
                            + texting.retryAfterSeconds() + " s"))
                    .header("Retry-After", texting.retryAfterSeconds()).build());
            case UNAVAILABLE -> fail(context, AuthenticationFlowError.INTERNAL_ERROR, 503, "temporarily_unavailable",
                    "the code cannot be texted now; try again in a minute");
        }
    }

    private void checkCode(AuthenticationFlowContext context, String number, String code) {
        TextedCodes.Checked checked = TextedCodes.check(context, number, code);
        if (checked.outcome() == null) {
            fail(context, AuthenticationFlowError.EXPIRED_CODE, 400, "invalid_grant",
                    "code: no code is pending for this number (expired, used or never sent); ask for a new one");
            return;
        }
        switch (checked.outcome()) {
            case RIGHT -> {
                context.setUser(checked.user());
                context.success();
            }
            case WRONG -> fail(context, AuthenticationFlowError.INVALID_CREDENTIALS, 401, "invalid_grant",
                    "code: wrong code; " + checked.attemptsLeft() + " attempts left");
            case LOCKED -> fail(context, AuthenticationFlowError.INVALID_CREDENTIALS, 401, "invalid_grant",
                    "code: wrong code and no attempts left; ask for a new one");
            case EXPIRED -> fail(context, AuthenticationFlowError.EXPIRED_CODE, 400, "invalid_grant",
                    "code: the code expired; ask for a new one");
        }
    }

    private void fail(AuthenticationFlowContext context, AuthenticationFlowError error, int status, String code,
                      String description) {
        context.getEvent().error(error == AuthenticationFlowError.INVALID_CREDENTIALS
                ? Errors.INVALID_USER_CREDENTIALS : Errors.INVALID_REQUEST);
        context.failure(error, errorResponse(status, code, description));
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Linkage: mobile number and SMS code";
    }

    @Override
    public String getHelpText() {
        return "Texts a one-time code through Linkage's notification-service and logs in the number's account "
                + "(created as a volunteer's on first use). Steps aside when the request has no phone_number.";
    }
}
