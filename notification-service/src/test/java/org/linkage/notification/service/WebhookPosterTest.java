package org.linkage.notification.service;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue #16, SSRF: an attempt records a fixed category, never the cause's text or class. */
class WebhookPosterTest {

    @Test
    void failuresBecomeShortCategories() {
        assertEquals("timeout", WebhookPoster.category(new TimeoutException("after 10 s")));
        assertEquals("timeout", WebhookPoster.category(new ExecutionException(
                new io.netty.channel.ConnectTimeoutException("connection timed out: /10.0.0.1:80"))));
        assertEquals("connection_refused", WebhookPoster.category(new ExecutionException(
                new ConnectException("Connection refused: /127.0.0.1:1"))));
        assertEquals("tls", WebhookPoster.category(new ExecutionException(
                new RuntimeException(new SSLHandshakeException("PKIX path building failed")))));
        assertEquals("unknown_host", WebhookPoster.category(new UnknownHostException("nowhere.example.cn")));
        assertEquals("io_error", WebhookPoster.category(new ExecutionException(
                new IllegalStateException("Connection was closed"))));
    }

    @Test
    void aFailureIsLoggedByItsCausesClassesNeverItsWords() {
        String logged = WebhookPoster.causeClasses(new ExecutionException(
                new IllegalStateException("root:x:0:0 from 10.0.0.1", new ConnectException("refused"))));
        assertEquals("java.util.concurrent.ExecutionException < java.lang.IllegalStateException"
                + " < java.net.ConnectException", logged);
    }
}
