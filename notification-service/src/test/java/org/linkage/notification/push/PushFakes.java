package org.linkage.notification.push;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.security.PublicKey;

/** What a push test talks to: the fake APNs, the WireMock behind FCM and Huawei, the FCM service account's key. */
public record PushFakes(FakeApns apns, WireMockServer wireMock, PublicKey fcmServiceAccount) {
}
