package org.linkage.chassis.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #16, SSRF (HIGH): the guard every outbound URL chosen by a third party goes through. */
class DestinationGuardTest {

    private static final List<String> SUITE = List.of("localhost", "notification-service", "activity-service",
            "cluster.local", "internal", "linkage.example.cn");

    /** A fake DNS: names map to fixed answers, so that rebinding and mixed answers can be staged. */
    private static DestinationGuard production(Map<String, String[]> dns) {
        return new DestinationGuard(true, List.of(), SUITE, fakeDns(dns));
    }

    private static DestinationGuard.Resolver fakeDns(Map<String, String[]> dns) {
        return host -> {
            String[] answers = dns.get(host);
            if (answers == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] addresses = new InetAddress[answers.length];
            for (int i = 0; i < answers.length; i++) {
                addresses[i] = InetAddress.getByName(answers[i]);
            }
            return addresses;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "0.0.0.0", "10.0.0.1", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "240.0.0.1", "::", "::1", "fe80::1", "febf::1", "fc00::1", "fd12::1",
            "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "fec0::1"})
    void refusesEveryAddressThatIsNotPublicUnicast(String literal) throws Exception {
        assertNotNull(DestinationGuard.refusal(InetAddress.getByName(literal)), literal);
        String host = literal.contains(":") ? "[" + literal + "]" : literal;
        DestinationRefused refused = assertThrows(DestinationRefused.class,
                () -> production(Map.of()).checkUrl("https://" + host + "/hook"), literal);
        assertFalse(refused.malformed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.63.255.255", "100.128.0.1",
            "169.253.1.1", "192.169.0.1", "2606:4700::1111", "2400:3200::1"})
    void acceptsPublicAddresses(String literal) throws Exception {
        assertNull(DestinationGuard.refusal(InetAddress.getByName(literal)), literal);
    }

    @Test
    void theCloudMetadataAddressIsLinkLocal() throws Exception {
        assertEquals("link-local", DestinationGuard.refusal(InetAddress.getByName("169.254.169.254")));
        assertEquals("link-local", DestinationGuard.refusal(InetAddress.getByName("::ffff:a9fe:a9fe")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost/hook", "https://LOCALHOST./hook", "https://a.localhost/hook",
            "https://notification-service:8084/api/v1/webhooks", "https://activity-service/q/health",
            "https://notification-service.linkage.svc.cluster.local/x", "https://metadata.google.internal/",
            "https://linkage.example.cn/api/v1/needs", "https://api.linkage.example.cn/"})
    void refusesTheSuitesOwnHostsByName(String url) {
        assertThrows(DestinationRefused.class, () -> production(Map.of()).checkUrl(url), url);
    }

    @Test
    void productionRequiresHttps() throws Exception {
        DestinationRefused refused = assertThrows(DestinationRefused.class,
                () -> production(Map.of()).checkUrl("http://city-platform.example.cn/hook"));
        assertFalse(refused.malformed());
        assertEquals("must be an https URL", refused.getMessage());
        assertNotNull(production(Map.of()).checkUrl("https://city-platform.example.cn/hook"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.cn/x", "not a url", "https:///no-host", "/relative",
            "https://user:pass@example.cn/x"})
    void malformedUrlsAreTold(String url) {
        assertTrue(assertThrows(DestinationRefused.class, () -> production(Map.of()).checkUrl(url)).malformed(), url);
    }

    @Test
    void aNameIsCheckedByWhatItResolvesToAndAnyRefusedAnswerRefusesIt() throws Exception {
        DestinationGuard guard = production(Map.of(
                "rebind.example.cn", new String[]{"169.254.169.254"},
                "mixed.example.cn", new String[]{"93.184.216.34", "10.0.0.5"},
                "city-platform.example.cn", new String[]{"93.184.216.34"}));
        // The name passes the check without DNS, and is refused once it resolves to the metadata address.
        assertNotNull(guard.checkUrl("https://rebind.example.cn/hook"));
        assertThrows(DestinationRefused.class, () -> guard.resolve("https://rebind.example.cn/hook"));
        assertThrows(DestinationRefused.class, () -> guard.resolve("https://mixed.example.cn/hook"));
        assertThrows(UnknownHostException.class, () -> guard.resolve("https://nowhere.example.cn/hook"));

        DestinationGuard.Destination destination = guard.resolve("https://city-platform.example.cn/a/b?c=d");
        assertEquals(InetAddress.getByName("93.184.216.34"), destination.address(), "connect to what was checked");
        assertEquals("city-platform.example.cn", destination.host());
        assertEquals(443, destination.port());
        assertTrue(destination.tls());
        assertEquals("/a/b?c=d", destination.pathAndQuery());
    }

    @Test
    void anAllowListedTestHostIsReachedOverHttpOnlyWhenConfigured() throws Exception {
        DestinationGuard test = new DestinationGuard(false, List.of("127.0.0.1"), SUITE,
                fakeDns(Map.of("127.0.0.1", new String[]{"127.0.0.1"}, "localhost", new String[]{"127.0.0.1"})));
        DestinationGuard.Destination receiver = test.resolve("http://127.0.0.1:4567/hooks/a");
        assertEquals(4567, receiver.port());
        assertFalse(receiver.tls());
        // Only the host named is allowed: another loopback name or address is still refused.
        assertThrows(DestinationRefused.class, () -> test.resolve("http://localhost:4567/hooks/a"));
        assertThrows(DestinationRefused.class, () -> test.checkUrl("http://127.0.0.2:4567/hooks/a"));
        assertThrows(DestinationRefused.class, () -> test.checkUrl("http://169.254.169.254/latest/meta-data"));
    }
}
