package org.linkage.volunteer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A school, platform, Party branch or grid volunteers come through; volunteers refer to its code. */
@Entity
@Table(name = "organisation")
public class Organisation extends CatalogueEntry {

    /** The group type its volunteers serve with (a school's are college students); null when not one. */
    @Column(name = "group_type")
    public String groupType;
}
