package org.linkage.notification;

import org.linkage.notification.domain.Language;
import org.linkage.notification.service.PreferenceService;
import org.linkage.testing.Eventually;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** What another replica of this service does to the shared database, and waiting until this one has heard it. */
public final class OtherReplica {

    /** One statement in a transaction of its own, as another replica would run it. */
    public static void execute(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** Waits up to 10 s until this replica reads the recipient's language as the one another replica stored. */
    public static Language awaitLanguage(PreferenceService preferences, String recipient, Language stored) {
        return Eventually.latest("the language of " + recipient, () -> preferences.of(recipient).language,
                language -> language == stored, Duration.ofSeconds(10));
    }

    private OtherReplica() {
    }
}
