package org.linkage.activity.domain;

/** How a consent was given to the social worker who recorded it. */
public enum ConsentMethod {
    IN_PERSON, SIGNED_FORM, PHONE_CALL, VIDEO_CALL
}
