package org.linkage.local;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.auth.AuthenticationToken;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.MockApnsServerListener;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Local stand-ins for the services notification-service reaches people through, so that the local run and the demo
 * show pushes and SMS without any account or network: Pushy's MockApnsServer for APNs (TLS with a certificate made
 * now for localhost, provider tokens checked against the .p8 key made now), and one WireMock server answering as
 * Google's OAuth server and FCM HTTP v1, Huawei's OAuth server and Push Kit, Aliyun SMS and Tencent Cloud SMS, in
 * their own shapes. Every key is generated at start and lives only in this process and notification-service's
 * environment. Each push or SMS received is told in one line on the console and in {@code logs/fakes.log}; WireMock
 * keeps the requests at {@code /__admin/requests}. As the real providers do, the SMS fakes report each accepted
 * message delivered a moment later, to notification-service's report callback ({@link SmsReportCallbacks}).
 */
final class LocalFakes implements AutoCloseable {

    static final String APNS_TOPIC = "org.linkage.app";
    private static final String APNS_TEAM_ID = "LOCALTEAM1";
    private static final String APNS_KEY_ID = "LOCALKEY01";
    private static final String FCM_PROJECT = "linkage-local";
    private static final String FCM_CLIENT_EMAIL = "push@linkage-local.iam.gserviceaccount.com";
    private static final String HUAWEI_CLIENT_ID = "108000001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MockApnsServer apns;
    private final int apnsPort;
    private final WireMockServer wireMock;
    private final Map<String, String> settings;
    private final Path logFile;
    private final SmsReportCallbacks reports;

    private LocalFakes(MockApnsServer apns, int apnsPort, WireMockServer wireMock, Map<String, String> settings,
                       Path logFile, SmsReportCallbacks reports) {
        this.reports = reports;
        this.apns = apns;
        this.apnsPort = apnsPort;
        this.wireMock = wireMock;
        this.settings = settings;
        this.logFile = logFile;
    }

    /**
     * Starts both fakes on these ports; what they receive is told on {@code out} and in {@code logFile}. The SMS
     * providers' delivery reports go to {@code notificationService}'s report endpoints.
     */
    static LocalFakes start(int wireMockPort, int apnsPort, Path logFile, PrintStream out, String notificationService)
            throws Exception {
        Journal journal = new Journal(out, logFile);
        String aliyunCallbackToken = randomHex(16);
        String tencentCallbackToken = randomHex(16);
        SmsReportCallbacks reports = new SmsReportCallbacks(notificationService, aliyunCallbackToken,
                tencentCallbackToken, line -> journal.tell("SMS report", line, null, "sent"));
        journal.reports = reports;
        KeyPair apnsKey = keyPair("EC", new ECGenParameterSpec("secp256r1"));
        KeyPair serviceAccount = keyPair("RSA", null);
        String huaweiSecret = randomHex(16);
        ServerCertificate certificate = ServerCertificate.create();
        MockApnsServer apns = startApns(certificate, new ApnsVerificationKey(APNS_KEY_ID, APNS_TEAM_ID,
                (ECPublicKey) apnsKey.getPublic()), journal, apnsPort);
        WireMockServer wireMock = new WireMockServer(options().bindAddress("127.0.0.1").port(wireMockPort)
                .extensions(journal));
        try {
            wireMock.start();
        } catch (RuntimeException e) {
            apns.shutdown().join();
            reports.close();
            throw e;
        }
        stubPushServices(wireMock, serviceAccount.getPublic(), huaweiSecret);
        stubSmsProviders(wireMock);
        String base = "http://127.0.0.1:" + wireMock.port();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("LINKAGE_PUSH_APNS_HOST", "localhost");
        settings.put("LINKAGE_PUSH_APNS_PORT", Integer.toString(apnsPort));
        settings.put("LINKAGE_PUSH_APNS_TEAM_ID", APNS_TEAM_ID);
        settings.put("LINKAGE_PUSH_APNS_KEY_ID", APNS_KEY_ID);
        settings.put("LINKAGE_PUSH_APNS_SIGNING_KEY", pem("PRIVATE KEY", apnsKey.getPrivate().getEncoded()));
        settings.put("LINKAGE_PUSH_APNS_TOPIC", APNS_TOPIC);
        settings.put("LINKAGE_PUSH_APNS_TRUSTED_CERTIFICATES", pem("CERTIFICATE", certificate.chain()[0]
                .getEncoded()));
        settings.put("LINKAGE_PUSH_FCM_ENDPOINT", base + "/fcm");
        settings.put("LINKAGE_PUSH_FCM_TOKEN_ENDPOINT", base + "/google/token");
        settings.put("LINKAGE_PUSH_FCM_PROJECT_ID", FCM_PROJECT);
        settings.put("LINKAGE_PUSH_FCM_CLIENT_EMAIL", FCM_CLIENT_EMAIL);
        settings.put("LINKAGE_PUSH_FCM_PRIVATE_KEY", pem("PRIVATE KEY", serviceAccount.getPrivate().getEncoded()));
        settings.put("LINKAGE_PUSH_HUAWEI_ENDPOINT", base + "/huawei");
        settings.put("LINKAGE_PUSH_HUAWEI_TOKEN_ENDPOINT", base + "/huawei-oauth/oauth2/v3/token");
        settings.put("LINKAGE_PUSH_HUAWEI_CLIENT_ID", HUAWEI_CLIENT_ID);
        settings.put("LINKAGE_PUSH_HUAWEI_CLIENT_SECRET", huaweiSecret);
        settings.put("LINKAGE_SMS_ALIYUN_ENDPOINT", base + "/aliyun/");
        settings.put("LINKAGE_SMS_ALIYUN_ACCESS_KEY_ID", "LTAIlocal" + randomHex(8));
        settings.put("LINKAGE_SMS_ALIYUN_ACCESS_KEY_SECRET", randomHex(15));
        settings.put("LINKAGE_SMS_TENCENT_ENDPOINT", base + "/tencent/");
        settings.put("LINKAGE_SMS_TENCENT_SECRET_ID", "AKIDlocal" + randomHex(8));
        settings.put("LINKAGE_SMS_TENCENT_SECRET_KEY", randomHex(16));
        settings.put("LINKAGE_SMS_ALIYUN_CALLBACK_TOKEN", aliyunCallbackToken);
        settings.put("LINKAGE_SMS_TENCENT_CALLBACK_TOKEN", tencentCallbackToken);
        return new LocalFakes(apns, apnsPort, wireMock, settings, logFile, reports);
    }

