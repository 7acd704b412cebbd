package org.linkage.chassis;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The state change that the chassis tests pair with events. */
@Entity
@Table(name = "test_note")
public class TestNote {
    @Id
    public UUID id;
    public String text;
}
