package org.linkage.activity.domain;

public enum FileEntryKind {
    NOTE, VISIT
}
