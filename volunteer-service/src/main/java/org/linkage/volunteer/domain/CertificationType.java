package org.linkage.volunteer.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An entry of the managed catalogue of certifications the office recognises. */
@Entity
@Table(name = "certification_type")
public class CertificationType extends CatalogueEntry {
}
