package org.linkage.activity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.linkage.activity.api.GuardianRequest;
import org.linkage.activity.api.ImportReport;
import org.linkage.activity.api.RegisterBeneficiaryRequest;
import org.linkage.activity.api.StationRequest;
import org.linkage.activity.domain.FocusGroup;
import org.linkage.activity.domain.StationKind;
import org.linkage.chassis.geo.CoordinateSystem;
import org.linkage.chassis.problem.ProblemMappers;
import org.linkage.chassis.problem.Violation;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.tabular.Columns;
import org.linkage.chassis.tabular.Formulas;
import org.linkage.chassis.tabular.RejectedRows;
import org.linkage.chassis.tabular.Table;
import org.linkage.chassis.tabular.TableReader;
import org.linkage.chassis.web.Coordinates;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stations and beneficiaries from a district's spreadsheet (CSV in UTF-8 or GBK, or .xlsx; Chinese or English
 * headers). Each row goes through the same checks as the JSON API. All or nothing unless the caller asks for a
 * partial import.
 */
@ApplicationScoped
public class SheetImports {

    static final int MOST_ROWS = 5000;

    private static final Columns STATION_COLUMNS = Columns.of(
            Columns.required("name", "名称", "站点名称", "中文名称"),
            Columns.optional("nameEn", "英文名称", "name_en", "English name"),
            Columns.required("kind", "类型", "站点类型"),
            Columns.required("address", "地址"),
            Columns.required("latitude", "纬度", "lat"),
            Columns.required("longitude", "经度", "lng", "lon"),
            Columns.required("community", "社区"),
            Columns.optional("coordinateSystem", "坐标系"),
            Columns.optional("partnerOrganisations", "合作单位", "合作机构"));

    private static final Columns BENEFICIARY_COLUMNS = Columns.of(
            Columns.required("focusGroup", "重点人群", "类别"),
            Columns.required("fullName", "姓名", "name"),
            Columns.required("address", "地址", "住址"),
            Columns.required("latitude", "纬度", "lat"),
            Columns.required("longitude", "经度", "lng", "lon"),
            Columns.required("community", "社区"),
            Columns.optional("phone", "电话", "手机号", "联系电话"),
            Columns.optional("birthDate", "出生日期"),
            Columns.optional("socialWorkerId", "社工", "负责社工"),
            Columns.optional("coordinateSystem", "坐标系"),
            Columns.optional("guardianName", "监护人", "监护人姓名"),
            Columns.optional("guardianPhone", "监护人电话"),
            Columns.optional("guardianRelation", "监护人关系", "关系"));

    private static final Map<String, String> CHINESE_VALUES = Map.ofEntries(
            Map.entry("社区中心", "COMMUNITY_CENTRE"), Map.entry("社区卫生服务中心", "COMMUNITY_HOSPITAL"),
            Map.entry("社区医院", "COMMUNITY_HOSPITAL"), Map.entry("学校", "SCHOOL"),
            Map.entry("养老院", "ELDERLY_CARE_CENTRE"), Map.entry("养老服务中心", "ELDERLY_CARE_CENTRE"),
            Map.entry("其他", "OTHER"), Map.entry("老人", "ELDERLY"), Map.entry("老年人", "ELDERLY"),
            Map.entry("儿童", "CHILD"), Map.entry("困难家庭", "FAMILY"), Map.entry("家庭", "FAMILY"));

    private final StationService stations;
    private final BeneficiaryService beneficiaries;
    private final CurrentUser user;
    private final Validator validator;

    SheetImports(StationService stations, BeneficiaryService beneficiaries, CurrentUser user, Validator validator) {
        this.stations = stations;
        this.beneficiaries = beneficiaries;
        this.user = user;
        this.validator = validator;
    }

    @Transactional
    public ImportReport stations(byte[] file, boolean partial) {
        return importRows(file, partial, STATION_COLUMNS, StationRow::new,
                row -> stations.create(row.request, null).id);
    }

    @Transactional
    public ImportReport beneficiaries(byte[] file, boolean partial) {
        return importRows(file, partial, BENEFICIARY_COLUMNS, BeneficiaryRow::new,
                row -> beneficiaries.register(row.request, null).id);
    }

    /** A row read into the request the JSON API takes, with what is wrong with it. */
    private abstract class ParsedRow<R> {
        final List<Violation> violations = new ArrayList<>();
        final Map<String, String> values;
        R request;

