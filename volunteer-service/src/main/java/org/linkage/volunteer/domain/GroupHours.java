package org.linkage.volunteer.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One volunteer group's service hours in a period.
 *
 * @param group the group type's name; null for volunteers in no group
 */
public record GroupHours(String group, long volunteers, BigDecimal hours) {

    /**
     * A period's hours in total (each volunteer counted once, whatever their groups), per group and per
     * organisation ({@link GroupHours#group} holding the organisation's code there).
     */
    public record Rollup(BigDecimal hours, long volunteers, List<GroupHours> byGroup, List<GroupHours> byOrganisation) {
    }
}
