package org.linkage.chassis.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.InjectableBean;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.HttpServer;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import jakarta.validation.Validator;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Does the request path's one-time work once, just after the start, so that the first requests do not: loading and
 * linking the bearer token check's classes (jose4j, the JDK's RSA; in production also the issuer's key set fetched),
 * building the JSON readers and writers of every resource method's body and answer, and the validation metadata of the
 * bodies, the event consumers and the JSON readers of the events they take, and Hibernate's read path (each entity
 * looked up and queried where no row can match), and the HTTP path up to the security check (a request to each resource
 * with that token, refused). The first need after a start spent about 125 ms in the token check and 90 ms in reading
 * its JSON, more than all its steps take once warm (docs/performance.md "Start and the first need").
 * <p>
 * It runs beside the start on a thread of its own, so the service is not ready later, and changes and reads nothing:
 * the token it checks and sends carries a signature no key made, and is refused; its lookups and queries match no row.
 */
@ApplicationScoped
public class RequestPathWarmUp {

    private static final Logger LOG = Logger.getLogger(RequestPathWarmUp.class);

    /** What unwraps to the type actually written: Quarkus REST's typed response and the reactive types. */
    private static final Set<String> WRAPPERS = Set.of("org.jboss.resteasy.reactive.RestResponse",
            "io.smallrye.mutiny.Uni", "io.smallrye.mutiny.Multi", "java.util.concurrent.CompletionStage");

    /**
     * Answers of requests refused before the security check: no such path, method, answer type or body type. The
     * forged token then was not even looked at; any other answer but 401 means it passed.
     */
    private static final Set<Integer> NOT_REACHED = Set.of(404, 405, 406, 415);
    private static final Duration SERVER_PATIENCE = Duration.ofSeconds(30);

    /** What a path parameter is given in a request that must be refused anyway. */
    private static final String NIL_ID = new UUID(0, 0).toString();

    /**
     * What the warm-up did.
     *
     * @param prepared JSON readers, writers and validations of the resources' bodies and answers
     * @param consumers event consumers created
     * @param entitiesRead entities looked up where no row can match
     * @param requestsRefused requests over the loopback that were refused (401) for their forged token
     */
    public record Warmed(int prepared, int consumers, int entitiesRead, int requestsRefused) {
    }

    private final JWTParser tokens;
    private final ObjectMapper json;
    private final Validator validator;
    private final EntityManager entities;
    private final Instance<HttpServer> server;
    private final boolean enabled;
    private final CompletableFuture<Warmed> warmed = new CompletableFuture<>();

