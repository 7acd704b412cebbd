package org.linkage.chassis.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.chassis.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Lets a phone retry a creating POST safely: the first request's resource id is stored under its
 * Idempotency-Key in the same transaction that creates the resource; a retry with the same key and the same
 * body gets that resource back instead of a second one.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final EntityManager entityManager;

    IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Creates a resource once per key: without a key it simply creates; with a key seen before for the same
     * request it returns the id created then.
     *
     * @param request the request body; its {@code toString} (a record's lists every field) identifies a true retry
     * @param create  creates the resource in the caller's transaction and returns its id
     * @throws ProblemException 422 when the key was used for a different request, 409 when a concurrent request
     *                          with the same key is still in progress (retrying then returns its result)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID once(String scope, String key, Object request, Supplier<UUID> create) {
        if (key == null) {
            return create.get();
        }
        validate(key);
        String fingerprint = fingerprint(request);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT fingerprint, resource_id FROM linkage_idempotency_key WHERE scope = ?1 AND key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        if (!rows.isEmpty()) {
            if (!rows.get(0)[0].equals(fingerprint)) {
                throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                        "This Idempotency-Key was already used for a different request", List.of());
            }
            return UUID.fromString((String) rows.get(0)[1]);
        }
        UUID created = create.get();
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO linkage_idempotency_key (scope, key, fingerprint, resource_id)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, created.toString())
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("A request with the same Idempotency-Key is in progress; retry it");
        }
        return created;
    }

    private static String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validate(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }
}
