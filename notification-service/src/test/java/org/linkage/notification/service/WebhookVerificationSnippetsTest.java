package org.linkage.notification.service;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook verification snippets of docs/integrators.md, run as written: each accepts a delivery signed by
 * {@link WebhookSignature} (also with a rotated secret beside the old one) and refuses a changed body, another
 * secret and an old timestamp. Python and JavaScript run where python3 and node are on the PATH (CI's machine).
 */
class WebhookVerificationSnippetsTest {

    private static final String SECRET = "whsec-integrator-secret-0123456789abcdef";
    private static final String BODY = "{\"eventId\":\"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f\","
            + "\"eventType\":\"AssignmentAccepted\",\"payload\":{\"needId\":\"无人接单\"}}";
    private static final long NOW = 1_796_460_000L;

    /** Each case: secret, header, body, now, whether the snippet must accept it. */
    private static final List<Object[]> CASES = List.of(
            new Object[]{SECRET, WebhookSignature.header(List.of(SECRET), NOW - 5, BODY), BODY, NOW, true},
            new Object[]{SECRET, WebhookSignature.header(List.of("the-new-secret-0123456789abcdefgh", SECRET), NOW,
                    BODY), BODY, NOW, true},
            new Object[]{SECRET, WebhookSignature.header(List.of(SECRET), NOW, BODY), BODY.replace("Accepted",
                    "Declined"), NOW, false},
            new Object[]{"another-secret-0123456789abcdefghij", WebhookSignature.header(List.of(SECRET), NOW, BODY),
                    BODY, NOW, false},
            new Object[]{SECRET, WebhookSignature.header(List.of(SECRET), NOW - 3600, BODY), BODY, NOW, false});

    @Test
    void theJavaSnippetVerifies() {
        String snippet = snippet("java");
        try (JShell shell = JShell.create()) {
            for (SnippetEvent event : shell.eval(snippet)) {
                assertEquals(Snippet.Status.VALID, event.status(), () -> "the snippet does not compile: "
                        + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
            }
            for (Object[] c : CASES) {
                String call = "verify(\"" + c[0] + "\", \"" + c[1] + "\", \"" + escape((String) c[2]) + "\", "
                        + c[3] + "L)";
                List<SnippetEvent> result = shell.eval(call);
                assertEquals(String.valueOf(c[4]), result.get(0).value(), call);
            }
        }
    }

    @Test
    void thePythonSnippetVerifies() throws Exception {
        runs("python", "python3", """
                import sys
                secret, header, body, now = sys.argv[1], sys.argv[2], sys.argv[3].encode(), int(sys.argv[4])
                print("true" if verify(secret, header, body, now) else "false")
                """, ".py");
    }

    @Test
    void theJavaScriptSnippetVerifies() throws Exception {
        runs("javascript", "node", """
                const [secret, header, body, now] = process.argv.slice(2);
                console.log(String(verify(secret, header, body, Number(now))));
                """, ".js");
    }

    private static void runs(String language, String command, String harness, String suffix) throws Exception {
        Assumptions.assumeTrue(onPath(command), command + " is not on this machine's PATH");
        Path script = Files.createTempFile("webhook-verify", suffix);
        try {
            Files.writeString(script, snippet(language) + "\n" + harness);
            for (Object[] c : CASES) {
                Process process = new ProcessBuilder(command, script.toString(), (String) c[0], (String) c[1],
                        (String) c[2], String.valueOf(c[3])).redirectErrorStream(true).start();
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), command + " did not finish");
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertEquals(String.valueOf(c[4]), output, language + " on " + c[1]);
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String snippet(String language) {
        try {
            String guide = Files.readString(Path.of("..", "docs", "integrators.md"));
            Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(guide);
            assertTrue(block.find(), "docs/integrators.md has no " + language + " snippet");
            return block.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
