package org.linkage.keycloak;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticatorConfigModel;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * What both phone-number logins (the app's token-endpoint screen and the browser form) do with a code: text it
 * through notification-service and remember only its hash in Keycloak's single-use store, then check an attempt and
 * find or create the number's account. The authenticators only turn the outcomes into their own answers.
 */
final class TextedCodes {

    static final String NOTIFICATION_URL = "notificationServiceUrl";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String TOKEN_URL = "tokenUrl";
    static final String VALID_MINUTES = "validMinutes";
    static final String ATTEMPTS = "attempts";

    private static final Logger LOG = Logger.getLogger(TextedCodes.class);
    private static final List<String> STAFF_ROLES = List.of("social-worker", "admin");
    private static final Map<String, LoginCodeSender> SENDERS = new ConcurrentHashMap<>();

    enum Texted { SENT, LIMITED, UNAVAILABLE, STAFF }

    /** How texting went; {@code retryAfterSeconds} when LIMITED, {@code validMinutes} when SENT. */
    record Texting(Texted outcome, long retryAfterSeconds, int validMinutes) {
    }

    /** How an attempt went; {@code outcome} null when no code is pending; {@code user} when RIGHT. */
    record Checked(LoginCodes.Outcome outcome, int attemptsLeft, UserModel user) {
    }

    private TextedCodes() {
    }

    /** The settings both authenticators take (the realm's authenticator config). */
    static List<ProviderConfigProperty> configProperties() {
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

    static Texting text(AuthenticationFlowContext context, String number) {
        Map<String, String> config = config(context);
        int validMinutes = Integer.parseInt(config.getOrDefault(VALID_MINUTES, "5"));
        int attempts = Integer.parseInt(config.getOrDefault(ATTEMPTS, "5"));
        UserModel existing = context.getSession().users().getUserByUsername(context.getRealm(), number);
        if (existing != null && isStaff(existing, context.getRealm())) {
            return new Texting(Texted.STAFF, 0, validMinutes);
        }
        String code = LoginCodes.newCode();
        LoginCodeSender.Answer answer;
        try {
            answer = sender(context, config).text(number, code, validMinutes);
        } catch (IOException e) {
            LOG.warnf("notification-service could not be asked to text a login code: %s", e.getMessage());
            return new Texting(Texted.UNAVAILABLE, 0, validMinutes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Texting(Texted.UNAVAILABLE, 0, validMinutes);
        }
        if (answer.status() == 429) {
            return new Texting(Texted.LIMITED, answer.retryAfterSeconds().orElse(60L), validMinutes);
        }
        if (!answer.accepted()) {
            LOG.warnf("notification-service did not text a login code: %d %s", answer.status(), answer.body());
            return new Texting(Texted.UNAVAILABLE, 0, validMinutes);
        }
        // A new code replaces the last one: only the latest text counts.
        store(context).put(key(context, number), Duration.ofMinutes(validMinutes).toSeconds(),
                LoginCodes.issued(code, Instant.now().plus(Duration.ofMinutes(validMinutes)), attempts));
        return new Texting(Texted.SENT, 0, validMinutes);
    }

    static Checked check(AuthenticationFlowContext context, String number, String code) {
        SingleUseObjectProvider store = store(context);
        String key = key(context, number);
        Map<String, String> state = store.get(key);
        if (state == null) {
            return new Checked(null, 0, null);
        }
        LoginCodes.Attempt attempt = LoginCodes.attempt(state, code, Instant.now());
        attempt.keep().ifPresentOrElse(kept -> store.replace(key, kept), () -> store.remove(key));
        UserModel user = attempt.outcome() == LoginCodes.Outcome.RIGHT ? account(context, number) : null;
        return new Checked(attempt.outcome(), attempt.attemptsLeft(), user);
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
}
