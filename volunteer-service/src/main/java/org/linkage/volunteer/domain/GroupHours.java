package org.linkage.volunteer.domain;

import java.math.BigDecimal;

/**
 * One volunteer group's service hours in a period.
 *
 * @param group the group type's name; null for volunteers in no group
 */
public record GroupHours(String group, long volunteers, BigDecimal hours) {
}
