package org.linkage.chassis.tabular;

/** Sensitive personal data as exports show it to those who may not see it whole. */
public final class Masks {

    /** 13812345678 → 138****5678; shorter numbers keep only their last two digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        String digits = phone.startsWith("+86") ? phone.substring(3) : phone;
        if (digits.length() >= 11) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }

    /** Keeps the first six characters (district and road), hides the rest (house and room). */
    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        return address.length() <= 6 ? "***" : address.substring(0, 6) + "***";
    }

    /** 王小明 → 王**: enough to recognise a row, not a person. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "**";
    }

    private Masks() {
    }
}
