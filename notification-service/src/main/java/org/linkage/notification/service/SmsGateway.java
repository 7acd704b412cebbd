package org.linkage.notification.service;

/** Sends a text message; the provider behind it is a matter of configuration. */
public interface SmsGateway {

    /** Returns once the provider accepted the message; throws {@link SmsException} when it did not. */
    void send(String phone, String text);

    class SmsException extends RuntimeException {
        public SmsException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
