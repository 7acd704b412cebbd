package org.linkage.notification.push;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.MockApnsServerListener;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Pushy's MockApnsServer over TLS with the test CA's certificate for localhost: records every push it accepts, with
 * its HTTP/2 headers, and answers as APNs does for tokens told to fail (410 Unregistered, 400 BadDeviceToken).
 */
public final class FakeApns {

    /** A push as APNs received it. */
    public record Push(String token, String topic, String pushType, String priority, String expiration,
                       String collapseId, boolean bearerToken, String payload) {
    }

    private final MockApnsServer server;
    private final int port;
    private final List<Push> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, RejectionReason> rejections = new ConcurrentHashMap<>();
    private volatile Consumer<String> watcher;

    private FakeApns(TestCertificates certificates) throws Exception {
        PushNotificationHandler handler = (headers, payload) -> {
            String token = token(headers);
            RejectionReason reason = rejections.get(token);
            if (reason == RejectionReason.UNREGISTERED) {
                throw new UnregisteredDeviceTokenException(Instant.now());
            }
            if (reason != null) {
                throw new RejectedNotificationException(reason);
            }
        };
        server = new MockApnsServerBuilder()
                .setServerCredentials(new java.security.cert.X509Certificate[]{certificates.server(),
                        certificates.ca()}, certificates.serverKey(), null)
                .setHandlerFactory(sslSession -> handler)
                .setListener(new MockApnsServerListener() {
                    @Override
                    public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
                        Consumer<String> watching = watcher;
                        if (watching != null) {
                            watching.accept(payload.toString(StandardCharsets.UTF_8));
                            return;
                        }
                        accepted.add(new Push(token(headers), header(headers, "apns-topic"),
                                header(headers, "apns-push-type"), header(headers, "apns-priority"),
                                header(headers, "apns-expiration"), header(headers, "apns-collapse-id"),
                                String.valueOf(headers.get("authorization")).startsWith("bearer "),
                                payload.toString(StandardCharsets.UTF_8)));
                    }

                    @Override
                    public void handlePushNotificationRejected(Http2Headers headers, ByteBuf payload,
                                                               RejectionReason reason, Instant expiration) {
                    }
                })
                .build();
        port = server.start(0).get(10, TimeUnit.SECONDS);
    }

    public static FakeApns start(TestCertificates certificates) {
        try {
            return new FakeApns(certificates);
        } catch (Exception e) {
            throw new IllegalStateException("the fake APNs did not start", e);
        }
    }

    public int port() {
        return port;
    }

    /** Every later push to this token is refused for this reason. */
    public void reject(String token, RejectionReason reason) {
        rejections.put(token, reason);
    }

    /**
     * From now on each accepted push's payload goes to the watcher, on the server's thread as it is accepted, and is
     * no longer kept: a benchmark times them without the fake holding thousands of pushes in memory.
     */
    public void watch(Consumer<String> payloads) {
        watcher = payloads;
    }

    public List<Push> pushesTo(String token) {
        return accepted.stream().filter(push -> push.token().equals(token)).toList();
    }

    public void stop() {
        server.shutdown().join();
    }

    private static String token(Http2Headers headers) {
        String path = headers.path().toString();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String header(Http2Headers headers, String name) {
        CharSequence value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
