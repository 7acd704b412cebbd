package org.linkage.chassis.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * The dev token issuer's private key is public knowledge (it sits in the repository for the local run and the
 * tests), so a production service that trusted it would accept anyone's tokens. This refuses to start then.
 */
public class DevIssuerGuard {

    /** The issuer the dev key pair signs as; see {@code deploy/local/mint-token.sh}. */
    public static final String DEV_ISSUER = "https://linkage.dev/dev-issuer";

    void refuseDevIssuerInProduction(@Observes StartupEvent startup,
                                     @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
                                     @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keys) {
        String refusal = refusal(ConfigUtils.getProfiles(), issuer.orElse(""), keys.orElse(""));
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
    }

    /** Why the configuration must not start, or null when it may. */
    static String refusal(List<String> profiles, String issuer, String keyLocation) {
        if (!profiles.contains("prod")) {
            return null;
        }
        if (DEV_ISSUER.equals(issuer) || keyLocation.contains("dev-issuer")) {
            return "The dev token issuer is configured in the prod profile; set LINKAGE_AUTH_ISSUER and "
                    + "LINKAGE_AUTH_JWKS_URL to the real identity provider";
        }
        if (issuer.isBlank() || keyLocation.isBlank()) {
            return "No token issuer configured: set LINKAGE_AUTH_ISSUER and LINKAGE_AUTH_JWKS_URL";
        }
        return null;
    }
}
