package org.linkage.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens of the dev issuer, for tests and the local run ({@code deploy/local/mint-token.sh}). The key pair
 * is committed on purpose: it must never be trusted outside the dev, test and local profiles.
 */
public final class Tokens {

    public static final String DEV_ISSUER = "https://linkage.dev/dev-issuer";
    /**
     * A system property naming another issuer to sign as, with the same dev key: the local run's Keycloak, which
     * signs with that key too (deploy/local LocalKeycloak), so that services trusting it also take these tokens.
     */
    public static final String ISSUER_PROPERTY = "linkage.token.issuer";
    /** The audience every service requires (mp.jwt.verify.audiences); Keycloak's linkage-audience mapper adds it. */
    public static final String AUDIENCE = "linkage-api";
    private static final Duration LIFETIME = Duration.ofHours(1);

    private Tokens() {
    }

    /** The claim an identity provider adds for accounts provisioned with a volunteer id (a fast path). */
    public static final String VOLUNTEER_ID_CLAIM = "volunteer_id";

    /**
     * A volunteer's token as an identity provider that provisioned the account would issue it: the subject is the
     * login's own ({@link #subjectOf}), never the volunteer id, and the {@code volunteer_id} claim names the
     * volunteer. Every test using it proves that the services resolve the caller instead of reading the subject.
     */
    public static String volunteer(UUID volunteerId) {
        return sign(claims(subjectOf(volunteerId), "volunteer").claim(VOLUNTEER_ID_CLAIM, volunteerId.toString()),
                "dev-issuer-private.pem");
    }

    /** A volunteer's token, as {@link #volunteer(UUID)}, that expires this soon. */
    public static String volunteer(UUID volunteerId, Duration lifetime) {
        return sign(claims(subjectOf(volunteerId), "volunteer").claim(VOLUNTEER_ID_CLAIM, volunteerId.toString())
                .expiresAt(Instant.now().plus(lifetime)), "dev-issuer-private.pem");
    }

    /** The dev issuer's login subject of a provisioned volunteer: derived from the id, but not equal to it. */
    public static String subjectOf(UUID volunteerId) {
        return UUID.nameUUIDFromBytes(("linkage-dev-login:" + volunteerId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * A person logged in with the volunteer role and no volunteer_id claim, as after a phone-number login: acts as
     * a volunteer only once the identity (dev issuer, subject) is linked, by an invitation code or by registering.
     */
    public static String login(String subject) {
        return sign(claims(subject, "volunteer"), "dev-issuer-private.pem");
    }

    public static String socialWorker(String staffId, String community) {
        return sign(claims(staffId, "social-worker").claim("community", community), "dev-issuer-private.pem");
    }

    /** A social worker of the community who also leads its station (groups social-worker and station-lead). */
    public static String stationLead(String staffId, String community) {
        return sign(claims(staffId, "social-worker").groups(Set.of("social-worker", "station-lead"))
                .claim("community", community), "dev-issuer-private.pem");
    }

    public static String admin(String staffId) {
        return sign(claims(staffId, "admin"), "dev-issuer-private.pem");
    }

    public static String integrator(String clientId, String... scopes) {
        return sign(claims(clientId, "integrator").claim("scope", String.join(" ", scopes)),
                "dev-issuer-private.pem");
    }

    /** The identity provider's own client (client credentials), which asks for login codes to be texted. */
    public static String identityProvider(String clientId) {
        return sign(claims(clientId, "identity-provider"), "dev-issuer-private.pem");
    }

    /** A token of the right issuer that expired an hour ago. */
    public static String expired(String subject, String role) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(Jwt.issuer(issuer()).audience(AUDIENCE).subject(subject).groups(Set.of(role)).issuedAt(past)
                .expiresAt(past.plus(LIFETIME)), "dev-issuer-private.pem");
    }

    /** A well-formed token claiming the dev issuer but signed by a key nobody trusts. */
    public static String forged(String subject, String role) {
        return sign(claims(subject, role), "foreign-issuer-private.pem");
    }

    /** A valid-looking token from another issuer (its own key, its own name). */
    public static String fromOtherIssuer(String subject, String role) {
        return sign(Jwt.issuer("https://sso.elsewhere.example/realms/other").audience(AUDIENCE).subject(subject)
                .groups(Set.of(role)).issuedAt(Instant.now()).expiresAt(Instant.now().plus(LIFETIME)),
                "foreign-issuer-private.pem");
    }

    /** A token of the dev issuer, rightly signed, but meant for another audience (another system's API). */
    public static String forAudience(String audience, String subject, String role) {
        return sign(claims(subject, role).audience(audience), "dev-issuer-private.pem");
    }

    /** A token of the dev issuer, rightly signed, that names no audience at all. */
    public static String withoutAudience(String subject, String role) {
        return sign(Jwt.issuer(issuer()).subject(subject).upn(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(LIFETIME)), "dev-issuer-private.pem");
    }

    private static JwtClaimsBuilder claims(String subject, String role) {
        return Jwt.issuer(issuer()).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(LIFETIME));
    }

    /** The dev issuer, unless {@link #ISSUER_PROPERTY} names another. */
    public static String issuer() {
        return System.getProperty(ISSUER_PROPERTY, DEV_ISSUER);
    }

    private static String sign(JwtClaimsBuilder claims, String keyResource) {
        return claims.jws().keyId(keyResource.startsWith("dev") ? "linkage-dev" : "foreign").sign(key(keyResource));
    }

    private static PrivateKey key(String resource) {
        try (InputStream in = Tokens.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    /**
     * Prints a token: {@code volunteer <uuid>}, {@code social-worker <id> <community>}, {@code admin <id>} or
     * {@code integrator <client-id> <scope>...}.
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: volunteer <uuid> | social-worker <id> <community> | admin <id> | "
                    + "integrator <client-id> <scope>...");
            System.exit(2);
        }
        String token = switch (args[0]) {
            case "volunteer" -> volunteer(UUID.fromString(args[1]));
            case "social-worker" -> socialWorker(args[1], args.length > 2 ? args[2] : "");
            case "admin" -> admin(args[1]);
            case "integrator" -> integrator(args[1], Arrays.copyOfRange(args, 2, args.length));
            default -> throw new IllegalArgumentException("unknown role " + args[0]);
        };
        System.out.println(token);
    }
}
