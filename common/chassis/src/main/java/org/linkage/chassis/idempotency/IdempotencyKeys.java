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
import java.util.Optional;

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
     * @return the id of the resource an earlier request with this key created, if any
     * @throws ProblemException 422 when the key was used before for a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> previous(String scope, String key, String fingerprint) {
        validate(key);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT fingerprint, resource_id FROM linkage_idempotency_key WHERE scope = ?1 AND key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!rows.get(0)[0].equals(fingerprint)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request", List.of());
        }
        return Optional.of((String) rows.get(0)[1]);
    }

    /** @throws ProblemException 409 when a concurrent request with the same key won the race; retry it */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String scope, String key, String fingerprint, String resourceId) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO linkage_idempotency_key (scope, key, fingerprint, resource_id)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, resourceId)
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("A request with the same Idempotency-Key is in progress; retry it");
        }
    }

    /** A stable digest of the request, to tell a true retry from a different request reusing the key. */
    public static String fingerprint(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
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