    /** notification-service's environment: the fakes' addresses and the credentials made for them. */
    Map<String, String> settings() {
        return settings;
    }

    String wireMockUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    void printUrls(PrintStream out) {
        out.printf("  %-22s localhost:%d (Pushy MockApnsServer, TLS with a certificate made at start)%n", "APNs (fake)",
                apnsPort);
        out.printf("  %-22s %s/fcm, /huawei, /aliyun/, /tencent/ (WireMock)%n", "FCM/Huawei/SMS (fake)",
                wireMockUrl());
        out.println("  Pushes and SMS sent:   one line each here and in " + logFile);
        out.println("                         requests in full: " + wireMockUrl() + "/__admin/requests (not APNs)");
    }

    @Override
    public void close() {
        reports.close();
        wireMock.stop();
        apns.shutdown().join();
    }

    // ---- APNs

    private static MockApnsServer startApns(ServerCertificate certificate, ApnsVerificationKey key, Journal journal,
                                            int port) throws Exception {
        PushNotificationHandler handler = (headers, payload) -> {
            CharSequence authorization = headers.get("authorization");
            if (authorization == null || !authorization.toString().startsWith("bearer ")) {
                throw new RejectedNotificationException(RejectionReason.MISSING_PROVIDER_TOKEN);
            }
            if (!providerTokenValid(authorization.toString().substring("bearer ".length()), key)) {
                throw new RejectedNotificationException(RejectionReason.INVALID_PROVIDER_TOKEN);
            }
            CharSequence topic = headers.get("apns-topic");
            if (topic == null) {
                throw new RejectedNotificationException(RejectionReason.MISSING_TOPIC);
            }
            if (!APNS_TOPIC.contentEquals(topic)) {
                throw new RejectedNotificationException(RejectionReason.TOPIC_DISALLOWED);
            }
            if (!deviceToken(headers).matches("[0-9a-fA-F]{64}")) {
                throw new RejectedNotificationException(RejectionReason.BAD_DEVICE_TOKEN);
            }
        };
        MockApnsServer server = new MockApnsServerBuilder()
                .setServerCredentials(certificate.chain(), certificate.key(), null)
                .setHandlerFactory(session -> handler)
                .setListener(new MockApnsServerListener() {
                    @Override
                    public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
                        journal.apns(headers, payload.toString(StandardCharsets.UTF_8), "accepted (200)");
                    }

                    @Override
                    public void handlePushNotificationRejected(Http2Headers headers, ByteBuf payload,
                                                               RejectionReason reason, Instant expiration) {
                        journal.apns(headers, payload == null ? "{}" : payload.toString(StandardCharsets.UTF_8),
                                "refused (" + reason + ")");
                    }
                })
                .build();
        server.start(port).get(30, TimeUnit.SECONDS);
        return server;
    }

    private static boolean providerTokenValid(String jwt, ApnsVerificationKey key) {
        try {
            AuthenticationToken token = new AuthenticationToken(jwt);
            return key.getKeyId().equals(token.getKeyId()) && key.getTeamId().equals(token.getTeamId())
                    && token.verifySignature(key);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static String deviceToken(Http2Headers headers) {
        String path = String.valueOf(headers.path());
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // ---- FCM and Huawei Push Kit

    private static void stubPushServices(WireMockServer wireMock, PublicKey serviceAccount, String huaweiSecret) {
        // Google's OAuth server: the service account's RS256 assertion for an access token.
        wireMock.stubFor(post(urlPathEqualTo("/google/token")).atPriority(1)
                .withFormParam("grant_type", equalTo("urn:ietf:params:oauth:grant-type:jwt-bearer"))
                .andMatching(request -> MatchResult.of(assertionValid(request, serviceAccount)))
                .willReturn(json(200, "{\"access_token\": \"ya29.local-" + randomHex(24)
                        + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
        wireMock.stubFor(post(urlPathEqualTo("/google/token")).atPriority(9)
                .willReturn(json(400, "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT "
                        + "Signature.\"}")));
        wireMock.stubFor(post(urlPathEqualTo("/fcm/v1/projects/" + FCM_PROJECT + "/messages:send")).atPriority(1)
                .withHeader("Authorization", matching("Bearer ya29\\.local-.+"))
                .willReturn(json(200, "{\"name\": \"projects/" + FCM_PROJECT + "/messages/0:"
                        + "{{randomValue length=16 type='NUMERIC'}}%{{randomValue length=16 type='HEXADECIMAL'}}\"}")
                        .withTransformers("response-template")));
        wireMock.stubFor(post(urlPathEqualTo("/fcm/v1/projects/" + FCM_PROJECT + "/messages:send")).atPriority(9)
                .willReturn(json(401, "{\"error\": {\"code\": 401, \"message\": \"Request had invalid "
                        + "authentication credentials. Expected OAuth 2 access token, login cookie or other valid "
                        + "authentication credential.\", \"status\": \"UNAUTHENTICATED\"}}")));
        // Huawei's OAuth server: client credentials for an access token.
        wireMock.stubFor(post(urlPathEqualTo("/huawei-oauth/oauth2/v3/token")).atPriority(1)
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo(HUAWEI_CLIENT_ID))
                .withFormParam("client_secret", equalTo(huaweiSecret))
                .willReturn(json(200, "{\"access_token\": \"DAE.local" + randomHex(24) + "\", \"expires_in\": 3600, "
                        + "\"token_type\": \"Bearer\"}")));
        wireMock.stubFor(post(urlPathEqualTo("/huawei-oauth/oauth2/v3/token")).atPriority(9)
                .willReturn(json(400, "{\"error\": 1101, \"sub_error\": 20152, \"error_description\": "
                        + "\"invalid client\"}")));
        wireMock.stubFor(post(urlPathEqualTo("/huawei/v1/" + HUAWEI_CLIENT_ID + "/messages:send")).atPriority(1)
                .withHeader("Authorization", matching("Bearer DAE\\.local.+"))
                .willReturn(json(200, "{\"code\": \"80000000\", \"msg\": \"Success\", "
                        + "\"requestId\": \"{{randomValue length=22 type='NUMERIC'}}\"}")
                        .withTransformers("response-template")));
        wireMock.stubFor(post(urlPathEqualTo("/huawei/v1/" + HUAWEI_CLIENT_ID + "/messages:send")).atPriority(9)
                .willReturn(json(401, "{\"code\": \"80200003\", \"msg\": \"OAuth token expired\", "
                        + "\"requestId\": \"0\"}")));
    }

    /** The assertion is a JWT for FCM's scope, signed RS256 by the service account's key. */
    private static boolean assertionValid(Request request, PublicKey serviceAccount) {
        try {
            String assertion = formField(request.getBodyAsString(), "assertion");
            String[] parts = assertion.split("\\.");
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(serviceAccount);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2]))
                    && FCM_CLIENT_EMAIL.equals(claims.path("iss").asText())
                    && claims.path("scope").asText().contains("firebase.messaging");
        } catch (Exception notValid) {
            return false;
        }
    }

    private static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    // ---- SMS providers

    private static void stubSmsProviders(WireMockServer wireMock) {
        // Aliyun SendSms (RPC style): the signed parameters in the query string.
        wireMock.stubFor(post(urlPathEqualTo("/aliyun/")).atPriority(1)
                .withQueryParam("Action", equalTo("SendSms"))
                .withQueryParam("SignatureMethod", equalTo("HMAC-SHA1"))
                .withQueryParam("Signature", matching(".+"))
                .willReturn(json(200, "{\"RequestId\": \"{{randomValue type='UUID'}}\", \"Code\": \"OK\", "
                        + "\"Message\": \"OK\", \"BizId\": \"{{randomValue length=18 type='NUMERIC'}}^0\"}")
                        .withTransformers("response-template")));
        wireMock.stubFor(post(urlPathEqualTo("/aliyun/")).atPriority(9)
                .willReturn(json(400, "{\"RequestId\": \"{{randomValue type='UUID'}}\", \"Code\": "
                        + "\"MissingSignature\", \"Message\": \"Signature is mandatory for this action.\"}")
                        .withTransformers("response-template")));
        // Tencent Cloud SendSms (2021-01-11): a JSON body signed with TC3-HMAC-SHA256.
        wireMock.stubFor(post(urlPathEqualTo("/tencent/")).atPriority(1)
                .withHeader("X-TC-Action", equalTo("SendSms"))
                .withHeader("X-TC-Version", equalTo("2021-01-11"))
                .withHeader("Authorization", containing("TC3-HMAC-SHA256 Credential="))
                .willReturn(json(200, "{\"Response\": {\"SendStatusSet\": [{\"SerialNo\": \"2028:"
                        + "{{randomValue length=20 type='NUMERIC'}}\", \"PhoneNumber\": "
                        + "\"{{jsonPath request.body '$.PhoneNumberSet[0]'}}\", \"Fee\": 1, \"SessionContext\": "
                        + "\"{{jsonPath request.body '$.SessionContext'}}\", \"Code\": \"Ok\", "
                        + "\"Message\": \"send success\", \"IsoCode\": \"CN\"}], "
                        + "\"RequestId\": \"{{randomValue type='UUID'}}\"}}")
                        .withTransformers("response-template")));
        wireMock.stubFor(post(urlPathEqualTo("/tencent/")).atPriority(9)
                .willReturn(json(200, "{\"Response\": {\"Error\": {\"Code\": \"AuthFailure.SignatureFailure\", "
                        + "\"Message\": \"The provided credentials could not be validated.\"}, "
                        + "\"RequestId\": \"{{randomValue type='UUID'}}\"}}")
                        .withTransformers("response-template")));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }

    // ---- what was received, one line each

    /** Tells each push and SMS the fakes received, with the token's or number's tail only. */
    static final class Journal implements ServeEventListener {

        private final PrintStream out;
        private final Path logFile;
        /** Sends the providers' delivery reports of what they accepted. */
        private SmsReportCallbacks reports;

        Journal(PrintStream out, Path logFile) {
            this.out = out;
            this.logFile = logFile;
        }

        @Override
        public String getName() {
            return "linkage-journal";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            Request request = event.getRequest();
            String path = URI.create(request.getUrl()).getPath();
            int status = event.getResponse().getStatus();
            String answer = event.getResponse().getBodyAsString();
            try {
                if (path.startsWith("/fcm/")) {
                    JsonNode message = JSON.readTree(request.getBodyAsString()).path("message");
                    tell("FCM", "push to " + tail(message.path("token").asText()), message.path("notification"),
                            status + " " + compact(answer));
                } else if (path.startsWith("/huawei/")) {
                    JsonNode message = JSON.readTree(request.getBodyAsString()).path("message");
                    tell("Huawei Push", "push to " + tail(message.path("token").path(0).asText()),
                            message.path("android").path("notification"), status + " " + compact(answer));
                } else if (path.startsWith("/aliyun/")) {
                    String phone = request.queryParameter("PhoneNumbers").firstValue();
                    JsonNode accepted = JSON.readTree(answer);
                    if (status == 200 && "OK".equals(accepted.path("Code").asText()) && reports != null) {
                        reports.aliyunAccepted(phone, accepted.path("BizId").asText(),
                                request.queryParameter("OutId").isPresent()
                                        ? request.queryParameter("OutId").firstValue() : "");
                    }
                    tell("Aliyun SMS", "SMS to " + masked(phone) + " " + request.queryParameter("SignName")
                            .firstValue() + " " + request.queryParameter("TemplateCode").firstValue() + " "
                            + request.queryParameter("TemplateParam").firstValue(), null, status + " "
                            + compact(answer));
                } else if (path.startsWith("/tencent/")) {
                    JsonNode body = JSON.readTree(request.getBodyAsString());
                    JsonNode sent = JSON.readTree(answer).path("Response").path("SendStatusSet").path(0);
                    if (status == 200 && "Ok".equals(sent.path("Code").asText()) && reports != null) {
                        reports.tencentAccepted(sent.path("PhoneNumber").asText(), sent.path("SerialNo").asText());
                    }
                    tell("Tencent SMS", "SMS to " + masked(body.path("PhoneNumberSet").path(0).asText()) + " "
                            + body.path("SignName").asText() + " " + body.path("TemplateId").asText() + " "
                            + body.path("TemplateParamSet"), null, status + " " + compact(answer));
                }
            } catch (IOException | RuntimeException notReadable) {
                tell(path, "a request that is not the provider's shape", null, Integer.toString(status));
            }
        }

        void apns(Http2Headers headers, String payload, String outcome) {
            JsonNode alert;
            try {
                alert = JSON.readTree(payload).path("aps").path("alert");
            } catch (IOException e) {
                alert = null;
            }
            tell("APNs", "push to " + tail(deviceToken(headers)) + " (" + headers.get("apns-push-type") + ", "
                    + levelOf(payload) + ")", alert, outcome);
        }

        private static String levelOf(String payload) {
            try {
                return JSON.readTree(payload).path("aps").path("interruption-level").asText("active");
            } catch (IOException e) {
                return "?";
            }
        }

        private synchronized void tell(String fake, String what, JsonNode notification, String outcome) {
            String text = notification == null || notification.isMissingNode() ? ""
                    : " \"" + notification.path("title").asText() + "\"";
            String line = "[fake " + fake + " " + LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "] " + what + text
                    + " -> " + outcome;
            out.println(line);
            try {
                Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                out.println("(could not write " + logFile + ": " + e + ")");
            }
        }

        private static String compact(String answer) {
            String oneLine = answer == null ? "" : answer.replaceAll("\\s+", " ");
            return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
        }

        private static String tail(String token) {
            return "…" + (token.length() > 6 ? token.substring(token.length() - 6) : token);
        }

        private static String masked(String phone) {
            return phone.length() > 7 ? phone.substring(0, phone.length() - 8) + "****"
                    + phone.substring(phone.length() - 4) : phone;
        }
    }

    // ---- keys and the APNs certificate, made at start

    private static KeyPair keyPair(String algorithm, ECGenParameterSpec curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(curve);
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A self-signed certificate for localhost (SAN dns:localhost, ip:127.0.0.1), made by the JDK's keytool. */
    private record ServerCertificate(X509Certificate[] chain, PrivateKey key) {

        static ServerCertificate create() throws Exception {
            Path directory = Files.createTempDirectory("linkage-fake-apns");
            Path store = directory.resolve("apns.p12");
            String password = randomHex(12);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool")
                    .toString(), "-genkeypair", "-alias", "apns", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "30",
                    "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass",
                    password, "-noprompt").redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the fake APNs certificate: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(new ByteArrayInputStream(Files.readAllBytes(store)), password.toCharArray());
            Files.delete(store);
            Files.delete(directory);
            return new ServerCertificate(new X509Certificate[]{(X509Certificate) keys.getCertificate("apns")},
                    (PrivateKey) keys.getKey("apns", password.toCharArray()));
        }
    }
}
