package org.linkage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keycloak, the identity provider, as its own process: the {@code linkage} realm imported (staff of two communities
 * with password + TOTP, the mobile app's client with the phone-number login of deploy/keycloak-sms-login, an
 * integrator's client), signing with the dev issuer's key so that the services' local key file verifies both its
 * tokens and those of mint-token.sh. Keycloak 26 needs Java 21+: without one the suite runs on dev tokens only.
 */
public final class LocalKeycloak implements AutoCloseable {

    /** The staff the realm holds, all with the same local password and one TOTP secret (authenticator apps). */
    public record Staff(String username, String group) {
    }

    public static final List<Staff> STAFF = List.of(new Staff("sw-liu", "/social-workers/双井社区"),
            new Staff("sw-zhao", "/social-workers/九龙山社区"), new Staff("admin-demo", "/district-admins"));
    public static final String STAFF_PASSWORD = "linkage-local-password";
    /** The raw TOTP secret (Keycloak keys HMAC-SHA1 with its UTF-8 bytes); Base32 for an app: see printUrls. */
    public static final String STAFF_TOTP_SECRET = "linkage-local-totp-secret";
    public static final String PARTNER_CLIENT = "partner-city-hospital";
    public static final String PARTNER_SECRET = "local-partner-secret";
    public static final String APP_CLIENT = "linkage-app";

    /** As Keycloak stores an OTP credential's settings: the realm's policy (TOTP, 6 digits, 30 s, SHA-1). */
    private static final String TOTP_POLICY = "{\\\"subType\\\":\\\"totp\\\",\\\"digits\\\":6,\\\"counter\\\":0,"
            + "\\\"period\\\":30,\\\"algorithm\\\":\\\"HmacSHA1\\\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path logFile;

    private LocalKeycloak(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** A JDK 21+ for Keycloak: LINKAGE_KEYCLOAK_JAVA_HOME, this JVM, or one in /usr/lib/jvm. */
    public static Optional<Path> java21() {
        return Jdks.atLeast(21, "LINKAGE_KEYCLOAK_JAVA_HOME");
    }

    /**
     * Starts Keycloak on {@code port}; {@code persistent} keeps its users (people who logged in by phone) from one
     * start to the next, otherwise it holds them in memory. Returns at once; {@link #awaitReady} waits for the realm.
     */
    public static LocalKeycloak start(Path root, Path javaHome, int port, String notificationServiceUrl,
                                      boolean persistent, Path logFile) throws IOException, InterruptedException {
        Path home = unpacked(root);
        Path jar = providerJar(root);
        Files.copy(jar, home.resolve("providers/linkage-keycloak-sms-login.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(imports.resolve("linkage-realm.json"), realm(notificationServiceUrl));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm",
                // Keycloak's management interface would take port 9000 by default.
                "--http-management-port=" + (port + 1)));
        // Kept: Keycloak's own file database in its directory; otherwise in memory, gone at the end.
        command.add(persistent ? "--db=dev-file" : "--db=dev-mem");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        return new LocalKeycloak(builder.start(), port, logFile);
    }

    /** The issuer of the realm's tokens, which the services are told to trust. */
    public String issuer() {
        return baseUrl() + "/realms/linkage";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + logFile);
    }

    public void printUrls(PrintStream out) {
        out.printf("  %-22s %s/admin (admin/admin); realm linkage: %s%n", "Keycloak", baseUrl(), issuer());
        out.printf("  %-22s %s (password %s, TOTP secret %s in Base32)%n", "  staff",
                STAFF.stream().map(Staff::username).collect(Collectors.joining(", ")), STAFF_PASSWORD,
                Totp.base32(STAFF_TOTP_SECRET.getBytes(StandardCharsets.UTF_8)));
        out.printf("  %-22s POST %s client_id=%s grant_type=password phone_number=138... (then + code=...)%n",
                "  volunteers", tokenEndpoint(), APP_CLIENT);
    }

    @Override
    public void close() throws InterruptedException {
        // kc.sh runs Keycloak's JVM as its child: stop that too.
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 20, TimeUnit.SECONDS).join();
            child.destroyForcibly();
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static Path unpacked(Path root) throws IOException, InterruptedException {
        Path target = root.resolve("deploy/local/target/keycloak");
        Path archive = target.resolve("keycloak-dist.tar.gz");
        if (!Files.exists(archive)) {
            throw new IllegalStateException(archive + " is missing; run ./mvnw package first");
        }
        Path marker = target.resolve("unpacked");
        if (!Files.exists(marker)) {
            Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", target.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("Cannot unpack " + archive + ": " + output);
            }
            Files.writeString(marker, "");
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("keycloak-")
                    && Files.isDirectory(path)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak in " + target));
        }
    }

    private static Path providerJar(Path root) throws IOException {
        Path target = root.resolve("deploy/keycloak-sms-login/target");
        try (Stream<Path> jars = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return jars.filter(path -> path.getFileName().toString().matches("linkage-keycloak-sms-login-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("The SMS login provider is not built in "
                            + target + "; run ./mvnw package first"));
        }
    }

    private static String realm(String notificationServiceUrl) throws IOException {
        String template;
        try (InputStream in = LocalKeycloak.class.getResourceAsStream("/keycloak/linkage-realm.json");
             InputStream key = LocalKeycloak.class.getResourceAsStream("/org/linkage/testing/dev-issuer-private.pem")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String pem = new String(key.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            template = template.replace("@DEV_PRIVATE_KEY@", pem);
        }
        String staff = STAFF.stream().map(person -> """
                {"username": "%s", "enabled": true, "email": "%s@linkage.local", "emailVerified": true,
                 "firstName": "%s", "lastName": "Linkage", "groups": ["%s"],
                 "credentials": [{"type": "password", "value": "%s", "temporary": false},
                   {"type": "otp", "userLabel": "phone", "secretData": "{\\"value\\":\\"%s\\"}",
                    "credentialData": "%s"}]}"""
                .formatted(person.username(), person.username(), person.username(), person.group(), STAFF_PASSWORD,
                        STAFF_TOTP_SECRET, TOTP_POLICY)).collect(Collectors.joining(",\n"));
        return template.replace("@STAFF@", staff).replace("@NOTIFICATION_URL@", notificationServiceUrl);
    }
}
