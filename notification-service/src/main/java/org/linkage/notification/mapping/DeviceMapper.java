package org.linkage.notification.mapping;

import org.linkage.notification.api.DeviceResponse;
import org.linkage.notification.domain.Device;

public final class DeviceMapper {

    public static DeviceResponse toResponse(Device device) {
        return new DeviceResponse(device.id, device.platform, device.route, device.maskedToken(), device.appVersion,
                device.locale, device.registeredAt, device.updatedAt);
    }

    private DeviceMapper() {
    }
}
