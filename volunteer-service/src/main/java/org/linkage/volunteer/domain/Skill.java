package org.linkage.volunteer.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An entry of the managed skills catalogue; volunteers' skills and needs refer to its code. */
@Entity
@Table(name = "skill")
public class Skill extends CatalogueEntry {
}
