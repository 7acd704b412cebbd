package org.linkage.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a service's own code and configuration say it needs from its deployment. */
public record ServiceModule(String name, Path directory, Properties configuration) {
    private static final Path ROOT = Path.of(System.getProperty("linkage.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");
    private static final Pattern OUTGOING_TOPIC = Pattern.compile("mp\\.messaging\\.outgoing\\.[^.]+\\.topic");
    private static final Pattern INCOMING_CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern MEMBER_TOKEN = Pattern.compile("@Path\\(\"(?<path>[^\"]*)\"\\)"
            + "|@(?<http>GET|POST|PUT|DELETE|PATCH|HEAD)\\b"
            + "|\\b(?:public|protected|private)\\s+[\\w<>\\[\\], ?.]+\\s+\\w+\\s*\\(");
    private static final Pattern CREDENTIAL = Pattern.compile(".*[.-](username|password|api-key|secret|token)$");
    private static final Map<String, String> HEALTH_GROUP_PROPERTIES =
            Map.of("live", "liveness-path", "ready", "readiness-path", "started", "startup-path");
    private static final Pattern CLASS_DECLARATION = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)*class\\s+\\w+");

    private static final Path CHASSIS_CONFIGURATION =
            ROOT.resolve("common/chassis/src/main/resources/META-INF/microprofile-config.properties");
    /** A chassis setting read from the environment, with only a development value to fall back on. */
    private static final Pattern CHASSIS_VARIABLE = Pattern.compile("\\$\\{(LINKAGE_[A-Z0-9_]+):");

    private static List<ServiceModule> all;

    /** Every directory of the repository that is a Quarkus service: it has an application.properties. */
    public static synchronized List<ServiceModule> all() {
        if (all == null) {
            all = load();
        }
        return all;
    }

