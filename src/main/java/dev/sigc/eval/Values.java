package dev.sigc.eval;

import dev.sigc.ast.Cidr;
import dev.sigc.ast.CompareOp;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How an event's scalar values meet a rule's typed values. The choices, following how SIEMs treat
 * Sysmon-style data (where every value may arrive as text):
 * <ul>
 *   <li>A string test (plain, wildcard, regex) reads a string as it is, a number as the text it was
 *       written with ({@code 80}, not {@code 80.0}), a boolean as {@code true}/{@code false}; never null,
 *       an object or an array (an array's elements are tested one by one before this).</li>
 *   <li>A number test reads a number, or a string holding exactly a JSON number ({@code "80"}), by value:
 *       {@code 80} equals {@code 80.0}.</li>
 *   <li>A boolean test reads a boolean, or the string {@code true}/{@code false} in any case.</li>
 *   <li>A CIDR test reads a string holding an IPv4 address (dotted quad) or an IPv6 address. An IPv4-mapped
 *       IPv6 address ({@code ::ffff:169.254.169.254}) is IPv6 and not inside an IPv4 network, as in
 *       Python's {@code ipaddress} that pySigma uses.</li>
 * </ul>
 */
final class Values {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private Values() {}

    static Optional<String> text(Json v) {
        if (v instanceof Json.Str s) {
            return Optional.of(s.value());
        }
        if (v instanceof Json.Num n) {
            return Optional.of(n.text());
        }
        if (v instanceof Json.Bool b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        return Optional.empty();
    }

    static Optional<BigDecimal> number(Json v) {
        if (v instanceof Json.Num n) {
            return Optional.of(n.value());
        }
        if (v instanceof Json.Str s && s.value().length() <= 100 && JSON_NUMBER.matcher(s.value()).matches()) {
            try {
                return Optional.of(new BigDecimal(s.value()));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean compare(BigDecimal actual, CompareOp op, BigDecimal expected) {
        int c = actual.compareTo(expected);
        return switch (op) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LTE -> c <= 0;
            case GT -> c > 0;
            case GTE -> c >= 0;
        };
    }

    static Optional<Boolean> bool(Json v) {
        if (v instanceof Json.Bool b) {
            return Optional.of(b.value());
        }
        if (v instanceof Json.Str s) {
            if (s.value().equalsIgnoreCase("true")) {
                return Optional.of(true);
            }
            if (s.value().equalsIgnoreCase("false")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    /** The address bytes (4 or 16) of a string that is an IP address literal; never a DNS look-up. */
    static Optional<byte[]> ip(Json v) {
        if (!(v instanceof Json.Str s)) {
            return Optional.empty();
        }
        String t = s.value();
        var m4 = IPV4.matcher(t);
        if (m4.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(m4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                b[i] = (byte) octet;
            }
            return Optional.of(b);
        }
        if (t.indexOf(':') < 0 || t.length() > 45 || !IPV6_CHARS.matcher(t).matches() || t.charAt(0) == '.') {
            return Optional.empty();
        }
        try {
            // starting with a hex digit or ':' and holding a ':', the text is parsed as an IPv6 literal or
            // rejected; InetAddress resolves names only for other text
            byte[] b = InetAddress.getByName(t).getAddress();
            if (b.length == 4) { // Java turns ::ffff:a.b.c.d into an IPv4 address; keep it IPv6
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(b, 0, mapped, 12, 4);
                return Optional.of(mapped);
            }
            return Optional.of(b);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static boolean inNetwork(byte[] address, Cidr cidr, byte[] network) {
        if (address.length != network.length) {
            return false;
        }
        int bits = cidr.prefix();
        for (int i = 0; i < bits / 8; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[bits / 8] & mask) == (network[bits / 8] & mask);
    }

    /** A value for an explanation: JSON text, shortened in the middle past {@code max} characters. */
    static String show(Json v, int max) {
        String t = v.toText();
        if (t.length() <= max) {
            return t;
        }
        int half = (max - 5) / 2;
        return t.substring(0, half) + " ... " + t.substring(t.length() - half);
    }

    /** Field reference: does {@code value} stand to {@code other} as the op says? Unicode case folding unless cased. */
    static boolean relate(String value, String other, dev.sigc.ast.StrOp op, boolean cased) {
        String a = cased ? value : fold(value);
        String b = cased ? other : fold(other);
        return switch (op) {
            case EQUALS -> a.equals(b);
            case STARTS_WITH -> a.startsWith(b);
            case ENDS_WITH -> a.endsWith(b);
            case CONTAINS -> a.contains(b);
        };
    }

    private static String fold(String s) {
        return s.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A timestamp as written in an event: ISO 8601 with or without zone ({@code 2026-11-23T10:31:50Z},
     * {@code 2026-11-23 10:31:50.123}), or epoch seconds as a number. Read as stored: no zone conversion,
     * except that an epoch number is UTC.
     */
    static Optional<java.time.LocalDateTime> timestamp(Json v) {
        if (v instanceof Json.Num) {
            return number(v).map(n -> java.time.LocalDateTime.ofEpochSecond(n.longValue(), 0, java.time.ZoneOffset.UTC));
        }
        return text(v).flatMap(t -> {
            String s = t.trim().replace(' ', 'T');
            try {
                return Optional.of(java.time.OffsetDateTime.parse(s).toLocalDateTime());
            } catch (java.time.format.DateTimeParseException e) {
                try {
                    return Optional.of(java.time.LocalDateTime.parse(s));
                } catch (java.time.format.DateTimeParseException e2) {
                    return Optional.empty();
                }
            }
        });
    }

    static int part(java.time.LocalDateTime t, dev.sigc.ast.TimeUnit unit) {
        return switch (unit) {
            case MINUTE -> t.getMinute();
            case HOUR -> t.getHour();
            case DAY -> t.getDayOfMonth();
            case WEEK -> t.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTH -> t.getMonthValue();
            case YEAR -> t.getYear();
        };
    }
}
