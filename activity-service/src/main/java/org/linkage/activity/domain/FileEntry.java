package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry of a beneficiary's personal file: a note or a visit. */
@Entity
@Table(name = "beneficiary_file_entry")
public class FileEntry {

    @Id
    public UUID id;

    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    @Enumerated(EnumType.STRING)
    public FileEntryKind kind;

    public String text;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String author;

    @Column(name = "created_at")
    public Instant createdAt;
}
