package dev.sigc.backend.kql;

import static dev.sigc.backend.kql.KqlCheckTest.json;
import static dev.sigc.backend.kql.KqlHostileValuesTest.opToken;
import static dev.sigc.backend.kql.KqlHostileValuesTest.stringToken;
import static dev.sigc.backend.kql.KqlHostileValuesTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.TestRules;
import dev.sigc.ast.And;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.backend.Patterns;
import dev.sigc.cli.CliRun;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.MappedRule;
import dev.sigc.testing.Hostile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw records in a text column (KqlRecord): Sentinel's Syslog with auditd records, as kql-sentinel maps
 * {@code product: linux, service: auditd}. The record reading is checked three ways: the query text end to end,
 * the field pattern on records written here in auditd's format (with Java's regex engine; the pattern uses only
 * what RE2 reads the same way: classes, alternation, optional and lazy quantifiers, anchors), and hostile values
 * through Kusto.Language's lexer.
 */
class KqlRecordTest {
    private static final Span SPAN = new Span("r.yml", 1, 1);
    private static final Map<String, String> AUDITD = Map.of("table", "Syslog", "record_format", "auditd",
            "record_column", "SyslogMessage");

    @TempDir
    Path dir;

    private CliRun kql(String detection, String... args) throws IOException {
        Path rule = dir.resolve("rule.yml");
        Files.writeString(rule, "title: t\nlogsource:\n    product: linux\n    service: auditd\ndetection:\n"
                + detection.indent(4));
        List<String> all = new ArrayList<>(List.of("convert", "-t", "kql"));
        all.addAll(List.of(args));
        all.add(rule.toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void sentinelReadsAuditdFieldsOutOfSyslogMessage() throws IOException {
        CliRun run = kql("sel:\n    type: EXECVE\n    a0: tar\n    a1|contains: '-c'\nkw:\n    - 'secret'\n"
                + "condition: sel and kw", "-p", "kql-sentinel");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                Syslog
                | where SyslogMessage matches regex "^\\\\s*(?:node=[^ ]+ )?type=[^ ]+ msg=audit\\\\([0-9]+\\\\.[0-9]+:[0-9]+\\\\):(?:\\\\s|$)"
                | extend a0 = trim("\\"", extract("(?:^| )(?:msg=')?a0=(\\"[^ \\"]*\\"|[^ \\"]*?)'?(?:\\\\s|$)", 1, SyslogMessage)),
                    a1 = trim("\\"", extract("(?:^| )(?:msg=')?a1=(\\"[^ \\"]*\\"|[^ \\"]*?)'?(?:\\\\s|$)", 1, SyslogMessage)),
                    type = trim("\\"", extract("(?:^| )(?:msg=')?type=(\\"[^ \\"]*\\"|[^ \\"]*?)'?(?:\\\\s|$)", 1, SyslogMessage))
                | where type =~ "EXECVE" and a0 =~ "tar" and a1 contains "-c" and SyslogMessage contains "secret"
                """, run.out());
    }

    @Test
    void windowsEventAfterSentinelLeavesAuditdAsItIs() throws IOException {
        String detection = "sel:\n    type: SYSCALL\n    SYSCALL: mknod\ncondition: sel";
        CliRun sentinel = kql(detection, "-p", "kql-sentinel");
        CliRun both = kql(detection, "-p", "kql-sentinel", "-p", "kql-sentinel-windowsevent");
        assertEquals(0, both.exitCode(), both.err());
        assertEquals(sentinel.out(), both.out());
    }

    @Test
    void auditdFieldsAreTheRecordsOwn() throws IOException {
        CliRun run = kql("sel:\n    type: SYSCALL\n    ProcessName: x\ncondition: sel", "-p", "kql-sentinel");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("field 'ProcessName' is not a field of auditd in defender-xdr"), run.err());
        // without kql-sentinel, Defender has no table for auditd
        CliRun defender = kql("sel:\n    type: SYSCALL\ncondition: sel");
        assertEquals(1, defender.exitCode(), defender.out());
        assertTrue(defender.err().contains("has no 'table' in pipeline kql-defender"), defender.err());
    }

    @Test
    void aTestThatHoldsForTheEmptyValueIsAnError() throws IOException {
        // a field the record lacks reads as "": each of these would hold for records without the field
        for (String item : List.of("a3: ''", "a3: '*'", "a3|contains: ''", "a3: null", "a3|exists: true",
                "a3|exists: false", "a3|re: '^x?$'", "a3|fieldref: a4")) {
            CliRun run = kql("sel:\n    type: EXECVE\n    " + item + "\ncondition: sel", "-p", "kql-sentinel");
            assertEquals(1, run.exitCode(), item + ": " + run.out());
            assertTrue(run.err().contains("on auditd field 'a3' cannot be exact"), item + ": " + run.err());
        }
        // negated, too: not(a3 == "") would drop records without a3, which Sigma keeps
        CliRun negated = kql("sel:\n    type: EXECVE\nf:\n    a3: ''\ncondition: sel and not f", "-p", "kql-sentinel");
        assertEquals(1, negated.exitCode(), negated.out());
        // a regex that needs a character, and keywords (the record's text, never empty), are fine
        CliRun fine = kql("sel:\n    type: EXECVE\n    a1|re: '(^|/)\\.[^./]'\nkw:\n    - 'x'\ncondition: sel and kw",
                "-p", "kql-sentinel");
        assertEquals(0, fine.exitCode(), fine.err());
    }

    @Test
    void aRecordFormatNeedsAKnownFormatAndAColumn() {
        StringMatch m = new StringMatch(Optional.of("a0"), StrOp.EQUALS, SigmaString.literal("x"), false, SPAN);
        KqlBackend kql = new KqlBackend();
        SigcException unknown = assertThrows(SigcException.class, () -> kql.render(TestRules.mapped(m,
                Map.of("table", "Syslog", "record_format", "cef", "record_column", "SyslogMessage"), Map.of())));
        assertTrue(unknown.getMessage().contains("unknown record_format 'cef'"), unknown.getMessage());
        SigcException column = assertThrows(SigcException.class, () -> kql.render(TestRules.mapped(m,
                Map.of("table", "Syslog", "record_format", "auditd"), Map.of())));
        assertTrue(column.getMessage().contains("needs record_column"), column.getMessage());
        // a field name that is not an audit key (possible with --pass-through-fields) never reaches the pattern
        StringMatch odd = new StringMatch(Optional.of("a0=x|y"), StrOp.EQUALS, SigmaString.literal("x"), false, SPAN);
        SigcException name = assertThrows(SigcException.class, () -> kql.render(TestRules.mapped(odd, AUDITD, Map.of())));
        assertTrue(name.getMessage().contains("cannot be a key of an auditd record"), name.getMessage());
    }

    /** The value the field pattern reads out of a record, or empty when the record has no such field. */
    private static Optional<String> read(String record, String field) {
        Matcher m = Pattern.compile(KqlRecord.fieldRegex(field)).matcher(record);
        // then trim(QUOTE, ...): every leading and trailing match of the quote
        return m.find() ? Optional.of(m.group(1).replaceAll("^(?:" + KqlRecord.QUOTE + ")+|(?:" + KqlRecord.QUOTE
                + ")+$", "")) : Optional.empty();
    }

    @Test
    void theFieldPatternReadsEachValueForm() {
        // records written for this test in auditd's format (kernel, user-space and ENRICHED parts)
        String syscall = "node=web1 type=SYSCALL msg=audit(1700000000.101:71): arch=c000003e syscall=59 success=yes"
                + " exit=0 a0=55d1c0 a1=55d1c8 ppid=900 pid=901 auid=1000 uid=0 euid=0 tty=pts0 ses=3"
                + " comm=\"it's\" exe=\"/usr/bin/tar\" subj=unconfined key=(null) ARCH=x86_64 SYSCALL=execve"
                + " AUID=\"alice\" UID=\"root\"";
        assertEquals(Optional.of("web1"), read(syscall, "node"));
        assertEquals(Optional.of("SYSCALL"), read(syscall, "type"));
        assertEquals(Optional.of("59"), read(syscall, "syscall"));
        assertEquals(Optional.of("execve"), read(syscall, "SYSCALL"));
        assertEquals(Optional.of("it's"), read(syscall, "comm"));
        assertEquals(Optional.of("/usr/bin/tar"), read(syscall, "exe"));
        assertEquals(Optional.of("(null)"), read(syscall, "key"));
        assertEquals(Optional.of("alice"), read(syscall, "AUID"));
        assertEquals(Optional.of("root"), read(syscall, "UID"), "the last field, at the end");
        assertEquals(Optional.of("0"), read(syscall, "uid"), "keys compare with their case");
        assertEquals(Optional.empty(), read(syscall, "name"));

        String execve = " type=EXECVE msg=audit(1700000000.101:71): argc=4 a0=\"tar\" a1=\"-czf\""
                + " a2=2F746D702F6120622E74677A a3=\"\" a4_len=9000 a4[0]=41";
        assertEquals(Optional.of("tar"), read(execve, "a0"), "a leading space before the record");
        assertEquals(Optional.of("2F746D702F6120622E74677A"), read(execve, "a2"), "hex stays hex");
        assertEquals(Optional.of(""), read(execve, "a3"), "an empty quoted string");
        assertEquals(Optional.empty(), read(execve, "a4"), "a4_len and a4[0] are other keys");

        String user = "type=SERVICE_STOP msg=audit(1700000000.202:88): pid=1 uid=0 auid=4294967295 ses=4294967295"
                + " subj=system_u:system_r:init_t:s0 msg='unit=firewalld comm=\"systemd\""
                + " exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'"
                + " UID=\"root\" AUID=\"unset\"";
        assertEquals(Optional.of("firewalld"), read(user, "unit"), "the first field inside msg='");
        assertEquals(Optional.of("success"), read(user, "res"), "the last field inside msg=' loses the '");
        assertEquals(Optional.of("?"), read(user, "hostname"));
        assertEquals(Optional.of("audit(1700000000.202:88):"), read(user, "msg"), "the first msg is the record's");
        String newline = "type=USER_END msg=audit(1700000000.202:89): pid=9 uid=0 msg='op=PAM:session_close res=success'\n";
        assertEquals(Optional.of("success"), read(newline, "res"), "a newline a relay left at the end");
        String userLast = "type=USER_LOGIN msg=audit(1700000000.303:90): pid=7 uid=0 msg='op=login acct=\"bob\"'";
        assertEquals(Optional.of("bob"), read(userLast, "acct"), "a quoted value that closes msg='");

        // a quoted value holding "'x=" is one value, not a field: a key follows a space, and no value holds one
        String path = "type=PATH msg=audit(1700000000.404:91): item=0 name=\"/tmp/o'a1=-c\" nametype=CREATE";
        assertEquals(Optional.empty(), read(path, "a1"));
        assertEquals(Optional.of("/tmp/o'a1=-c"), read(path, "name"));
        String cut = "type=EXECVE msg=audit(1700000000.505:93): argc=3 a0=\"ls\" a1=\"-l\" a2=\"/tmp/abcd";
        assertEquals(Optional.empty(), read(cut, "a2"), "a quoted value cut short is not read as its start");
        assertEquals(Optional.of("-l"), read(cut, "a1"));
        String quoteEnd = "type=PATH msg=audit(1700000000.404:92): name=\"/tmp/x'\" nametype=CREATE";
        assertEquals(Optional.of("/tmp/x'"), read(quoteEnd, "name"));
    }

    /**
     * Random records in auditd's format (seeded, so every run tries the same ones): header, kernel fields,
     * optionally a user-space {@code msg='...'} and ENRICHED fields, keys repeated at random, quoted values
     * holding {@code '}, {@code =} and key-like text. The pattern reads every key as the first {@code key=value}
     * of it, quotes removed, and nothing for a key the record lacks.
     */
    @Test
    void theFieldPatternReadsTheFirstValueOfEveryKeyOfRandomRecords() {
        java.util.Random random = new java.util.Random(0x61756469745fL);
        List<String> keys = List.of("a0", "a1", "a2", "exe", "comm", "name", "key", "res", "unit", "acct", "uid");
        List<String> enriched = List.of("SYSCALL", "AUID", "UID", "ARCH");
        for (int i = 0; i < 2_000; i++) {
            StringBuilder record = new StringBuilder(random.nextBoolean() ? "" : " ");
            Map<String, String> first = new java.util.LinkedHashMap<>();
            if (random.nextBoolean()) {
                record.append("node=n").append(random.nextInt(9)).append(' ');
                first.put("node", record.toString().trim().substring(5));
            }
            String type = random.nextBoolean() ? "EXECVE" : "USER_CMD";
            record.append("type=").append(type).append(" msg=audit(1700000000.").append(random.nextInt(999)).append(':')
                    .append(random.nextInt(99_999)).append("):");
            first.put("type", type);
            int kernel = random.nextInt(6);
            for (int f = 0; f < kernel; f++) {
                field(random, record.append(' '), keys.get(random.nextInt(keys.size())), first, true);
            }
            if (random.nextBoolean()) {
                record.append(" msg='");
                int inner = 1 + random.nextInt(4);
                for (int f = 0; f < inner; f++) {
                    field(random, f == 0 ? record : record.append(' '), keys.get(random.nextInt(keys.size())), first,
                            false);
                }
                record.append('\'');
            }
            if (random.nextBoolean()) {
                for (String k : enriched) {
                    if (random.nextBoolean()) {
                        field(random, record.append(' '), k, first, true);
                    }
                }
            }
            if (random.nextInt(4) == 0) {
                record.append('\n');
            }
            String text = record.toString();
            for (String k : keys) {
                assertEquals(Optional.ofNullable(first.get(k)), read(text, k), () -> "key " + k + " of " + json(text, true));
            }
            for (String k : enriched) {
                assertEquals(Optional.ofNullable(first.get(k)), read(text, k), () -> "key " + k + " of " + json(text, true));
            }
            assertEquals(Optional.of(type), read(text, "type"));
            assertTrue(Pattern.compile(KqlRecord.AUDITD_RECORD).matcher(text).find(), text);
        }
    }

    /** Appends {@code key=value} in one of auditd's value forms and records the value if the key is new. */
    private static void field(java.util.Random random, StringBuilder record, String key, Map<String, String> first,
                              boolean kernel) {
        String value;
        String written;
        switch (random.nextInt(3)) {
            case 0 -> { // a quoted string: printable, no space and no double quote (those make it hex)
                StringBuilder v = new StringBuilder();
                String pieces = "'=a0=a1=exe=x/.-_:";
                int n = random.nextInt(8);
                for (int c = 0; c < n; c++) {
                    v.append(random.nextBoolean() ? (char) ('!' + random.nextInt('~' - '!' + 1))
                            : pieces.charAt(random.nextInt(pieces.length())));
                }
                value = v.toString().replace("\"", "");
                written = "\"" + value + "\"";
            }
            case 1 -> { // hex
                StringBuilder v = new StringBuilder();
                int n = 1 + random.nextInt(12);
                for (int c = 0; c < n; c++) {
                    v.append("0123456789ABCDEF".charAt(random.nextInt(16)));
                }
                value = v.toString();
                written = value;
            }
            default -> { // a bare token (numbers, words, '?', '(null)', paths of trusted fields)
                List<String> bare = List.of("0", "4294967295", "yes", "success", "?", "(null)", "x86_64",
                        "PAM:session_open", "system_u:system_r:init_t:s0", "/dev/pts/0", "");
                value = bare.get(random.nextInt(bare.size()));
                written = value;
            }
        }
        record.append(key).append('=').append(written);
        first.putIfAbsent(key, value);
    }

    @Test
    void theRecordPatternKeepsOnlyAuditRecords() {
        Pattern record = Pattern.compile(KqlRecord.AUDITD_RECORD);
        assertTrue(record.matcher("type=EXECVE msg=audit(1700000000.101:71): argc=1 a0=\"ls\"").find());
        assertTrue(record.matcher("node=web1 type=EXECVE msg=audit(1700000000.101:71): argc=1").find());
        assertTrue(record.matcher(" type=UNKNOWN[1334] msg=audit(1700000000.101:71): x=1").find());
        assertFalse(record.matcher("Accepted publickey for bob from 10.0.0.1 port 22 ssh2").find());
        assertFalse(record.matcher("session opened type=EXECVE msg=audit(1:1):").find());
        // audisp-syslog's interpret arg: the date as text and ") : ", values interpreted
        assertFalse(record.matcher("type=SYSCALL msg=audit(11/23/2026 15:00:00.101:71) : arch=x86_64 syscall=execve")
                .find());
    }

    /**
     * Hostile values on a record field and as keywords (on the record's column): the query lexes to exactly the
     * intended tokens, the value (or the regex built from it) being its only literal after the preamble's.
     */
    @Test
    void hostileValuesStayInsideTheirLiterals() throws IOException, InterruptedException {
        Hostile h = Hostile.seeded(0x61756469746400L);
        KqlHostileValuesTest.Batch queries = new KqlHostileValuesTest.Batch("--stdin-queries");
        record Try(String value, boolean keyword, StrOp op, boolean cased) {}
        List<Try> edges = new ArrayList<>();
        for (String v : KqlHostileValuesTest.HOSTILE.edges()) {
            edges.add(new Try(v, false, StrOp.EQUALS, false));
            edges.add(new Try(v, true, StrOp.CONTAINS, false));
        }
        List<Try> tries = h.tries(2_000, edges, g -> new Try(KqlHostileValuesTest.HOSTILE.next(g), g.bool(),
                g.pick(StrOp.class), g.bool()));
        KqlBackend kql = new KqlBackend();
        for (Try t : tries) {
            if (t.value().isEmpty()) {
                continue;
            }
            String field = t.keyword() ? "SyslogMessage" : "a0";
            StringMatch value = new StringMatch(t.keyword() ? Optional.empty() : Optional.of("a0"), t.op(),
                    SigmaString.literal(t.value()), t.cased(), SPAN);
            StringMatch type = new StringMatch(Optional.of("type"), StrOp.EQUALS, SigmaString.literal("EXECVE"), false, SPAN);
            MappedRule rule = TestRules.mapped(new And(List.of(type, value), SPAN), AUDITD, Map.of());
            String query = kql.render(rule).text();
            List<String> tokens = new ArrayList<>();
            tokens.add(token("IdentifierToken", "", "Syslog"));
            tokens.add(token("BarToken", "\n", "|"));
            tokens.add(token("WhereKeyword", " ", "where"));
            tokens.add(token("IdentifierToken", " ", "SyslogMessage"));
            tokens.add(token("MatchesRegexKeyword", " ", "matches regex"));
            tokens.add(stringToken(" ", KqlRecord.AUDITD_RECORD));
            tokens.add(token("BarToken", "\n", "|"));
            tokens.add(token("ExtendKeyword", " ", "extend"));
            List<String> extracted = t.keyword() ? List.of("type") : List.of("a0", "type");
            for (int i = 0; i < extracted.size(); i++) {
                if (i > 0) {
                    tokens.add(token("CommaToken", "", ","));
                }
                tokens.add(token("IdentifierToken", i == 0 ? " " : "\n    ", extracted.get(i)));
                tokens.add(token("EqualToken", " ", "="));
                tokens.add(token("IdentifierToken", " ", "trim"));
                tokens.add(token("OpenParenToken", "", "("));
                tokens.add(stringToken("", KqlRecord.QUOTE));
                tokens.add(token("CommaToken", "", ","));
                tokens.add(token("IdentifierToken", " ", "extract"));
                tokens.add(token("OpenParenToken", "", "("));
                tokens.add(stringToken("", KqlRecord.fieldRegex(extracted.get(i))));
                tokens.add(token("CommaToken", "", ","));
                tokens.add(token("LongLiteralToken", " ", "1"));
                tokens.add(token("CommaToken", "", ","));
                tokens.add(token("IdentifierToken", " ", "SyslogMessage"));
                tokens.add(token("CloseParenToken", "", ")"));
                tokens.add(token("CloseParenToken", "", ")"));
            }
            tokens.add(token("BarToken", "\n", "|"));
            tokens.add(token("WhereKeyword", " ", "where"));
            tokens.add(token("IdentifierToken", " ", "type"));
            tokens.add(token("EqualTildeToken", " ", "=~"));
            tokens.add(stringToken(" ", "EXECVE"));
            tokens.add(token("AndKeyword", " ", "and"));
            tokens.add(token("IdentifierToken", " ", field));
            if (t.cased() || KqlCase.asciiFoldSuffices(t.value())) {
                tokens.add(opToken(t.op(), t.cased()));
                tokens.add(stringToken(" ", t.value()));
            } else {
                tokens.add(token("MatchesRegexKeyword", " ", "matches regex"));
                tokens.add(stringToken(" ", Patterns.toRegex(SigmaString.literal(t.value()), t.op(), false)));
            }
            tokens.add(token("EndOfTextToken", "", ""));
            queries.expect(json(query, true), "{\"ok\":true,\"diagnostics\":[],\"tokens\":[" + String.join(",", tokens)
                    + "]}", t + " -> query " + json(query, true));
        }
        queries.start();
        assertEquals(List.of(), queries.finish(), h::seedNote);
    }
}
