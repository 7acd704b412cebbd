package org.linkage.volunteer.repository;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * V16 on data written before it, in a schema of its own: free-text organisations become catalogue entries the
 * volunteers refer to, nothing lost; ledger entries take the group their volunteer is in; the six group types stay.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class GroupCatalogueMigrationTest {

    // Connections of their own, not the pool's: the service's connections must never see this schema.
    private static String setting(String name) {
        Config config = ConfigProvider.getConfig();
        return config.getValue("quarkus.datasource." + name, String.class);
    }

    private static Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(setting("jdbc.url"), setting("username"), setting("password"))
                .schemas(schema).locations("db/migration", "db/chassis").target(target).load();
    }

    private static Connection connect(String schema) throws SQLException {
        Connection connection = DriverManager.getConnection(setting("jdbc.url"), setting("username"),
                setting("password"));
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET search_path TO " + schema);
        }
        return connection;
    }

    @Test
    void freeTextOrganisationsBecomeEntriesAndLedgerEntriesTakeTheVolunteersGroup() throws SQLException {
        String schema = "legacy_" + UUID.randomUUID().toString().substring(0, 8);
        flyway(schema, "15").migrate();
        try (Connection connection = connect(schema); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO volunteer (id, name, phone, status, created_at, updated_at, group_type, organisation)
                    VALUES ('00000000-0000-0000-0000-000000000001', '张伟', '13800000001', 'ACTIVE', now(), now(),
                            'RIDER', '美团'),
                           ('00000000-0000-0000-0000-000000000002', '刘强', '13800000002', 'ACTIVE', now(), now(),
                            'RIDER', '美团'),
                           ('00000000-0000-0000-0000-000000000003', '李娜', '13800000003', 'ACTIVE', now(), now(),
                            'COLLEGE_STUDENT', '复旦大学 (邯郸校区)'),
                           ('00000000-0000-0000-0000-000000000004', '王芳', '13800000004', 'ACTIVE', now(), now(),
                            NULL, '复旦大学 (邯郸校区)'),
                           ('00000000-0000-0000-0000-000000000005', '赵磊', '13800000005', 'ACTIVE', now(), now(),
                            'PARTY_MEMBER', NULL)""");
            sql.execute("""
                    INSERT INTO hours_entry (id, volunteer_id, source, source_id, service_date, hours, confirmed_by,
                                             recorded_at)
                    VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'NEED', gen_random_uuid(),
                            '2026-11-03', 2.5, 'sw-liu', now()),
                           (gen_random_uuid(), '00000000-0000-0000-0000-000000000005', 'NEED', gen_random_uuid(),
                            '2026-11-04', 1, 'sw-liu', now())""");

            flyway(schema, "16").migrate();

            assertEquals(List.of("COLLEGE_STUDENT|大学生", "COMMUNITY_MOTHER|社区妈妈", "OTHER|其他",
                    "PARTY_MEMBER|党员", "RESIDENT|居民", "RIDER|骑手"), rows(sql,
                    "SELECT code || '|' || name_zh FROM volunteer_group_type ORDER BY code"));
            // One entry per distinct text, named as written; of the group type only when all its volunteers share it.
            assertEquals(List.of("美团|美团|RIDER|2", "复旦大学 (邯郸校区)|复旦大学 (邯郸校区)|-|2"), rows(sql, """
                    SELECT o.name_zh || '|' || o.name_en || '|' || coalesce(o.group_type, '-') || '|' || count(v.id)
                      FROM organisation o JOIN volunteer v ON v.organisation = o.code
                     GROUP BY o.code ORDER BY count(v.id) DESC, o.name_zh DESC"""));
            assertEquals(List.of("0"), rows(sql, "SELECT count(*) FROM volunteer WHERE organisation IS NOT NULL"
                    + " AND organisation !~ '^org-[0-9a-f]{12}$'"));
            assertEquals(List.of("RIDER|" + "美团", "PARTY_MEMBER|-"), rows(sql, """
                    SELECT e.group_type || '|' || coalesce(o.name_zh, '-')
                      FROM hours_entry e LEFT JOIN organisation o ON o.code = e.organisation
                     ORDER BY e.service_date"""));
            // The ledger is append-only again, and the catalogue now guards the group types.
            assertThrows(SQLException.class, () -> sql.execute("UPDATE hours_entry SET group_type = 'OTHER'"));
            assertThrows(SQLException.class, () -> sql.execute(
                    "UPDATE volunteer SET group_type = 'ALIENS' WHERE phone = '13800000005'"));
        } finally {
            try (Connection connection = connect("public"); Statement sql = connection.createStatement()) {
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
