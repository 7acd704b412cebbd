package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A report's photo, kept in the database under the report's id: no client file name is ever used. */
@Entity
@Table(name = "hazard_photo")
public class HazardPhoto {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    /** As the bytes show, not as the client declared. */
    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public int sizeBytes;

    public byte[] bytes;
}
