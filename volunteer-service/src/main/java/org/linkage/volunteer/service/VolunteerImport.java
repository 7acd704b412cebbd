package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.linkage.chassis.problem.ProblemMappers;
import org.linkage.chassis.problem.Violation;
import org.linkage.chassis.tabular.Columns;
import org.linkage.chassis.tabular.Formulas;
import org.linkage.chassis.tabular.RejectedRows;
import org.linkage.chassis.tabular.Table;
import org.linkage.chassis.tabular.TableReader;
import org.linkage.volunteer.api.ImportReport;
import org.linkage.volunteer.api.ProfileRequest;
import org.linkage.volunteer.api.RegisterVolunteerRequest;
import org.linkage.volunteer.domain.Gender;
import org.linkage.volunteer.domain.CatalogueEntry;
import org.linkage.volunteer.domain.CatalogueKind;
import org.linkage.volunteer.repository.SkillRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Registers volunteers from a district's spreadsheet (CSV in UTF-8 or GBK, or .xlsx; Chinese or English headers).
 * The phone number is the natural key: a row whose phone is registered already changes nothing, so the same file
 * can be imported again safely. Staff import the file, so the volunteers are active at once. All or nothing
 * unless the caller asks for a partial import.
 */
@ApplicationScoped
public class VolunteerImport {

    static final int MOST_ROWS = 5000;
    private static final Columns COLUMNS = Columns.of(
            Columns.required("name", "姓名", "名字"),
            Columns.required("phone", "手机号", "手机号码", "手机", "联系电话", "电话"),
            Columns.required("skills", "技能", "特长"),
            Columns.optional("community", "社区", "所属社区"),
            Columns.optional("birthYear", "出生年份", "出生年"),
            Columns.optional("gender", "性别"),
            Columns.optional("languages", "语言"),
            Columns.optional("groupType", "群体", "志愿者类型", "group"),
            Columns.optional("organisation", "单位", "所属单位", "组织"));

    /** How staff write some group types in their spreadsheets, besides the catalogue's labels. */
    private static final Map<String, String> GROUP_ALIASES = Map.of(
            "返乡大学生", "COLLEGE_STUDENT", "在职党员", "PARTY_MEMBER", "外卖骑手", "RIDER", "快递小哥", "RIDER");

    private final VolunteerService volunteerService;
    private final VolunteerRepository volunteers;
    private final SkillRepository skills;
    private final Validator validator;
    private final Catalogues catalogues;

    VolunteerImport(VolunteerService volunteerService, VolunteerRepository volunteers, SkillRepository skills,
                    Validator validator, Catalogues catalogues) {
        this.catalogues = catalogues;
        this.volunteerService = volunteerService;
        this.volunteers = volunteers;
        this.skills = skills;
        this.validator = validator;
    }

    /**
     * @param partial import the valid rows and report the others; otherwise one invalid row refuses the file
     * @throws org.linkage.chassis.problem.ProblemException 400 for an unreadable file, a header without the
     *                                                      required columns, or (not partial) any invalid row
     */
    @Transactional
    public ImportReport importSheet(byte[] file, boolean partial, String by, String community) {
        Table table = TableReader.read(file, MOST_ROWS);
        Map<String, Integer> columns = COLUMNS.positions(table.header());
        List<ImportReport.AcceptedRow> accepted = new ArrayList<>();
        List<ImportReport.AcceptedRow> alreadyRegistered = new ArrayList<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        Map<String, Integer> phonesInFile = new HashMap<>();
        for (Table.Row record : table.rows()) {
            int row = record.number();
            Row parsed = new Row(Columns.values(record, columns));
            List<Violation> violations = parsed.violations();
            if (!violations.isEmpty()) {
                rejected.add(new ImportReport.RejectedRow(row, violations));
                continue;
            }
            String phone = VolunteerService.normalisePhone(parsed.registration.phone());
            Integer earlierRow = phonesInFile.putIfAbsent(phone, row);
            if (earlierRow != null) {
                rejected.add(new ImportReport.RejectedRow(row,
                        List.of(new Violation("phone", "repeats the phone of row " + earlierRow))));
                continue;
            }
            var existing = volunteers.findByPhone(phone);
            if (existing.isPresent()) {
                alreadyRegistered.add(new ImportReport.AcceptedRow(row, existing.get().id));
                continue;
            }
            if (!partial && !rejected.isEmpty()) {
                continue;
            }
            UUID id = volunteerService.registerWithProfile(parsed.registration, parsed.profile,
                    VolunteerService.Registrant.staff(by, community)).id;
            accepted.add(new ImportReport.AcceptedRow(row, id));
        }
        if (!partial && !rejected.isEmpty()) {
            Map<Integer, List<Violation>> byRow = new TreeMap<>();
            rejected.forEach(row -> byRow.put(row.row(), row.violations()));
            // Thrown inside the transaction: rows registered before the first invalid one roll back with it.
            throw RejectedRows.problem(byRow);
        }
        return new ImportReport(table.rows().size(), accepted, alreadyRegistered, rejected);
    }

