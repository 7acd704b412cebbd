package org.linkage.notification;

import org.linkage.notification.domain.Language;
import org.linkage.notification.service.PreferenceService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
    public static Language awaitLanguage(PreferenceService preferences, String recipient, Language stored)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (preferences.of(recipient).language != stored && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return preferences.of(recipient).language;
    }

    private OtherReplica() {
    }
}
