package org.linkage.keycloak;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import java.util.Optional;

/**
 * Phone-number login in the browser (authorization code + PKCE, as a mobile app should log in): a page asks for the
 * mobile number, a code is texted, a second page asks for the code. Same rules as {@link PhoneCodeAuthenticator}
 * (shared through {@link TextedCodes}); only the answers are pages instead of token-endpoint errors.
 */
public class PhoneCodeForm implements SmsCodeLogin {

    public static final String ID = "linkage-phone-code-form";
    static final String NUMBER_PAGE = "linkage-phone-number.ftl";
    static final String CODE_PAGE = "linkage-phone-code.ftl";
    /** The number being logged in, kept in the authentication session between the two pages. */
    private static final String NUMBER_NOTE = "linkage-phone-number";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(context.form().createForm(NUMBER_PAGE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String number = context.getAuthenticationSession().getAuthNote(NUMBER_NOTE);
        if (form.containsKey("phone_number") || number == null) {
            textCode(context, form.getFirst("phone_number"));
        } else {
            checkCode(context, number, form.getFirst("code"));
        }
    }

    private void textCode(AuthenticationFlowContext context, String given) {
        Optional<String> number = LoginCodes.mobileNumber(given);
        if (number.isEmpty()) {
            page(context, NUMBER_PAGE, AuthenticationFlowError.INVALID_USER,
                    "请输入中国大陆手机号 / Enter a mainland China mobile number");
            return;
        }
        TextedCodes.Texting texting = TextedCodes.text(context, number.get());
        switch (texting.outcome()) {
            case SENT -> {
                context.getAuthenticationSession().setAuthNote(NUMBER_NOTE, number.get());
                context.challenge(context.form().setAttribute("phoneNumber", masked(number.get()))
                        .setAttribute("validMinutes", texting.validMinutes()).createForm(CODE_PAGE));
            }
            case STAFF -> page(context, NUMBER_PAGE, AuthenticationFlowError.INVALID_USER,
                    "工作人员请用密码和动态码登录 / Staff log in with their password and TOTP");
            case LIMITED -> page(context, NUMBER_PAGE, AuthenticationFlowError.USER_TEMPORARILY_DISABLED,
                    "验证码发送过于频繁，请 " + texting.retryAfterSeconds() + " 秒后再试 / Too many codes; try again in "
                            + texting.retryAfterSeconds() + " s");
            case UNAVAILABLE -> page(context, NUMBER_PAGE, AuthenticationFlowError.INTERNAL_ERROR,
                    "短信暂时无法发送，请稍后再试 / The code cannot be texted now; try again in a minute");
        }
    }

    private void checkCode(AuthenticationFlowContext context, String number, String code) {
        TextedCodes.Checked checked = TextedCodes.check(context, number, code);
        if (checked.outcome() == null) {
            context.getAuthenticationSession().removeAuthNote(NUMBER_NOTE);
            page(context, NUMBER_PAGE, AuthenticationFlowError.EXPIRED_CODE,
                    "验证码已失效，请重新获取 / The code is no longer valid; ask for a new one");
            return;
        }
        switch (checked.outcome()) {
            case RIGHT -> {
                context.getAuthenticationSession().removeAuthNote(NUMBER_NOTE);
                context.setUser(checked.user());
                context.success();
            }
            case WRONG -> context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, context.form()
                    .setAttribute("phoneNumber", masked(number))
                    .setError("验证码错误，还可尝试 " + checked.attemptsLeft() + " 次 / Wrong code; "
                            + checked.attemptsLeft() + " attempts left").createForm(CODE_PAGE));
            case LOCKED, EXPIRED -> {
                context.getAuthenticationSession().removeAuthNote(NUMBER_NOTE);
                page(context, NUMBER_PAGE, AuthenticationFlowError.EXPIRED_CODE,
                        "验证码已失效，请重新获取 / The code is no longer valid; ask for a new one");
            }
        }
    }

    private static void page(AuthenticationFlowContext context, String page, AuthenticationFlowError error,
                             String message) {
        Response response = context.form().setError(message).createForm(page);
        context.failureChallenge(error, response);
    }

    private static String masked(String number) {
        return number.substring(0, 6) + "****" + number.substring(10);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Linkage: mobile number and SMS code (pages)";
    }

    @Override
    public String getHelpText() {
        return "Asks for a mobile number, texts a one-time code through Linkage's notification-service and asks "
                + "for it; logs in the number's account (created as a volunteer's on first use).";
    }
}