    private static List<ServiceModule> load() {
        try (Stream<Path> children = Files.list(ROOT)) {
            return children.filter(dir -> Files.isRegularFile(applicationProperties(dir)))
                    .sorted()
                    .map(ServiceModule::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path applicationProperties(Path directory) {
        return directory.resolve("src/main/resources/application.properties");
    }

    private static ServiceModule load(Path directory) {
        Properties properties = new Properties();
        try (Reader chassis = Files.newBufferedReader(CHASSIS_CONFIGURATION);
             Reader reader = Files.newBufferedReader(applicationProperties(directory))) {
            // The chassis' own channels (the identity projection's) are every service's, unless it overrides them.
            Properties chassisSettings = new Properties();
            chassisSettings.load(chassis);
            chassisSettings.stringPropertyNames().stream().filter(key -> key.startsWith("mp.messaging."))
                    .forEach(key -> properties.setProperty(key, chassisSettings.getProperty(key)));
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceModule(directory.getFileName().toString(), directory, properties);
    }

    /**
     * The path Quarkus serves a health group ({@code live}, {@code ready}, {@code started}) on, with the service's
     * path settings: a relative path is under its parent's, an absolute one is not.
     */
    public String healthPath(String group) {
        String root = configuration.getProperty("quarkus.http.root-path", "/");
        String nonApplication = under(root, configuration.getProperty("quarkus.http.non-application-root-path", "q"));
        String health = under(nonApplication, configuration.getProperty("quarkus.smallrye-health.root-path", "health"));
        return under(health, configuration.getProperty("quarkus.smallrye-health." + HEALTH_GROUP_PROPERTIES.get(group), group));
    }

    private static String under(String parent, String path) {
        return normalized(path.startsWith("/") ? path : parent + "/" + path);
    }

    /** Health endpoints exist only with SmallRye Health, directly or through the chassis. */
    public boolean servesHealth() {
        String pom = read(directory.resolve("pom.xml"));
        return pom.contains("<artifactId>quarkus-smallrye-health</artifactId>")
                || pom.contains("<artifactId>linkage-chassis</artifactId>");
    }

    /** The name the chassis knows the service by, and names its dead-letter topic after. */
    public String applicationName() {
        return configuration.getProperty("quarkus.application.name", name);
    }

    public Set<String> topics() {
        return propertyValues(CHANNEL_TOPIC);
    }

    /** The topics its incoming channels read. */
    public Set<String> incomingTopics() {
        return propertyValues(INCOMING_TOPIC);
    }

    /** The topics its outgoing channels write (the outbox relay's topics are in docs/events.md instead). */
    public Set<String> outgoingTopics() {
        return propertyValues(OUTGOING_TOPIC);
    }

    /** The consumer groups its incoming channels join: the channel's group.id, else Kafka's, else the name. */
    public Set<String> consumerGroups() {
        Set<String> groups = new TreeSet<>();
        String fallback = configuration.getProperty("kafka.group.id", applicationName());
        for (String key : configuration.stringPropertyNames()) {
            Matcher channel = INCOMING_CHANNEL.matcher(key);
            if (channel.matches()) {
                groups.add(configuration.getProperty("mp.messaging.incoming." + channel.group(1) + ".group.id",
                        fallback).replace("${quarkus.application.name}", applicationName()));
            }
        }
        return groups;
    }

    /** A service with an incoming channel consumes, and the chassis dead-letters what it cannot process. */
    public boolean consumes() {
        return !propertyValues(INCOMING_TOPIC).isEmpty();
    }

    /** The chassis' outbox relay runs unless the service turns it off (linkage.outbox.relay-enabled=false). */
    public boolean relaysOutbox() {
        return !"false".equals(configuration.getProperty("linkage.outbox.relay-enabled", "true").strip());
    }

    /**
     * What every service needs from its deployment because the chassis reads it from the environment and falls back
     * to a development value (the dev token issuer, say).
     */
    public static Set<String> chassisVariablesNeeded() {
        Set<String> needed = new TreeSet<>();
        Matcher variable = CHASSIS_VARIABLE.matcher(read(CHASSIS_CONFIGURATION));
        while (variable.find()) {
            needed.add(variable.group(1));
        }
        return needed;
    }

    /**
     * The settings a cluster must override: whatever points at the developer's machine, and credentials. Named as
     * MicroProfile Config reads them from the environment.
     */
    public Set<String> environmentVariablesNeeded() {
        Set<String> needed = new TreeSet<>(credentialVariables());
        for (String key : configuration.stringPropertyNames()) {
            if (configuration.getProperty(key).contains("localhost")) {
                needed.add(environmentVariable(key));
            }
        }
        return needed;
    }

    /** Logins, passwords and API keys: these must come from a Secret. */
    public Set<String> credentialVariables() {
        Set<String> credentials = new TreeSet<>();
        for (String key : configuration.stringPropertyNames()) {
            if (CREDENTIAL.matcher(key).matches()) {
                credentials.add(environmentVariable(key));
            }
        }
        return credentials;
    }

    public static String environmentVariable(String propertyKey) {
        return propertyKey.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * The paths of the service's REST endpoints, class and method {@code @Path}s joined, as the resource classes
     * declare them ({@code /api/v1/needs/{needId}/assignments}).
     */
    public Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        try (Stream<Path> files = Files.walk(directory.resolve("src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> endpoints.addAll(endpoints(read(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    /** Reads the annotations in order: a class @Path, then per method an optional @Path and an HTTP method. */
    static Set<String> endpoints(String source) {
        Set<String> endpoints = new TreeSet<>();
        Matcher declaration = CLASS_DECLARATION.matcher(source);
        if (!declaration.find()) {
            return endpoints;
        }
        Matcher classPath = PATH.matcher(source.substring(0, declaration.start()));
        if (!classPath.find() || !classPath.group(1).startsWith("/api/")) {
            return endpoints;
        }
        String methodPath = null;
        boolean httpMethod = false;
        Matcher member = MEMBER_TOKEN.matcher(source);
        member.region(declaration.end(), source.length());
        while (member.find()) {
            if (member.group("path") != null) {
                methodPath = member.group("path");
            } else if (member.group("http") != null) {
                httpMethod = true;
            } else {
                // A method declaration: an endpoint if it was annotated as one (or is a sub-resource locator).
                if (httpMethod || methodPath != null) {
                    endpoints.add(join(classPath.group(1), methodPath));
                }
                methodPath = null;
                httpMethod = false;
            }
        }
        return endpoints;
    }

    /** Unlike Quarkus' path settings, a JAX-RS method path is relative to its class path, leading slash or not. */
    private static String join(String classPath, String methodPath) {
        return normalized(methodPath == null ? classPath : classPath + "/" + methodPath);
    }

    private static String normalized(String path) {
        return path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private Set<String> propertyValues(Pattern keys) {
        Set<String> values = new TreeSet<>();
        for (String key : configuration.stringPropertyNames()) {
            if (keys.matcher(key).matches()) {
                values.add(configuration.getProperty(key));
            }
        }
        return values;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
