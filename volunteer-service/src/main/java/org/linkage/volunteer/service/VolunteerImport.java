package org.linkage.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.linkage.chassis.problem.ControlCharacters;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.problem.Violation;
import org.linkage.volunteer.api.ImportReport;
import org.linkage.volunteer.api.ProfileRequest;
import org.linkage.volunteer.api.RegisterVolunteerRequest;
import org.linkage.volunteer.domain.Gender;
import org.linkage.volunteer.mapping.Csv;
import org.linkage.volunteer.repository.SkillRepository;
import org.linkage.volunteer.repository.VolunteerRepository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registers volunteers from a district's spreadsheet, saved as CSV. The phone number is the natural key: a row
 * whose phone is registered already changes nothing, so the same file can be imported again safely. Staff
 * import the file, so the volunteers are active at once.
 */
@ApplicationScoped
public class VolunteerImport {

    static final int MOST_ROWS = 5000;
    private static final List<String> REQUIRED = List.of("name", "phone", "skills");
    private static final List<String> OPTIONAL = List.of("community", "birthyear", "gender", "languages");

    private final VolunteerService volunteerService;
    private final VolunteerRepository volunteers;
    private final SkillRepository skills;
    private final Validator validator;

    VolunteerImport(VolunteerService volunteerService, VolunteerRepository volunteers, SkillRepository skills,
                    Validator validator) {
        this.volunteerService = volunteerService;
        this.volunteers = volunteers;
        this.skills = skills;
        this.validator = validator;
    }

    @Transactional
    public ImportReport importCsv(String text, String by, String community) {
        List<List<String>> records = parse(text);
        Map<String, Integer> columns = columns(records.get(0));
        List<ImportReport.AcceptedRow> accepted = new ArrayList<>();
        List<ImportReport.AcceptedRow> alreadyRegistered = new ArrayList<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        Map<String, Integer> phonesInFile = new HashMap<>();
        int rows = 0;
        for (int index = 1; index < records.size(); index++) {
            List<String> record = records.get(index);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows++;
            int row = index + 1;
            Row parsed = new Row(record, columns);
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
            UUID id = volunteerService.registerWithProfile(parsed.registration, parsed.profile,
                    VolunteerService.Registrant.staff(by, community)).id;
            accepted.add(new ImportReport.AcceptedRow(row, id));
        }
        return new ImportReport(rows, accepted, alreadyRegistered, rejected);
    }

    private static List<List<String>> parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("body", "must be a CSV file with a header row");
        }
        List<List<String>> records;
        try {
            records = Csv.parse(text);
        } catch (Csv.MalformedCsvException e) {
            throw ProblemException.invalid("body", "is not valid CSV: " + e.getMessage());
        }
        if (records.size() > MOST_ROWS + 1) {
            throw ProblemException.invalid("body", "has more than " + MOST_ROWS + " rows; split the file");
        }
        // Cells are not JSON: the chassis' character rule is applied to them here (row numbers count the header).
        for (int row = 0; row < records.size(); row++) {
            for (int column = 0; column < records.get(row).size(); column++) {
                String cell = records.get(row).get(column);
                ControlCharacters.require("rows[" + (row + 1) + "][" + (column + 1) + "]", cell);
            }
        }
        return records;
    }

    /** Column name (lower case) to position; the header must name the required columns and only known ones. */
    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                violations.add(new Violation("header[" + i + "]", "is not a known column (known: name, phone, "
                        + "skills, community, birthYear, gender, languages)"));
            } else if (columns.putIfAbsent(name, i) != null) {
                violations.add(new Violation("header[" + i + "]", "repeats column " + name));
            }
        }
        REQUIRED.stream().filter(name -> !columns.containsKey(name))
                .forEach(name -> violations.add(new Violation("header", "lacks the column " + name)));
        Invalid.rejectIfAny(violations);
        return columns;
    }

    /** One data row as the registration and profile it asks for, with what is wrong with it. */
    private final class Row {
        final RegisterVolunteerRequest registration;
        final ProfileRequest profile;
        private final List<Violation> parseViolations = new ArrayList<>();

        Row(List<String> record, Map<String, Integer> columns) {
            Map<String, String> values = new HashMap<>();
            columns.forEach((name, position) -> {
                String value = position < record.size() ? record.get(position).strip() : "";
                if (Csv.isFormula(value)) {
                    parseViolations.add(new Violation(name, "starts like a spreadsheet formula (=, +, -, @); "
                            + "such a cell is never stored"));
                } else if (!value.isEmpty()) {
                    values.put(name, value);
                }
            });
            registration = new RegisterVolunteerRequest(values.get("name"), values.get("phone"),
                    list(values.get("skills")), null, false, null, false);
            profile = new ProfileRequest(null, birthYear(values.get("birthyear")), gender(values.get("gender")),
                    values.get("community"), values.containsKey("languages") ? list(values.get("languages")) : null,
                    null, null);
        }

        List<Violation> violations() {
            List<Violation> violations = new ArrayList<>(parseViolations);
            violations.addAll(of(validator.validate(registration)));
            violations.addAll(of(validator.validate(profile)));
            if (registration.skills() != null) {
                Set<String> known = skills.knownAmong(registration.skills());
                for (int i = 0; i < registration.skills().size(); i++) {
                    if (!known.contains(registration.skills().get(i))) {
                        violations.add(new Violation("skills[" + i + "]", "is not in the skills catalogue"));
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

        private Gender gender(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Gender.valueOf(value.toUpperCase(Locale.ROOT));
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

    private static <T> List<Violation> of(Set<ConstraintViolation<T>> violations) {
        return violations.stream()
                .map(violation -> new Violation(field(violation.getPropertyPath()), violation.getMessage()))
                .toList();
    }

    /** "skills[1].<list element>" as "skills[1]"; the profile's homeCommunity is the file's community column. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString().replace("homeCommunity", "community");
    }
}