    RequestPathWarmUp(JWTParser tokens, ObjectMapper json, Validator validator, EntityManager entities,
                      Instance<HttpServer> server,
                      @ConfigProperty(name = "linkage.warm-up.enabled", defaultValue = "true") boolean enabled) {
        this.tokens = tokens;
        this.json = json;
        this.validator = validator;
        this.entities = entities;
        this.server = server;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            warmed.complete(new Warmed(0, 0, 0, 0));
            return;
        }
        Thread worker = new Thread(this::run, "request-path-warm-up");
        worker.setDaemon(true);
        worker.start();
    }

    /** Completes, once the warm-up is over, with what it did; exceptionally if it had to stop. */
    public CompletionStage<Warmed> warmed() {
        return warmed;
    }

    private void run() {
        long began = System.nanoTime();
        try {
            String token = forgedToken();
            checkRefused(token);
            List<Operation> operations = resourceOperations();
            int bodies = prepareBodies(operations);
            int consumers = createConsumers();
            int read = readNothing();
            int refused = askWithForgedToken(token, operations);
            LOG.infof("Request path warmed up in %d ms: the token check, %d JSON readers, writers and validations,"
                    + " %d event consumers, %d entities read, %d requests refused", (System.nanoTime() - began)
                    / 1_000_000, bodies, consumers, read, refused);
            warmed.complete(new Warmed(bodies, consumers, read, refused));
        } catch (RuntimeException e) {
            LOG.warnf("Request path warm-up stopped: %s", e.toString());
            warmed.completeExceptionally(e);
        } finally {
            // Over, whatever happened: the startup check waits for it, and a replica must not stay "starting".
            warmed.completeExceptionally(new IllegalStateException("the warm-up ended abruptly"));
        }
    }

    /** An RS256 token that no key signed. */
    private static String forgedToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        byte[] signature = new byte[256];
        new Random().nextBytes(signature);
        signature[0] = 0; // below any 2048-bit modulus, so the RSA check itself runs
        return base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(("{\"sub\":\"request-path-warm-up\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 60) + "}").getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(signature);
    }

    private void checkRefused(String token) {
        try {
            tokens.parse(token);
            throw new IllegalStateException("a token with a made-up signature was accepted");
        } catch (ParseException refused) {
            // as it must be
        }
    }

    /**
     * One request per resource and HTTP method that needs a login, sent over the loopback with the forged token
     * and refused (401): the HTTP connection, the routing, the security check and the problem answer run once
     * before a real request needs them. Operations open to all are never called (proactive authentication is off,
     * so the token would not stop them). An answer other than 401 or one of {@link #NOT_REACHED} stops the warm-up:
     * the token must never pass.
     */
    private int askWithForgedToken(String token, List<Operation> operations) {
        int port = listeningPort();
        if (port <= 0) {
            return 0;
        }
        int refused = 0;
        // Bounded, so that a server that does not answer cannot hold the startup check for long.
        long deadline = System.nanoTime() + SERVER_PATIENCE.toNanos();
        for (Map.Entry<String, String> operation : guarded(operations).entrySet()) {
            if (System.nanoTime() > deadline) {
                LOG.debugf("Not warmed up: no time left for %s %s", operation.getValue(), operation.getKey());
                break;
            }
            int status;
            try {
                status = ask(port, operation.getValue(), operation.getKey(), token);
            } catch (IOException e) {
                LOG.debugf("Not warmed up: %s %s: %s", operation.getValue(), operation.getKey(), e.toString());
                continue;
            }
            if (status == 401) {
                refused++;
            } else if (!NOT_REACHED.contains(status)) {
                throw new IllegalStateException(operation.getValue() + " " + operation.getKey()
                        + " answered " + status + " to a token with a made-up signature");
            }
        }
        return refused;
    }

    /** The HTTP port once the server listens (it may start after this thread), or -1 if it does not in time. */
    private int listeningPort() {
        if (!server.isResolvable()) {
            return -1;
        }
        long deadline = System.nanoTime() + SERVER_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            int port = server.get().getPort();
            if (port > 0) {
                try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return port;
                } catch (IOException notYet) {
                    // the port is known before the server accepts
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }

    /** A resource method and its HTTP method (GET, POST ...). */
    private record Operation(Class<?> resource, Method method, String verb) {
    }

    /** Every resource method of the application, found once for the steps that need them. */
    private static List<Operation> resourceOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            if (!resource.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    operations.add(new Operation(resource, method, verb));
                }
            }
        }
        return operations;
    }

    /** Path → HTTP method: for each resource, one operation per HTTP method of those that need a login. */
    private static Map<String, String> guarded(List<Operation> operations) {
        Map<String, String> paths = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Operation operation : operations) {
            if (!needsLogin(operation.resource(), operation.method())
                    || !seen.add(operation.resource().getName() + " " + operation.verb())) {
                continue;
            }
            Path sub = operation.method().getAnnotation(Path.class);
            String path = ("/" + operation.resource().getAnnotation(Path.class).value() + "/"
                    + (sub == null ? "" : sub.value())).replaceAll("/+", "/").replaceAll("\\{[^}]*}", NIL_ID);
            paths.putIfAbsent(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path,
                    operation.verb());
        }
        return paths;
    }

    /** The HTTP method a resource method answers, or null if it is none's. */
    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** Roles or a login required, on the method or else on its class; never an operation open to all. */
    private static boolean needsLogin(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(DenyAll.class)) {
            return false;
        }
        if (method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(Authenticated.class)) {
            return true;
        }
        return resource.isAnnotationPresent(RolesAllowed.class) || resource.isAnnotationPresent(Authenticated.class);
    }

    /** An HTTP/1.1 request on a connection of its own; its status. A body, if the method takes one, of {}. */
    private static int ask(int port, String verb, String path, String token) throws IOException {
        boolean body = verb.equals("POST") || verb.equals("PUT") || verb.equals("PATCH");
        String request = verb + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer "
                + token + "\r\n"
                + (body ? "Content-Type: application/json\r\nContent-Length: 2\r\n" : "")
                + "Connection: close\r\n\r\n" + (body ? "{}" : "");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            // "HTTP/1.1 401 Unauthorized"
            String[] statusLine = answer.split("\r\n", 2)[0].split(" ");
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine[0]);
            }
            try {
                return Integer.parseInt(statusLine[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status: " + statusLine[1]);
            }
        }
    }

    /**
     * The beans that consume events, created now rather than at their first record (a normal-scoped bean is created
     * at its first call); building their EventHandlers builds the JSON readers of their events.
     */
    private int createConsumers() {
        int created = 0;
        BeanManager beans = Arc.container().beanManager();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (beans.isNormalScope(bean.getScope()) && Arrays.stream(bean.getBeanClass().getDeclaredMethods())
                    .anyMatch(method -> method.isAnnotationPresent(Incoming.class))) {
                created += ready(() -> ClientProxy.unwrap(Arc.container().instance((InjectableBean<?>) bean).get()));
            }
        }
        return created;
    }

    /** The bodies and answers of every resource method; a type Jackson cannot handle alone is left as it is. */
    private int prepareBodies(List<Operation> operations) {
        Set<Type> bodies = new LinkedHashSet<>();
        Set<Type> answers = new LinkedHashSet<>();
        for (Operation operation : operations) {
            for (Parameter parameter : operation.method().getParameters()) {
                if (Arrays.stream(parameter.getAnnotations()).noneMatch(RequestPathWarmUp::isRequestPart)) {
                    bodies.add(parameter.getParameterizedType());
                }
            }
            answers.add(unwrapped(operation.method().getGenericReturnType()));
        }
        int prepared = 0;
        for (Type body : bodies) {
            JavaType type = json.constructType(body);
            prepared += ready(() -> json.readerFor(type)); // fetches the root deserializer up front
            prepared += ready(() -> validator.getConstraintsForClass(type.getRawClass()));
            // An empty body read and validated: the parser and the validator's reports, run once.
            prepared += ready(() -> validator.validate(read(type)));
        }
        for (Type answer : answers) {
            if (answer != void.class && answer != Void.class && answer != Response.class) {
                prepared += ready(() -> json.writerFor(json.constructType(answer))); // and the root serializer
            }
        }
        return prepared;
    }

    private Object read(JavaType type) {
        try {
            // As bytes, as a request's body comes: the parser of byte input, not the one of text.
            return json.readerFor(type).readValue("{}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Each entity looked up by an id no row has, and queried where no row can match, in a transaction of its own. */
    private int readNothing() {
        int read = 0;
        Set<EntityType<?>> types = QuarkusTransaction.requiringNew().call(() -> entities.getMetamodel().getEntities());
        for (EntityType<?> entity : types) {
            read += ready(() -> QuarkusTransaction.requiringNew().run(() -> {
                Class<?> idType = entity.getIdType().getJavaType();
                if (idType == UUID.class) {
                    entities.find(entity.getJavaType(), new UUID(0, 0));
                } else if (idType == Long.class) {
                    entities.find(entity.getJavaType(), -1L);
                }
                entities.createQuery("select e from " + entity.getName() + " e where 1 = 0", entity.getJavaType())
                        .getResultList();
            }));
        }
        return read;
    }

    private static int ready(Runnable preparation) {
        try {
            preparation.run();
            return 1;
        } catch (RuntimeException notForJackson) {
            LOG.debugf("Not warmed up: %s", notForJackson.toString());
            return 0;
        }
    }

    private static Type unwrapped(Type type) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw && WRAPPERS.contains(raw.getName())) {
            return unwrapped(parameterized.getActualTypeArguments()[0]);
        }
        return type;
    }

    /** A path, query, header, form or context parameter, not the body. */
    private static boolean isRequestPart(Annotation annotation) {
        String name = annotation.annotationType().getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.");
    }
}
