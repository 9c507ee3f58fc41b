package dev.sigc.backend.spl;

import dev.sigc.ast.CompareOp;
import dev.sigc.ast.TimePartMatch;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a timestamp held as epoch seconds ({@code _time}), computed in UTC with arithmetic only.
 *
 * <p>Sigma's time modifiers do no time-zone conversion, and an epoch has no zone: its parts are the UTC parts
 * (for Sysmon they are exactly the parts of its {@code UtcTime} text). Splunk's {@code strftime()} renders in
 * the time zone of the user running the search, so {@code strftime(_time, "%H")} would give a different hour
 * (and, with a zone such as +05:30, a different minute) for most users: it is not used. Instead, with
 * {@code D = floor(t/86400)} the day number:
 * <ul>
 *   <li>minute = {@code floor(t/60) - 60*floor(t/3600)}, hour = {@code floor(t/3600) - 24*floor(t/86400)};</li>
 *   <li>year: compared with the epoch seconds of 1 January, constants computed here;</li>
 *   <li>day and month: H. Hinnant's {@code civil_from_days} over {@code D}, one {@code | eval} field per
 *       step;</li>
 *   <li>ISO week: the same over the Thursday of the week, {@code 7*floor((D+3)/7)} (1970-01-01 was a
 *       Thursday), whose ordinal day in its year divided by 7 is the week.</li>
 * </ul>
 * {@code floor} keeps every step right for instants before 1970 too. Helper fields start with {@code _} so
 * Splunk does not show them among the event's fields.
 */
final class SplTime {
    private SplTime() {}

    /** The comparison of a part with the rule's value, in eval syntax, and whether it is a single comparison. */
    record Test(String text, boolean comparison) {}

    /**
     * The test for {@code node} on the eval operand {@code t}; helper fields it needs are added to
     * {@code helpers} (name to expression, in dependency order) under names starting with {@code prefix}.
     */
    static Test test(TimePartMatch node, String t, String prefix, Map<String, String> helpers) {
        int n = node.value();
        String op = node.op().symbol();
        return switch (node.unit()) {
            case MINUTE -> new Test("floor(" + t + "/60)-60*floor(" + t + "/3600)" + op + n, true);
            case HOUR -> new Test("floor(" + t + "/3600)-24*floor(" + t + "/86400)" + op + n, true);
            case YEAR -> year(t, node.op(), n);
            case DAY -> new Test(civil(t, prefix, helpers, "day") + op + n, true);
            case MONTH -> new Test(civil(t, prefix, helpers, "month") + op + n, true);
            case WEEK -> new Test(week(t, prefix, helpers) + op + n, true);
        };
    }

    private static Test year(String t, CompareOp op, int y) {
        String from = Long.toString(yearStart(y));
        String to = Long.toString(yearStart(y + 1));
        return switch (op) {
            case EQ -> new Test("(" + t + ">=" + from + " AND " + t + "<" + to + ")", false);
            case LT -> new Test(t + "<" + from, true);
            case LTE -> new Test(t + "<" + to, true);
            case GT -> new Test(t + ">=" + to, true);
            case GTE -> new Test(t + ">=" + from, true);
        };
    }

    /** Epoch seconds of 1 January of {@code year}, 00:00 UTC (proleptic Gregorian, as Sigma and ISO 8601). */
    static long yearStart(int year) {
        return LocalDate.of(year, 1, 1).toEpochDay() * 86_400L;
    }

    /** Adds the civil-date helpers up to {@code part} (day or month); returns the name of that field. */
    private static String civil(String t, String p, Map<String, String> helpers, String part) {
        daysOfEra(p, "", "floor(" + t + "/86400)+719468", helpers);
        helpers.putIfAbsent(p + "mp", "floor((5*" + p + "doy+2)/153)"); // month from March = 0
        helpers.putIfAbsent(p + part, part.equals("day")
                ? p + "doy-floor((153*" + p + "mp+2)/5)+1"
                : p + "mp+if(" + p + "mp<10, 3, -9)");
        return p + part;
    }

    /** Adds the ISO-week helpers; returns the name of the week field. */
    private static String week(String t, String p, Map<String, String> helpers) {
        daysOfEra(p, "w", "7*floor((floor(" + t + "/86400)+3)/7)+719468", helpers);
        String yoe = p + "wyoe";
        String doy = p + "wdoy";
        String leap = "if((" + yoe + "-4*floor(" + yoe + "/4)==0 AND " + yoe + "-100*floor(" + yoe + "/100)!=0) OR "
                + yoe + "==0, 1, 0)";
        // the Thursday's day of the year counted from 1 January: March-based day minus Jan+Feb, or plus them
        helpers.putIfAbsent(p + "week", "floor(if(" + doy + ">=306, " + doy + "-306, " + doy + "+59+" + leap
                + ")/7)+1");
        return p + "week";
    }

    /** {@code z} (days since 0000-03-01), era, day of era, year of era and March-based day of year. */
    private static void daysOfEra(String p, String w, String z, Map<String, String> helpers) {
        String zn = p + w + "z";
        String era = p + w + "era";
        String doe = p + w + "doe";
        String yoe = p + w + "yoe";
        helpers.putIfAbsent(zn, z);
        helpers.putIfAbsent(era, "floor(" + zn + "/146097)");
        helpers.putIfAbsent(doe, zn + "-146097*" + era);
        helpers.putIfAbsent(yoe, "floor((" + doe + "-floor(" + doe + "/1460)+floor(" + doe + "/36524)-floor(" + doe
                + "/146096))/365)");
        helpers.putIfAbsent(p + w + "doy", doe + "-365*" + yoe + "-floor(" + yoe + "/4)+floor(" + yoe + "/100)");
    }

    /** A fresh helper map (insertion order is dependency order). */
    static Map<String, String> newHelpers() {
        return new LinkedHashMap<>();
    }
}
