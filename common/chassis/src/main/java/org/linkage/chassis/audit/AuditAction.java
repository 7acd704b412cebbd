package org.linkage.chassis.audit;

/** What was done to a sensitive record. */
public enum AuditAction {
    READ, CREATE, UPDATE, DELETE, EXPORT, ERASE, LINK, UNLINK
}
