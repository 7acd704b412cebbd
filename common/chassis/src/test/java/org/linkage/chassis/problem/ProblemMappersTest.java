package org.linkage.chassis.problem;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import org.junit.jupiter.api.Test;
import org.linkage.testing.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemMappersTest {

    @Test
    void lostRacesAreConcurrentChangesOtherDatabaseErrorsAreNot() {
        assertTrue(ProblemMappers.isConcurrentChange(new OptimisticLockException("stale")));
        assertTrue(ProblemMappers.isConcurrentChange(new StaleObjectStateException("Volunteer", UUID.randomUUID())));
        assertTrue(ProblemMappers.isConcurrentChange(new SQLException("could not serialize", "40001")));
        assertTrue(ProblemMappers.isConcurrentChange(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMappers.isConcurrentChange(new SQLException("no such table", "42P01")));
        assertFalse(ProblemMappers.isConcurrentChange(new SQLException("no state")));
        assertFalse(ProblemMappers.isConcurrentChange(new IllegalStateException("bug")));
    }

    @Test
    void onlyTheFormParsersOwnFailuresAreMalformedForms() {
        assertTrue(ProblemMappers.isMalformedForm(new MultipartParser.MalformedMessageException()));
        IOException truncated = new IOException("Connection terminated parsing multipart request");
        assertFalse(ProblemMappers.isMalformedForm(truncated), "not thrown by the parser");
        truncated.setStackTrace(new StackTraceElement[]{new StackTraceElement(
                MultiPartParserDefinition.class.getName() + "$MultiPartUploadHandler", "parseBlocking", null, 250)});
        assertTrue(ProblemMappers.isMalformedForm(truncated));
        IOException diskFull = new IOException("No space left on device");
        diskFull.setStackTrace(truncated.getStackTrace());
        assertFalse(ProblemMappers.isMalformedForm(diskFull));
    }

    @Test
    void aPoolWithNoConnectionFreeInTimeIsOverloadedAndAnswers503WithRetryAfter() throws SQLException {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofMillis(100))
                        .connectionFactoryConfiguration(factory -> factory
                                .jdbcUrl(EmbeddedPostgres.jdbcUrl("postgres"))
                                .principal(new NamePrincipal(EmbeddedPostgres.username()))
                                .credential(new SimplePassword(EmbeddedPostgres.password()))));
        SQLException refused;
        try (AgroalDataSource dataSource = AgroalDataSource.from(config); Connection held = dataSource.getConnection()) {
            refused = assertThrows(SQLException.class, dataSource::getConnection);
        }
        assertTrue(ProblemMappers.isPoolExhausted(refused), refused::toString);
        assertFalse(ProblemMappers.isPoolExhausted(new SQLException("Sorry, acquisition timeout!")),
                "the same words from elsewhere");
        assertFalse(ProblemMappers.isPoolExhausted(new SQLException("connection refused", "08001")));

        Response overloaded = ProblemMappers.overloaded(null);
        assertEquals(503, overloaded.getStatus());
        assertEquals("2", overloaded.getHeaderString("Retry-After"));
        assertEquals(ProblemMappers.OVERLOADED, ((Problem) overloaded.getEntity()).type());
    }

    @Test
    void theLoserOfARaceHears409Or412WithIfMatch() {
        assertEquals(409, ProblemMappers.concurrentChange(null, null).getStatus());
        assertEquals(409, ProblemMappers.concurrentChange(" ", null).getStatus());
        assertEquals(412, ProblemMappers.concurrentChange("\"3\"", null).getStatus());
        assertEquals(Problem.MEDIA_TYPE, ProblemMappers.concurrentChange(null, null).getMediaType().toString());
    }

    @Test
    void aWrongTypeIsExplainedByTheTypeExpected() {
        assertEquals("must be an integer", ProblemMappers.expected(Integer.class));
        assertEquals("must be a string", ProblemMappers.expected(String.class));
        assertEquals("must be true or false", ProblemMappers.expected(boolean.class));
        assertEquals("must be a date or time in ISO 8601 form", ProblemMappers.expected(Instant.class));
        assertEquals("must be an array", ProblemMappers.expected(List.class));
    }
}
