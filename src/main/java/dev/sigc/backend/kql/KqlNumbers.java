package dev.sigc.backend.kql;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Which rule numbers KQL can write as literals, and which a double (Kusto {@code real}) holds exactly. */
final class KqlNumbers {
    private KqlNumbers() {}

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * True when {@code value.toPlainString()} is a KQL literal of the same number: an integer within
     * {@code long}, or a fraction within the range of {@code real}.
     */
    static boolean isLiteral(BigDecimal value) {
        if (value.stripTrailingZeros().scale() <= 0) {
            BigInteger v = value.toBigIntegerExact();
            return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0;
        }
        double d = value.doubleValue();
        return Double.isFinite(d) && d != 0.0;
    }

    /** True when the double nearest to {@code value} is {@code value} itself (so {@code toreal} compares exactly). */
    static boolean isExactDouble(BigDecimal value) {
        double d = value.doubleValue();
        return Double.isFinite(d) && new BigDecimal(d).compareTo(value) == 0;
    }
}
