package org.linkage.chassis.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * Refuses a production start that would run on development settings: the dev token issuer or its key (its private
 * key is in the repository, so it would accept anyone's tokens), no issuer at all, and every setting a service lists
 * under {@code linkage.production.must-set."<property>"} (a secret or an endpoint) that still has the value packaged
 * in the jar, a placeholder, or (endpoints) a loopback address. Production is every profile but dev, test and local.
 */
@ApplicationScoped
public class ProductionReadiness {

    /** The issuer the dev key pair signs as; see {@code deploy/local/mint-token.sh}. */
    public static final String DEV_ISSUER = "https://linkage.dev/dev-issuer";
    /** The profiles that may run on development settings; {@code local} is the local launcher's. */
    public static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test", "local");
    static final String MUST_SET = "linkage.production.must-set.";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String KEYS = "mp.jwt.verify.publickey.location";
    /**
     * Values from sources below this ordinal come with the jar (application.properties is 250, the chassis' file
     * 100); a config/application.properties beside it is 260, environment variables 300, system properties 400.
     */
    static final int OPERATOR_ORDINAL = 260;
    private static final Set<String> PLACEHOLDERS = Set.of("change-me", "changeme", "changeit", "secret", "password");

    /** What a setting must not keep in production. */
    public enum Kind {
        /** A password or key: not the packaged one, not blank, not a placeholder. */
        SECRET,
        /** A provider's or the infrastructure's address: not the packaged one, not blank, not loopback. */
        ENDPOINT
    }

    /** A setting's value and whether it came from the jar itself rather than from the operator. */
    public record Setting(String value, boolean packaged) {
    }

    /** Before every other start observer (schedulers, Kafka consumers): nothing may run on these settings. */
    void refuseDevelopmentSettingsInProduction(@Observes @Priority(Integer.MIN_VALUE) StartupEvent startup,
                                               Config config) {
        List<String> refusals = refusals(ConfigUtils.getProfiles(), config);
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("Refusing a production start (profile " + String.join(",",
                    ConfigUtils.getProfiles()) + "), which must not run on development settings:\n - "
                    + String.join("\n - ", refusals));
        }
    }

    public static boolean isProduction(List<String> profiles) {
        return profiles.stream().noneMatch(DEVELOPMENT_PROFILES::contains);
    }

    /** The refusals for this configuration; empty when it may start. */
    public static List<String> refusals(List<String> profiles, Config config) {
        SmallRyeConfig smallRye = config.unwrap(SmallRyeConfig.class);
        Map<String, Kind> mustSet = new TreeMap<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(MUST_SET))
                .forEach(name -> mustSet.put(name.substring(MUST_SET.length()).replace("\"", ""),
                        Kind.valueOf(config.getValue(name, String.class).trim().toUpperCase(Locale.ROOT))));
        return refusals(profiles, mustSet, name -> {
            ConfigValue value = smallRye.getConfigValue(name);
            return new Setting(value.getValue(), value.getValue() != null
                    && value.getConfigSourceOrdinal() < OPERATOR_ORDINAL);
        });
    }

    /** The pure rule: what in these settings may not start in these profiles. */
    public static List<String> refusals(List<String> profiles, Map<String, Kind> mustSet,
                                        Function<String, Setting> settings) {
        List<String> refusals = new ArrayList<>();
        if (!isProduction(profiles)) {
            return refusals;
        }
        String issuer = valueOf(settings.apply(ISSUER));
        String keys = valueOf(settings.apply(KEYS));
        if (DEV_ISSUER.equals(issuer) || keys.contains("dev-issuer")) {
            refusals.add(ISSUER + " / " + KEYS + ": the dev token issuer is configured; set LINKAGE_AUTH_ISSUER and "
                    + "LINKAGE_AUTH_JWKS_URL to the real identity provider");
        } else if (issuer.isBlank() || keys.isBlank()) {
            refusals.add(ISSUER + " / " + KEYS + ": no token issuer is configured; set LINKAGE_AUTH_ISSUER and "
                    + "LINKAGE_AUTH_JWKS_URL to the real identity provider");
        }
        mustSet.forEach((name, kind) -> {
            String problem = problem(kind, settings.apply(name));
            if (problem != null) {
                refusals.add(name + ": " + problem + "; set " + environmentVariable(name));
            }
        });
        return refusals;
    }

    private static String problem(Kind kind, Setting setting) {
        String value = valueOf(setting);
        if (value.isBlank()) {
            return "is not set";
        }
        if (setting.packaged()) {
            return "still has the development default packaged with the service (" + shown(kind, value) + ")";
        }
        if (kind == Kind.SECRET && PLACEHOLDERS.contains(value.trim().toLowerCase(Locale.ROOT))) {
            return "is a placeholder";
        }
        if (kind == Kind.ENDPOINT && namesLoopback(value)) {
            return "names a loopback address (" + value + ")";
        }
        return null;
    }

    /** Secrets are never printed, not even the packaged ones. */
    private static String shown(Kind kind, String value) {
        return kind == Kind.SECRET ? "a development secret" : value;
    }

    private static String valueOf(Setting setting) {
        return setting == null || setting.value() == null ? "" : setting.value();
    }

    /** Whether an address (a URL, a JDBC URL, a host, or a list of host:port) names this machine. */
    static boolean namesLoopback(String address) {
        for (String part : address.split(",")) {
            String candidate = part.trim().replaceFirst("^jdbc:", "");
            String host;
            if (candidate.contains("://")) {
                try {
                    host = URI.create(candidate).getHost();
                } catch (IllegalArgumentException e) {
                    host = null;
                }
                if (host == null) {
                    // e.g. a JDBC URL listing several hosts: take what stands between "//" and the path.
                    host = candidate.substring(candidate.indexOf("://") + 3).split("[/?]")[0];
                }
            } else {
                host = candidate;
            }
            if (isLoopbackHost(stripPort(host))) {
                return true;
            }
        }
        return false;
    }

    private static String stripPort(String hostAndPort) {
        String host = hostAndPort.trim();
        if (host.startsWith("[")) {
            return host.substring(1, Math.max(1, host.indexOf(']')));
        }
        return host.chars().filter(c -> c == ':').count() == 1 ? host.substring(0, host.indexOf(':')) : host;
    }

    private static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1") || h.equals("0.0.0.0") || h.equals("::");
    }

    /** How an operator sets the property: its environment variable, as SmallRye Config maps it. */
    static String environmentVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
