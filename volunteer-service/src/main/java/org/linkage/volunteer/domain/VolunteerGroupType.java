package org.linkage.volunteer.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A group the district organises volunteers in (college students, riders...); volunteers refer to its code. */
@Entity
@Table(name = "volunteer_group_type")
public class VolunteerGroupType extends CatalogueEntry {
}
