package dev.sigc.backend.spl;

import static dev.sigc.backend.spl.SplBackendTest.AT;
import static dev.sigc.backend.spl.SplBackendTest.not;
import static dev.sigc.backend.spl.SplBackendTest.spl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.CompareOp;
import dev.sigc.ast.Expr;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.ast.TimeUnit;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.FieldType;
import dev.sigc.testing.Hostile;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time parts are computed from epoch seconds in UTC. Every rendered query is run by
 * {@link SplEvalInterpreter} and compared with {@code java.time} in UTC.
 */
class SplTimeTest {
    static final Map<String, FieldType> TYPES = Map.of("_time", FieldType.NUMBER);
    static final long YEAR_1 = -62_135_596_800L;
    static final long YEAR_9999_END = 253_402_300_799L;

    static String query(TimeUnit unit, CompareOp op, int value) {
        return spl(new TimePartMatch("_time", unit, op, value, AT), TYPES);
    }

    static int part(TimeUnit unit, ZonedDateTime z) {
        return switch (unit) {
            case MINUTE -> z.getMinute();
            case HOUR -> z.getHour();
            case DAY -> z.getDayOfMonth();
            case WEEK -> z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTH -> z.getMonthValue();
            case YEAR -> z.getYear();
        };
    }

    /** For the instant, every unit: == its UTC part holds, == a neighbour does not, and each order op agrees. */
    static void checkAll(double epochSeconds) {
        ZonedDateTime z = Instant.ofEpochSecond((long) Math.floor(epochSeconds)).atZone(ZoneOffset.UTC);
        Map<String, Object> event = Map.of("_time", epochSeconds);
        for (TimeUnit u : TimeUnit.values()) {
            int p = part(u, z);
            String at = u + " of " + z + " (" + epochSeconds + ")";
            assertTrue(SplEvalInterpreter.keeps(query(u, CompareOp.EQ, p), event), at);
            for (int other : new int[] {p - 1, p + 1}) {
                if (other >= u.min() && other <= u.max()) {
                    assertFalse(SplEvalInterpreter.keeps(query(u, CompareOp.EQ, other), event), at + " == " + other);
                    assertEquals(p < other, SplEvalInterpreter.keeps(query(u, CompareOp.LT, other), event), at);
                    assertEquals(p <= other, SplEvalInterpreter.keeps(query(u, CompareOp.LTE, other), event), at);
                    assertEquals(p > other, SplEvalInterpreter.keeps(query(u, CompareOp.GT, other), event), at);
                    assertEquals(p >= other, SplEvalInterpreter.keeps(query(u, CompareOp.GTE, other), event), at);
                }
            }
        }
    }

    /** 300 instants from year 1 to 9999 (the ends, around 1970, then seeded random ones, near 1970 or anywhere). */
    @Test
    void everyPartIsTheUtcPart() {
        Hostile.Source<Long> instants = Hostile.longs(YEAR_1, YEAR_9999_END);
        Hostile h = Hostile.seeded(0x74696d655f707274L);
        h.check(h.tries(300, instants.edges(), instants::next), epochSeconds -> checkAll(epochSeconds));
    }

    @Test
    void calendarEdges() {
        String[] instants = {"1970-01-01T00:00:00", "1969-12-31T23:59:59", "2000-02-29T12:00:00", "1900-02-28T23:59:59",
            "1900-03-01T00:00:00", "2020-12-31T23:59:59", "2021-01-03T10:00:00", "2021-01-04T00:00:00",
            "2024-12-30T00:00:00", "2026-01-01T00:00:00", "0001-01-01T00:00:00", "9999-12-31T23:59:59",
            "1600-03-01T00:00:00", "2400-02-29T00:00:00", "2100-03-01T00:00:00", "1582-10-15T05:30:00"};
        for (String s : instants) {
            long t = LocalDateTime.parse(s).toEpochSecond(ZoneOffset.UTC);
            checkAll(t);
            checkAll(t + 0.999); // Splunk's _time has a fraction of a second
        }
    }

    @Test
    void renderings() {
        assertEquals("* | where floor(_time/60)-60*floor(_time/3600)==30", query(TimeUnit.MINUTE, CompareOp.EQ, 30));
        assertEquals("* | where floor(_time/3600)-24*floor(_time/86400)>=22", query(TimeUnit.HOUR, CompareOp.GTE, 22));
        assertEquals("* | where _time<1577836800", query(TimeUnit.YEAR, CompareOp.LT, 2020));
        assertEquals("* | where (_time>=1577836800 AND _time<1609459200)", query(TimeUnit.YEAR, CompareOp.EQ, 2020));
        assertTrue(query(TimeUnit.DAY, CompareOp.EQ, 1).endsWith(" | where _sigc_day==1"));
        assertFalse(query(TimeUnit.DAY, CompareOp.EQ, 1).contains("_sigc_month"), "only the helpers it needs");
    }

    @Test
    void negationHoldsWhenTheTimeIsMissing() {
        Expr n = not(new TimePartMatch("_time", TimeUnit.HOUR, CompareOp.EQ, 3, AT));
        String q = spl(n, TYPES);
        assertEquals("* | where isnull(tonumber(_time)) OR NOT (floor(_time/3600)-24*floor(_time/86400)==3)", q);
        assertTrue(SplEvalInterpreter.keeps(q, Map.of()));
        assertFalse(SplEvalInterpreter.keeps(q, Map.of("_time", 3 * 3600.0)));
        assertTrue(SplEvalInterpreter.keeps(q, Map.of("_time", 4 * 3600.0)));
    }

    @Test
    void twoTimeFieldsGetTheirOwnHelpers() {
        Map<String, FieldType> types = Map.of("_time", FieldType.NUMBER, "other", FieldType.NUMBER);
        String q = spl(SplBackendTest.and(new TimePartMatch("_time", TimeUnit.DAY, CompareOp.EQ, 1, AT),
                new TimePartMatch("other", TimeUnit.DAY, CompareOp.EQ, 2, AT)), types);
        assertTrue(q.endsWith(" | where _sigc_day==1 AND _sigc_t2_day==2"), q);
        long jan1 = LocalDateTime.parse("2024-01-01T10:00:00").toEpochSecond(ZoneOffset.UTC);
        assertTrue(SplEvalInterpreter.keeps(q, Map.of("_time", (double) jan1, "other", jan1 + 86_400.0)));
        assertFalse(SplEvalInterpreter.keeps(q, Map.of("_time", (double) jan1, "other", (double) jan1)));
    }

    @Test
    void aTextTimeStampIsAnError() {
        SigcException e = assertThrows(SigcException.class,
                () -> spl(new TimePartMatch("UtcTime", TimeUnit.HOUR, CompareOp.EQ, 3, AT)));
        assertEquals("unsupported-construct", e.diagnostic().code());
        assertTrue(e.diagnostic().message().startsWith("spl: the hour modifier needs a time stamp in epoch seconds"));
    }
}
