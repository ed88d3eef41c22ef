package de.stadtretter.notification.subscriptions.consent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Client addresses as far as they may be kept: shortened to their network (/24 for IPv4, /48 for IPv6). */
public final class ClientAddresses {

    // address literals only: never a name that would need a DNS lookup
    private static final Pattern LITERAL = Pattern.compile("^[0-9a-fA-F:.]{2,45}$");

    private ClientAddresses() {
    }

    /** {@code 203.0.113.0/24} or {@code 2001:db8:1::/48}; null for anything that is not an address literal. */
    public static String prefix(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 4) {
                bytes[3] = 0;
                return InetAddress.getByAddress(bytes).getHostAddress() + "/24";
            }
            for (int i = 6; i < 16; i++) {
                bytes[i] = 0;
            }
            String text = InetAddress.getByAddress(bytes).getHostAddress();
            // Java writes 2001:db8:1:0:0:0:0:0; the usual short form is 2001:db8:1::
            String network = text.replaceFirst("(:0)+$", "");
            return (network.equals("0") ? "" : network) + "::/48";
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
