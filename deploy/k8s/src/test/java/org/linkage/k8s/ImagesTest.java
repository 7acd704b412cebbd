package org.linkage.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one Dockerfile fits the manifests and the build, and every overlay names a real image of each service. */
class ImagesTest {
    private static final Path DOCKERFILE = Rendering.K8S.resolve("images/Dockerfile.jvm");
    private static final Pattern IMAGE = Pattern.compile("(?<registry>[^/]+)/linkage/(?<service>[a-z-]+):(?<tag>[\\w.-]+)");

    static Iterable<String> overlays() {
        return Rendering.overlays();
    }

    @Test
    void theImageRunsTheJavaTheBuildTargetsAsTheNonRootUserThePodsRequireOnTheirPort() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        String release = match(Files.readString(Rendering.K8S.resolve("../../pom.xml")),
                "<maven.compiler.release>(\\d+)</maven.compiler.release>");

        assertEquals(release, match(dockerfile, "ARG BASE_IMAGE=registry\\.access\\.redhat\\.com/ubi9/openjdk-(\\d+)-runtime:"));
        String user = match(dockerfile, "(?m)^USER (\\S+)$");
        assertTrue(user.matches("\\d+"), "the kubelet verifies runAsNonRoot only for a numeric user, not " + user);
        assertNotEquals("0", user);
        int exposed = Integer.parseInt(match(dockerfile, "(?m)^EXPOSE (\\d+)$"));
        for (String overlay : Rendering.overlays()) {
            for (Deployment deployment : Rendering.of(overlay).all(Deployment.class)) {
                Container container = Workloads.container(deployment);
                assertEquals(String.valueOf(exposed), Workloads.literal(container, Workloads.HTTP_PORT_VARIABLE).orElse(null),
                        overlay + " " + deployment.getMetadata().getName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceRunsItsOwnImageFromTheOverlaysRegistryAndTag(String overlay) {
        for (Deployment deployment : Rendering.of(overlay).all(Deployment.class)) {
            String image = Workloads.container(deployment).getImage();
            Matcher matcher = IMAGE.matcher(image);

            assertTrue(matcher.matches(), () -> overlay + " runs " + image + ", not <registry>/linkage/<service>:<tag>");
            assertEquals(Workloads.module(deployment).orElseThrow().name(), matcher.group("service"));
            assertNotEquals("latest", matcher.group("tag"), "a moving tag makes rollouts unrepeatable");
        }
    }

    private static String match(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), () -> "no " + regex);
        return matcher.group(1);
    }
}
