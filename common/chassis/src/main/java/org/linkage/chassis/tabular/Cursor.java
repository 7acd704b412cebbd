package org.linkage.chassis.tabular;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.Map;
import java.util.stream.Stream;

/**
 * The rows of a native query as a stream the driver fetches in batches: with a fetch size inside a transaction,
 * PostgreSQL's driver reads through a cursor instead of loading every row, so an export runs in constant memory.
 * Close the stream (try-with-resources) before the transaction ends.
 */
public final class Cursor {

    private static final int FETCH_SIZE = 500;

    @SuppressWarnings("unchecked")
    public static Stream<Object[]> rows(EntityManager entityManager, String sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql).setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true);
        parameters.forEach(query::setParameter);
        return query.getResultStream();
    }

    private Cursor() {
    }
}
