package jp.kosmo.keycloak.forgotuserid;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the per-IP limit counts a client by: an IPv4 address on its own, an IPv6 address by its /64 prefix (one
 * subscriber's network: a host there may use any of its 2^64 addresses, so counting single IPv6 addresses would
 * limit nothing). An IPv4-mapped IPv6 address counts as the IPv4 address. Only address literals are read, never
 * a name looked up; anything else, or no address at all, is one shared network {@value #UNKNOWN}.
 */
final class ClientNetwork {

    static final String UNKNOWN = "unknown";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Hex digits, colons and dots (an embedded IPv4 part), at least one colon; brackets and zone id already gone. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** Longer input is not an address (the longest IPv6 text form with an IPv4 tail is 45 characters). */
    private static final int MAX_LENGTH = 64;

    private ClientNetwork() {
    }

    /** {@code ipv4:<address>}, {@code ipv6:<first 64 bits in hex>/64} or {@value #UNKNOWN}. */
    static String of(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.length() > MAX_LENGTH) {
            return UNKNOWN;
        }
        String text = remoteAddr.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        byte[] address = parse(text);
        if (address == null) {
            return UNKNOWN;
        }
        if (address.length == 4) {
            return "ipv4:" + (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        return "ipv6:" + HexFormat.of().formatHex(address, 0, 8) + "/64";
    }

    /** The address's 4 or 16 bytes (an IPv4-mapped IPv6 address gives 4), null when the text is not an address. */
    private static byte[] parse(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        if (!IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            // a text with a colon is only ever parsed as an IPv6 literal by InetAddress, never looked up as a name
            // (and an IPv4-mapped one comes back as the IPv4 address, 4 bytes)
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