        ParsedRow(Map<String, String> cells) {
            values = cells;
            cells.forEach((name, value) -> {
                if (Formulas.wouldRun(value)) {
                    violations.add(new Violation(name, "starts like a spreadsheet formula (=, +, -, @); such a "
                            + "cell is never stored"));
                }
            });
        }

        /** Parse, bean validation, the caller's community: all checked before anything is stored. */
        List<Violation> check() {
            if (!violations.isEmpty()) {
                return violations;
            }
            validator.validate(request).forEach(v -> violations.add(ProblemMappers.violationOf(v)));
            String community = values.get("community");
            if (community != null && !user.servesCommunity(community.strip())) {
                violations.add(new Violation("community", "is another community than yours"));
            }
            return violations;
        }

        <E extends Enum<E>> E choice(String column, Class<E> type) {
            String value = values.get(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, CHINESE_VALUES.getOrDefault(value, value).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(column, "must be one of " + Arrays.toString(type.getEnumConstants())));
                return null;
            }
        }

        Double number(String column) {
            String value = values.get(column);
            if (value == null) {
                return null;
            }
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException e) {
                violations.add(new Violation(column, "must be a number in degrees such as 31.2304"));
                return null;
            }
        }

        Coordinates coordinates() {
            Double latitude = number("latitude");
            Double longitude = number("longitude");
            return new Coordinates(latitude, longitude, choice("coordinateSystem", CoordinateSystem.class));
        }
    }

    private final class StationRow extends ParsedRow<StationRequest> {
        StationRow(Map<String, String> cells) {
            super(cells);
            String partners = values.get("partnerOrganisations");
            request = new StationRequest(values.get("name"), values.get("nameEn"), choice("kind", StationKind.class),
                    values.get("address"), coordinates(), values.get("community"), List.of(), partners == null ? List.of()
                    : Arrays.stream(partners.split("[;；]")).map(String::strip).filter(p -> !p.isEmpty()).toList());
        }
    }

    private final class BeneficiaryRow extends ParsedRow<RegisterBeneficiaryRequest> {
        BeneficiaryRow(Map<String, String> cells) {
            super(cells);
            GuardianRequest guardian = values.containsKey("guardianName") || values.containsKey("guardianPhone")
                    ? new GuardianRequest(values.get("guardianName"), values.get("guardianPhone"),
                    values.get("guardianRelation")) : null;
            // A social worker importing their own people is the one responsible for them unless the sheet says.
            String socialWorker = values.getOrDefault("socialWorkerId",
                    user.isSocialWorker() ? user.subject() : null);
            request = new RegisterBeneficiaryRequest(choice("focusGroup", FocusGroup.class), values.get("fullName"),
                    values.get("phone"), values.get("address"), date("birthDate"), coordinates(),
                    values.get("community"), socialWorker, guardian);
        }

        @Override
        List<Violation> check() {
            List<Violation> found = super.check();
            if (found.isEmpty()) {
                found.addAll(beneficiaries.ruleViolations(request));
            }
            return found;
        }

        private LocalDate date(String column) {
            String value = values.get(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value.replace('/', '-'));
            } catch (DateTimeParseException e) {
                violations.add(new Violation(column, "must be a date such as 2016-05-01"));
                return null;
            }
        }
    }

    private <R, P extends ParsedRow<R>> ImportReport importRows(byte[] file, boolean partial, Columns columns,
                                                                Function<Map<String, String>, P> parse,
                                                                Function<P, UUID> store) {
        Table table = TableReader.read(file, MOST_ROWS);
        Map<String, Integer> positions = columns.positions(table.header());
        List<P> valid = new ArrayList<>();
        List<Integer> validRows = new ArrayList<>();
        Map<Integer, List<Violation>> rejected = new TreeMap<>();
        for (Table.Row row : table.rows()) {
            P parsed = parse.apply(Columns.values(row, positions));
            List<Violation> violations = parsed.check();
            if (violations.isEmpty()) {
                valid.add(parsed);
                validRows.add(row.number());
            } else {
                rejected.put(row.number(), violations);
            }
        }
        if (!partial && !rejected.isEmpty()) {
            throw RejectedRows.problem(rejected);
        }
        List<ImportReport.AcceptedRow> accepted = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            accepted.add(new ImportReport.AcceptedRow(validRows.get(i), store.apply(valid.get(i))));
        }
        return new ImportReport(table.rows().size(), accepted, rejected.entrySet().stream()
                .map(row -> new ImportReport.RejectedRow(row.getKey(), row.getValue())).toList());
    }
}
