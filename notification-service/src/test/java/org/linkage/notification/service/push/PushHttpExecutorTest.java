package org.linkage.notification.service.push;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.linkage.notification.service.http.OutboundHttpClients;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A push's completion runs on the bounded outbound executor, not on the common pool or a thread per task. */
class PushHttpExecutorTest {

    @Test
    void pushCompletionRunsOnTheOutboundExecutor() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/send", exchange -> {
            try {
                Thread.sleep(200); // the answer arrives after the stage below is attached
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"name\":\"m1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fake.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/send");
            HttpClient client = PushHttp.client(uri, Duration.ofSeconds(5));
            String thread = PushHttp.postJson(client, uri, Duration.ofSeconds(5), () -> "token", "{}", "FCM")
                    .thenApply(response -> Thread.currentThread().getName())
                    .get(10, TimeUnit.SECONDS);
            assertTrue(thread.startsWith(OutboundHttpClients.THREAD_PREFIX), thread);
        } finally {
            fake.stop(0);
        }
    }
}
