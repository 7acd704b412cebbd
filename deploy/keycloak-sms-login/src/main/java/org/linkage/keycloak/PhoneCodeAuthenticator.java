package org.linkage.keycloak;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.directgrant.AbstractDirectGrantAuthenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phone-number login for volunteers in the direct-grant (token endpoint) flow: the app posts {@code phone_number}
 * alone and a code is texted through notification-service; it posts {@code phone_number} and {@code code} and gets
 * tokens. A number without an account gets one (role volunteer) on its first right code; linking it to a volunteer
 * record is the volunteer-service's invitation step. Staff accounts never log in this way (password + TOTP).
 * Without {@code phone_number} it steps aside ({@code attempted}) so that an alternative (password) can run.
 */
public class PhoneCodeAuthenticator extends AbstractDirectGrantAuthenticator {

    public static final String ID = "linkage-phone-code";
    static final String NOTIFICATION_URL = "notificationServiceUrl";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String TOKEN_URL = "tokenUrl";
    static final String VALID_MINUTES = "validMinutes";
    static final String ATTEMPTS = "attempts";

    private static final Logger LOG = Logger.getLogger(PhoneCodeAuthenticator.class);
    private static final List<String> STAFF_ROLES = List.of("social-worker", "admin");
    private static final Map<String, LoginCodeSender> SENDERS = new ConcurrentHashMap<>();

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
        Map<String, String> config = config(context);
        int validMinutes = Integer.parseInt(config.getOrDefault(VALID_MINUTES, "5"));
        int attempts = Integer.parseInt(config.getOrDefault(ATTEMPTS, "5"));
        UserModel existing = context.getSession().users().getUserByUsername(context.getRealm(), number);
        if (existing != null && isStaff(existing, context.getRealm())) {
            fail(context, AuthenticationFlowError.INVALID_USER, 400, "invalid_grant",
                    "staff log in with their password and TOTP, not by SMS code");
            return;
        }
        String code = LoginCodes.newCode();
        LoginCodeSender.Answer answer;
        try {
            answer = sender(context, config).text(number, code, validMinutes);
        } catch (IOException e) {
            LOG.warnf("notification-service could not be asked to text a login code: %s", e.getMessage());
            fail(context, AuthenticationFlowError.INTERNAL_ERROR, 503, "temporarily_unavailable",
                    "the code cannot be texted now; try again in a minute");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(context, AuthenticationFlowError.INTERNAL_ERROR, 503, "temporarily_unavailable", "interrupted");
            return;
        }
        if (answer.status() == 429) {
            Response limited = errorResponse(429, "slow_down", "this number had its codes for now; try again in "
                    + answer.retryAfterSeconds().orElse(60L) + " s");
            context.failure(AuthenticationFlowError.USER_TEMPORARILY_DISABLED, Response.fromResponse(limited)
                    .header("Retry-After", answer.retryAfterSeconds().orElse(60L)).build());
            return;
        }
        if (!answer.accepted()) {
            LOG.warnf("notification-service did not text a login code: %d %s", answer.status(), answer.body());
            fail(context, AuthenticationFlowError.INTERNAL_ERROR, 503, "temporarily_unavailable",
                    "the code cannot be texted now; try again in a minute");
            return;
        }
        // A new code replaces the last one: only the latest text counts.
        store(context).put(key(context, number), Duration.ofMinutes(validMinutes).toSeconds(),
                LoginCodes.issued(code, Instant.now().plus(Duration.ofMinutes(validMinutes)), attempts));
        fail(context, AuthenticationFlowError.INVALID_CREDENTIALS, 401, "code_sent",
                "a code was texted to the number; send it as 'code' with the number within " + validMinutes
                        + " minutes");
    }

    private void checkCode(AuthenticationFlowContext context, String number, String code) {
        SingleUseObjectProvider store = store(context);
        String key = key(context, number);
        Map<String, String> state = store.get(key);
        if (state == null) {
            fail(context, AuthenticationFlowError.EXPIRED_CODE, 400, "invalid_grant",
                    "code: no code is pending for this number (expired, used or never sent); ask for a new one");
            return;
        }
        LoginCodes.Attempt attempt = LoginCodes.attempt(state, code, Instant.now());
        attempt.keep().ifPresentOrElse(kept -> store.replace(key, kept), () -> store.remove(key));
        switch (attempt.outcome()) {
            case RIGHT -> {
                context.setUser(account(context, number));
                context.success();
            }
            case WRONG -> fail(context, AuthenticationFlowError.INVALID_CREDENTIALS, 401, "invalid_grant",
                    "code: wrong code; " + attempt.attemptsLeft() + " attempts left");
            case LOCKED -> fail(context, AuthenticationFlowError.INVALID_CREDENTIALS, 401, "invalid_grant",
                    "code: wrong code and no attempts left; ask for a new one");
            case EXPIRED -> fail(context, AuthenticationFlowError.EXPIRED_CODE, 400, "invalid_grant",
                    "code: the code expired; ask for a new one");
        }
    }

    /** The number's account; created as a volunteer's on the first right code. */
    private static UserModel account(AuthenticationFlowContext context, String number) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getSession().users().getUserByUsername(realm, number);
        if (user == null) {
            user = context.getSession().users().addUser(realm, number);
            user.setEnabled(true);
            RoleModel volunteer = realm.getRole("volunteer");
            if (volunteer != null) {
                user.grantRole(volunteer);
            }
        }
        return user;
    }

    private static boolean isStaff(UserModel user, RealmModel realm) {
        return STAFF_ROLES.stream().map(realm::getRole).anyMatch(role -> role != null && user.hasRole(role));
    }

    private void fail(AuthenticationFlowContext context, AuthenticationFlowError error, int status, String code,
                      String description) {
        context.getEvent().error(error == AuthenticationFlowError.INVALID_CREDENTIALS
                ? Errors.INVALID_USER_CREDENTIALS : Errors.INVALID_REQUEST);
        context.failure(error, errorResponse(status, code, description));
    }

    private static SingleUseObjectProvider store(AuthenticationFlowContext context) {
        return context.getSession().singleUseObjects();
    }

    private static String key(AuthenticationFlowContext context, String number) {
        return "linkage-login-code:" + context.getRealm().getId() + ":" + number;
    }

    private static Map<String, String> config(AuthenticationFlowContext context) {
        AuthenticatorConfigModel model = context.getAuthenticatorConfig();
        return model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    private static LoginCodeSender sender(AuthenticationFlowContext context, Map<String, String> config) {
        String tokenUrl = config.getOrDefault(TOKEN_URL, context.getSession().getContext().getUri().getBaseUri()
                .resolve("realms/" + context.getRealm().getName() + "/protocol/openid-connect/token").toString());
        String notification = config.getOrDefault(NOTIFICATION_URL, "http://notification-service:8080");
        String clientId = config.getOrDefault(CLIENT_ID, "linkage-sms-login");
        String secret = config.getOrDefault(CLIENT_SECRET, "");
        return SENDERS.computeIfAbsent(String.join("|", notification, tokenUrl, clientId, secret),
                ignored -> new LoginCodeSender(URI.create(notification), URI.create(tokenUrl), clientId, secret));
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
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
    public String getReferenceCategory() {
        return "sms-code";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Texts a one-time code through Linkage's notification-service and logs in the number's account "
                + "(created as a volunteer's on first use). Steps aside when the request has no phone_number.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(NOTIFICATION_URL).label("notification-service URL")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("http://notification-service:8080").add()
                .property().name(CLIENT_ID).label("Client id (role identity-provider)")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("linkage-sms-login").add()
                .property().name(CLIENT_SECRET).label("Client secret").secret(true)
                .type(ProviderConfigProperty.PASSWORD).add()
                .property().name(TOKEN_URL).label("Token endpoint (default: this realm's)")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(VALID_MINUTES).label("Minutes a code is valid")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("5").add()
                .property().name(ATTEMPTS).label("Wrong attempts before the code is dropped")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("5").add()
                .build();
    }
}