    /** One data row as the registration and profile it asks for, with what is wrong with it. */
    private final class Row {
        final RegisterVolunteerRequest registration;
        final ProfileRequest profile;
        private final List<Violation> parseViolations = new ArrayList<>();

        Row(Map<String, String> cells) {
            Map<String, String> values = new HashMap<>();
            cells.forEach((name, value) -> {
                if (Formulas.wouldRun(value)) {
                    parseViolations.add(new Violation(name, "starts like a spreadsheet formula (=, +, -, @); "
                            + "such a cell is never stored"));
                } else {
                    values.put(name, value);
                }
            });
            registration = new RegisterVolunteerRequest(values.get("name"), values.get("phone"),
                    list(values.get("skills")), null, false, null, false);
            profile = new ProfileRequest(null, birthYear(values.get("birthYear")), gender(values.get("gender")),
                    values.get("community"), values.containsKey("languages") ? list(values.get("languages")) : null,
                    null, null, groupType(values.get("groupType")),
                    organisation(values.get("organisation")));
        }

        List<Violation> violations() {
            List<Violation> violations = new ArrayList<>(parseViolations);
            violations.addAll(of(validator.validate(registration)));
            violations.addAll(of(validator.validate(profile)));
            if (registration.skills() != null) {
                Set<String> known = skills.knownAmong(registration.skills());
                Set<String> retired = skills.retiredAmong(registration.skills());
                for (int i = 0; i < registration.skills().size(); i++) {
                    if (!known.contains(registration.skills().get(i))) {
                        violations.add(new Violation("skills[" + i + "]", "is not in the skills catalogue"));
                    } else if (retired.contains(registration.skills().get(i))) {
                        violations.add(new Violation("skills[" + i + "]", "is retired from the skills catalogue"));
                    }
                }
            }
            violations.sort(Comparator.comparing(Violation::field));
            return violations;
        }

        private Integer birthYear(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                parseViolations.add(new Violation("birthYear", "must be a year such as 1968"));
                return null;
            }
        }

        /** A group type's code as staff write it: its code (any case), either label, or a common Chinese alias. */
        private String groupType(String value) {
            if (value == null) {
                return null;
            }
            String named = GROUP_ALIASES.getOrDefault(value, value);
            return usable(CatalogueKind.GROUP_TYPE, "groupType", catalogues.named(CatalogueKind.GROUP_TYPE, named)
                    .or(() -> catalogues.named(CatalogueKind.GROUP_TYPE,
                            named.toUpperCase(Locale.ROOT).replace(' ', '_'))));
        }

        /** An organisation's code, by its code or either of its names. */
        private String organisation(String value) {
            return value == null ? null
                    : usable(CatalogueKind.ORGANISATION, "organisation",
                    catalogues.named(CatalogueKind.ORGANISATION, value));
        }

        /** The entry's code, or null with the row's violation when it is unknown or retired. */
        private String usable(CatalogueKind kind, String field, Optional<? extends CatalogueEntry> entry) {
            Optional<String> unusable = catalogues.unusable(entry.orElse(null), kind);
            unusable.ifPresent(message -> parseViolations.add(new Violation(field, message)));
            return unusable.isPresent() ? null : entry.get().code;
        }

        private Gender gender(String value) {
            if (value == null) {
                return null;
            }
            // Chinese sheets say 男 / 女.
            String english = switch (value) {
                case "男" -> "MALE";
                case "女" -> "FEMALE";
                case "其他" -> "OTHER";
                default -> value;
            };
            try {
                return Gender.valueOf(english.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                parseViolations.add(new Violation("gender", "must be FEMALE, MALE or OTHER"));
                return null;
            }
        }
    }

    /** Spreadsheet cells list several values separated by semicolons. */
    private static List<String> list(String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split("[;；]")).map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }

    /** The profile's homeCommunity is the file's community column. */
    private static <T> List<Violation> of(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(ProblemMappers::violationOf)
                .map(v -> new Violation(v.field().replace("homeCommunity", "community"), v.message()))
                .toList();
    }
}
