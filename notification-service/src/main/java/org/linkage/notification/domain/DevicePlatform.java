package org.linkage.notification.domain;

/** The phone's operating system. */
public enum DevicePlatform {
    IOS,
    ANDROID
}
