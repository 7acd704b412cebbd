package org.linkage.matching.repository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.events.need.Urgency;
import org.linkage.matching.domain.Assignment;
import org.linkage.matching.domain.AssignmentStatus;
import org.linkage.matching.domain.Need;
import org.linkage.testing.InfrastructureTestResource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A need just raised and its offers are stored by hand-written inserts (in their events' statement), the rest of the
 * time by the ORM: a column added to either table must be added to those inserts too, or it stays null there.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class NativeInsertsTest {

    private static final Pattern COLUMNS = Pattern.compile("INSERT INTO (\\w+) \\(([^)]*)\\)");

    @Inject
    NeedRepository needs;

    @Inject
    AssignmentRepository assignments;

    @Inject
    EntityManager entityManager;

    @Test
    void theInsertsOfANeedJustRaisedAndItsOffersNameEveryColumnOfTheirTables() {
        Need need = new Need();
        need.id = UUID.randomUUID();
        need.urgency = Urgency.EMERGENCY;
        Assignment offer = new Assignment();
        offer.need = need;
        offer.status = AssignmentStatus.OFFERED;

        for (Outbox.Insert insert : List.of(needs.insert(need), assignments.insert(List.of(offer)))) {
            Matcher matcher = COLUMNS.matcher(insert.sql());
            assertTrue(matcher.find(), insert.sql());
            Set<String> named = Arrays.stream(matcher.group(2).split(",")).map(String::strip)
                    .collect(Collectors.toSet());
            assertEquals(columnsOf(matcher.group(1)), named, matcher.group(1));
        }
    }

    private Set<String> columnsOf(String table) {
        List<?> columns = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                                + " AND table_name = ?1", String.class)
                .setParameter(1, table).getResultList());
        return columns.stream().map(String::valueOf).collect(Collectors.toSet());
    }
}
