package org.linkage.chassis.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.InjectableBean;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
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

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
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
 * looked up and queried where no row can match). The first need after a start spent about 125 ms in the token check and
 * 90 ms in reading its JSON, more than all its steps take once warm (docs/performance.md "Start and the first need").
 * <p>
 * It runs beside the start on a thread of its own, so the service is not ready later, and changes and reads nothing:
 * the token it checks carries a signature no key made, and is refused; its lookups and queries match no row.
 */
@ApplicationScoped
public class RequestPathWarmUp {

    private static final Logger LOG = Logger.getLogger(RequestPathWarmUp.class);

    /** What unwraps to the type actually written: Quarkus REST's typed response and the reactive types. */
    private static final Set<String> WRAPPERS = Set.of("org.jboss.resteasy.reactive.RestResponse",
            "io.smallrye.mutiny.Uni", "io.smallrye.mutiny.Multi", "java.util.concurrent.CompletionStage");

    private final JWTParser tokens;
    private final ObjectMapper json;
    private final Validator validator;
    private final EntityManager entities;
    private final boolean enabled;
    private final CompletableFuture<Integer> warmed = new CompletableFuture<>();

    RequestPathWarmUp(JWTParser tokens, ObjectMapper json, Validator validator, EntityManager entities,
                      @ConfigProperty(name = "linkage.warm-up.enabled", defaultValue = "true") boolean enabled) {
        this.tokens = tokens;
        this.json = json;
        this.validator = validator;
        this.entities = entities;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            warmed.complete(0);
            return;
        }
        Thread worker = new Thread(this::run, "request-path-warm-up");
        worker.setDaemon(true);
        worker.start();
    }

    /** Completes, once the warm-up is over, with the number of JSON readers, writers, validations and entities read. */
    public CompletionStage<Integer> warmed() {
        return warmed;
    }

    private void run() {
        long began = System.nanoTime();
        try {
            checkAForgedToken();
            int bodies = prepareBodies();
            int consumers = createConsumers();
            int read = readNothing();
            LOG.infof("Request path warmed up in %d ms: the token check, %d JSON readers, writers and validations,"
                    + " %d event consumers, %d entities read", (System.nanoTime() - began) / 1_000_000, bodies,
                    consumers, read);
            warmed.complete(bodies + consumers + read);
        } catch (RuntimeException e) {
            LOG.warnf("Request path warm-up stopped: %s", e.toString());
            warmed.completeExceptionally(e);
        }
    }

    private void checkAForgedToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        byte[] signature = new byte[256];
        new Random().nextBytes(signature);
        signature[0] = 0; // below any 2048-bit modulus, so the RSA check itself runs
        String token = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(("{\"sub\":\"request-path-warm-up\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 60) + "}").getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(signature);
        try {
            tokens.parse(token);
            throw new IllegalStateException("a token with a made-up signature was accepted");
        } catch (ParseException refused) {
            // as it must be
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
    private int prepareBodies() {
        Set<Type> bodies = new LinkedHashSet<>();
        Set<Type> answers = new LinkedHashSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            if (!resource.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                if (Arrays.stream(method.getAnnotations()).noneMatch(RequestPathWarmUp::isHttpMethod)) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    if (Arrays.stream(parameter.getAnnotations()).noneMatch(RequestPathWarmUp::isRequestPart)) {
                        bodies.add(parameter.getParameterizedType());
                    }
                }
                answers.add(unwrapped(method.getGenericReturnType()));
            }
        }
        int prepared = 0;
        for (Type body : bodies) {
            JavaType type = json.constructType(body);
            prepared += ready(() -> json.readerFor(type)); // fetches the root deserializer up front
            prepared += ready(() -> validator.getConstraintsForClass(type.getRawClass()));
        }
        for (Type answer : answers) {
            if (answer != void.class && answer != Void.class && answer != Response.class) {
                prepared += ready(() -> json.writerFor(json.constructType(answer))); // and the root serializer
            }
        }
        return prepared;
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

    private static boolean isHttpMethod(Annotation annotation) {
        return annotation.annotationType().isAnnotationPresent(HttpMethod.class);
    }

    /** A path, query, header, form or context parameter, not the body. */
    private static boolean isRequestPart(Annotation annotation) {
        String name = annotation.annotationType().getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.");
    }
}
