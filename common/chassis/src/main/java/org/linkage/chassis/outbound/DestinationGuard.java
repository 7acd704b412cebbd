package org.linkage.chassis.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides whether the suite may send a request to a URL that a third party chose (server-side request forgery): only
 * to public addresses, never to the suite's own hosts, and over https in production. Check the URL when it is given,
 * then {@link #resolve} right before every request and connect to the address it returns, so that a name that
 * resolves elsewhere between the check and the connection (DNS rebinding) changes nothing.
 */
public final class DestinationGuard {

    /** Looks a host name up; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Where to connect: the URL's host (for the Host header, SNI and the certificate) and the checked address. */
    public record Destination(URI uri, String host, int port, boolean tls, InetAddress address) {

        /** The path and query to request. */
        public String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    private final boolean requireHttps;
    private final Set<String> allowedHosts;
    private final List<String> refusedHosts;
    private final Resolver resolver;

    public DestinationGuard(boolean requireHttps, Collection<String> allowedHosts, Collection<String> refusedHosts,
                            Resolver resolver) {
        this.requireHttps = requireHttps;
        this.allowedHosts = allowedHosts.stream().map(DestinationGuard::normalise).collect(Collectors.toSet());
        this.refusedHosts = refusedHosts.stream().map(DestinationGuard::normalise).toList();
        this.resolver = resolver;
    }

    public static DestinationGuard of(OutboundConfig config) {
        return new DestinationGuard(config.requireHttps(), config.allowedHosts().orElse(List.of()),
                Stream.concat(config.refusedHosts().stream(), config.extraRefusedHosts().orElse(List.of()).stream())
                        .toList(),
                InetAddress::getAllByName);
    }

    /** The URL's form and host name, without looking the name up: what can be refused before any DNS. */
    public URI checkUrl(String url) throws DestinationRefused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DestinationRefused("is not a URL", true);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new DestinationRefused("must be an absolute http or https URL with a host", true);
        }
        if (uri.getRawUserInfo() != null) {
            throw new DestinationRefused("must not carry a user name or password", true);
        }
        String host = host(uri);
        if (allowedHosts.contains(host)) {
            return uri;
        }
        if (requireHttps && !scheme.equals("https")) {
            throw new DestinationRefused("must be an https URL", false);
        }
        if (refusedHosts.stream().anyMatch(refused -> host.equals(refused) || host.endsWith("." + refused))) {
            throw new DestinationRefused("names one of the suite's own hosts", false);
        }
        InetAddress literal = literal(host);
        if (literal != null && refusal(literal) != null) {
            throw new DestinationRefused("points at a " + refusal(literal) + " address", false);
        }
        return uri;
    }

    /**
     * Checks the URL, looks its host up and checks every address it has (one refused address refuses the name, so
     * that round-robin answers cannot slip one in).
     *
     * @return the destination, with the address the request must connect to
     */
    public Destination resolve(String url) throws DestinationRefused, UnknownHostException {
        URI uri = checkUrl(url);
        String host = host(uri);
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!allowedHosts.contains(host)) {
            for (InetAddress address : addresses) {
                String refusal = refusal(address);
                if (refusal != null) {
                    throw new DestinationRefused("resolves to a " + refusal + " address", false);
                }
            }
        }
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        return new Destination(uri, host, port, tls, addresses[0]);
    }

    /** Why the suite must not connect to this address, or null for a public unicast address. */
    public static String refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return refusalV6(bytes);
        }
        return "unknown";
    }

    private static String refusalV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "unspecified";
        }
        if (first == 127) {
            return "loopback";
        }
        if (first == 169 && second == 254) {
            return "link-local";
        }
        if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
            return "private";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "shared (carrier-grade NAT)";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second & 0xfe) == 18) {
            return "reserved";
        }
        if (first >= 224 && first <= 239) {
            return "multicast";
        }
        if (first >= 240) {
            return "reserved or broadcast";
        }
        return null;
    }

    private static String refusalV6(byte[] b) {
        boolean firstTenZero = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]);
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return refusalV4(Arrays.copyOfRange(b, 12, 16)); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            if (Arrays.equals(b, new byte[16])) {
                return "unspecified";
            }
            boolean loopback = Arrays.equals(Arrays.copyOf(b, 15), new byte[15]) && b[15] == 1;
            return loopback ? "loopback" : refusalV4(Arrays.copyOfRange(b, 12, 16)); // IPv4-compatible ::a.b.c.d
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return refusalV4(Arrays.copyOfRange(b, 12, 16)); // NAT64 64:ff9b::/96
        }
        if (first == 0x20 && second == 0x02) {
            return refusalV4(Arrays.copyOfRange(b, 2, 6)); // 6to4 2002::/16
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "link-local";
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return "site-local";
        }
        if ((first & 0xfe) == 0xfc) {
            return "private (unique local)";
        }
        if (first == 0xff) {
            return "multicast";
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return "reserved";
        }
        return null;
    }

    /** The host as an address when it is written as one (never a DNS look-up), else null. */
    private static InetAddress literal(String host) {
        boolean looksLiteral = host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        if (!looksLiteral) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String host(URI uri) {
        return normalise(uri.getHost());
    }

    /** Lower case, without the brackets of an IPv6 literal or a final dot. */
    private static String normalise(String host) {
        String plain = host.toLowerCase(Locale.ROOT).strip();
        if (plain.startsWith("[") && plain.endsWith("]")) {
            plain = plain.substring(1, plain.length() - 1);
        }
        return plain.endsWith(".") ? plain.substring(0, plain.length() - 1) : plain;
    }
}
