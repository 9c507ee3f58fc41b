package dev.sigc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.And;
import dev.sigc.ast.Expr;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.Not;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.Or;
import dev.sigc.ast.StringMatch;
import dev.sigc.compile.CompiledRule;
import dev.sigc.compile.RuleCompiler;
import dev.sigc.diag.SigcException;
import dev.sigc.rule.LoadResult;
import dev.sigc.rule.RuleLoader;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The transformations of pipeline files beyond renaming and state: each case is a small pipeline, a small rule,
 * and the condition the rule becomes (printed compactly) or the one-line error it gives.
 */
class PipelineVocabularyTest {
    private static final String PROCESS = "category: process_creation\nproduct: windows";

    /** A pipeline ({@code p.yml}) from its transformations, indented as list items under {@code transformations:}. */
    private static Pipeline pipeline(String transformations) {
        return PipelineLoader.parse("p.yml", "name: p\ntransformations:\n" + transformations, Optional.empty());
    }

    private static CompiledRule rule(String logsource, String detection) {
        String yaml = "title: t\nlogsource:\n" + indent(logsource) + "detection:\n" + indent(detection);
        LoadResult lr = new RuleLoader().load("r.yml", yaml);
        assertTrue(lr.diagnostics().isEmpty(), lr.diagnostics().toString());
        return new RuleCompiler().compile(lr.rules().get(0));
    }

    private static String indent(String lines) {
        return lines.lines().map(l -> "    " + l + "\n").collect(Collectors.joining());
    }

    private static MappedRule apply(String transformations, String logsource, String detection) {
        return new PipelineRunner("t", List.of(pipeline(transformations))).apply(rule(logsource, detection));
    }

    /** The condition the rule becomes. */
    private static String maps(String transformations, String logsource, String detection) {
        return print(apply(transformations, logsource, detection).condition());
    }

    /** The one-line error the rule gives. */
    private static String fails(String transformations, String logsource, String detection) {
        return assertThrows(SigcException.class, () -> apply(transformations, logsource, detection)).diagnostic().render();
    }

    /** The one-line error loading the pipeline gives. */
    private static String loadFails(String transformations) {
        return assertThrows(SigcException.class, () -> pipeline(transformations)).diagnostic().render();
    }

    static String print(Expr e) {
        if (e instanceof And a) {
            return "(" + a.terms().stream().map(PipelineVocabularyTest::print).collect(Collectors.joining(" and ")) + ")";
        }
        if (e instanceof Or o) {
            return "(" + o.terms().stream().map(PipelineVocabularyTest::print).collect(Collectors.joining(" or ")) + ")";
        }
        if (e instanceof Not n) {
            return "not " + print(n.term());
        }
        if (e instanceof StringMatch s) {
            String op = switch (s.op()) {
                case EQUALS -> "=";
                case STARTS_WITH -> "startswith";
                case ENDS_WITH -> "endswith";
                case CONTAINS -> "contains";
            };
            return s.field().orElse("<keyword>") + " " + op + " '" + StringValues.spell(s.pattern()) + "'" + (s.caseSensitive() ? " cased" : "");
        }
        if (e instanceof NumberMatch n) {
            return n.field() + " = " + n.value();
        }
        if (e instanceof FieldRefMatch r) {
            return r.field() + " = field " + r.otherField();
        }
        return e.toString();
    }

    // ---- field_name_prefix, field_name_suffix and field name conditions

    @Test
    void prefixAllFieldsButTheExcludedOnes() {
        String steps = """
              - type: field_name_prefix
                prefix: 'win.'
                field_name_conditions:
                  - type: exclude_fields
                    fields: [EventID]
            """;
        assertEquals("(EventID = 1 and win.Image endswith '\\cmd.exe' and win.CommandLine = field win.ParentImage)",
                maps(steps, PROCESS, "sel:\n    EventID: 1\n    Image|endswith: '\\cmd.exe'\n"
                        + "    CommandLine|fieldref: ParentImage\ncondition: sel"));
    }

    @Test
    void suffixOnlyTheIncludedFieldsByRegex() {
        String steps = """
              - type: field_name_suffix
                suffix: '.keyword'
                field_name_conditions:
                  - type: include_fields
                    match: re
                    fields: ['.*Image']
            """;
        assertEquals("(Image.keyword = 'a' and ParentImage.keyword = 'b' and ImageLoaded = 'c')",
                maps(steps, PROCESS, "sel:\n    Image: a\n    ParentImage: b\n    ImageLoaded: c\ncondition: sel"));
    }

    @Test
    void fieldConditionsCombineWithOrAndNegate() {
        String steps = """
              - type: field_name_prefix
                prefix: 'x.'
                field_name_cond_op: or
                field_name_cond_not: true
                field_name_conditions:
                  - type: include_fields
                    fields: [A]
                  - type: include_fields
                    fields: [B]
            """;
        assertEquals("(A = '1' and B = '2' and x.C = '3')",
                maps(steps, PROCESS, "sel:\n    A: '1'\n    B: '2'\n    C: '3'\ncondition: sel"));
    }

    @Test
    void aMappingWithFieldConditionsAndAPrefixForTheRest() {
        String steps = """
              - id: mapped
                type: field_name_mapping
                mapping:
                  Image: process.executable
                  User: user.name
                field_name_conditions:
                  - type: exclude_fields
                    fields: [User]
              - type: field_name_prefix
                prefix: 'winlog.event_data.'
                field_name_conditions:
                  - type: exclude_fields
                    match: re
                    fields: ['process\\..*']
            """;
        assertEquals("(process.executable = 'a' and winlog.event_data.User = 'b')",
                maps(steps, PROCESS, "sel:\n    Image: a\n    User: b\ncondition: sel"));
    }

    @Test
    void aPrefixedFieldIsNamedBySigmaNameInSchemaErrors() {
        String yaml = "name: p\nschema:\n  file: defender-xdr.json\n  table: DeviceProcessEvents\ntransformations:\n"
                + "  - type: field_name_prefix\n    prefix: 'x.'\n";
        PipelineRunner runner = new PipelineRunner("t", List.of(PipelineLoader.parse("p.yml", yaml, Optional.empty())));
        SigcException e = assertThrows(SigcException.class,
                () -> runner.apply(rule(PROCESS, "sel:\n    Image: a\ncondition: sel")));
        assertTrue(e.diagnostic().render().startsWith("r.yml:7:9: error: t: field 'Image' (mapped to 'x.Image') is not a "
                + "field of DeviceProcessEvents"), e.diagnostic().render());
    }

    // ---- drop_detection_item

    private static final String DROP_EVENT_ID = """
              - id: implied
                type: drop_detection_item
                field_name_conditions:
                  - type: include_fields
                    fields: [EventID]
            """;

    @Test
    void droppedItemsLeaveTheirAnd() {
        assertEquals("(Image = 'a' and not User = 'b')", maps(DROP_EVENT_ID, PROCESS,
                "sel:\n    EventID: [1, 4688]\n    Image: a\nfilter:\n    EventID: 1\n    User: b\n"
                        + "condition: sel and not filter"));
    }

    @Test
    void aSelectionOfOnlyDroppedItemsLeavesAnAnd() {
        assertEquals("not User = 'b'", maps(DROP_EVENT_ID, PROCESS,
                "sel:\n    EventID: 4688\nfilter:\n    User: b\ncondition: sel and not filter"));
    }

    @Test
    void droppingEveryItemIsAnError() {
        assertEquals("r.yml:7:18: error: t: drop_detection_item 'implied' of pipeline p drops every item of this rule's "
                + "condition, so the rule would match every event; drop fewer fields, or leave this logsource out "
                + "with rule_conditions", fails(DROP_EVENT_ID, PROCESS, "sel:\n    EventID: 4688\ncondition: sel"));
    }

    @Test
    void droppingOneSideOfAnOrIsAnError() {
        assertEquals("r.yml:7:18: error: t: drop_detection_item 'implied' of pipeline p would drop one side of an 'or' "
                + "and keep the other; the rule would then match differently from what it says. Drop the field on "
                + "every side, or not at all", fails(DROP_EVENT_ID, PROCESS,
                "a:\n    EventID: 4688\nb:\n    Image: x\ncondition: a or b"));
    }

    @Test
    void droppingEverythingUnderANotIsAnError() {
        assertEquals("r.yml:9:18: error: t: drop_detection_item 'implied' of pipeline p drops everything under a 'not', "
                + "so the rule would match nothing; drop fewer fields", fails(DROP_EVENT_ID, PROCESS,
                "sel:\n    Image: x\nfilter:\n    EventID: 1\ncondition: sel and not filter"));
    }

    @Test
    void aRuleWithoutTheFieldIsUnchanged() {
        CompiledRule r = rule(PROCESS, "sel:\n    Image: x\ncondition: sel");
        assertTrue(new PipelineRunner("t", List.of(pipeline(DROP_EVENT_ID))).apply(r).condition() == r.condition());
    }

    // ---- replace_string

    @Test
    void replaceStringSeesTheWholeValueInSigmaNotation() {
        String steps = """
              - type: replace_string
                regex: '^\\*\\\\([^\\\\]+)$'
                replacement: '\\1'
                field_name_conditions:
                  - type: include_fields
                    fields: [Image]
            """;
        assertEquals("(Image = 'cmd.exe' and ParentImage endswith '\\cmd.exe' and Image endswith 'a\\b')",
                maps(steps, PROCESS, "sel:\n    Image|endswith: '\\cmd.exe'\n    ParentImage|endswith: '\\cmd.exe'\n"
                        + "sel2:\n    Image|endswith: 'a\\b'\ncondition: sel and sel2"));
    }

    @Test
    void replaceStringMayAddWildcardsAndKeepsCase() {
        String steps = """
              - type: replace_string
                regex: '\\\\'
                replacement: '*'
            """;
        assertEquals("CommandLine contains 'a*b' cased",
                maps(steps, PROCESS, "sel:\n    CommandLine|contains|cased: 'a\\b'\ncondition: sel"));
    }

    @Test
    void replaceStringWithSkipSpecialOnlyEditsText() {
        String steps = """
              - type: replace_string
                regex: '^C:'
                replacement: '%SystemDrive%*'
                skip_special: true
            """;
        assertEquals("(Image startswith '%SystemDrive%\\*\\Win' and Image contains 'xC:')", maps(steps, PROCESS,
                "sel:\n    Image|startswith: 'C:\\Win'\nsel2:\n    Image|contains: 'xC:'\ncondition: sel and sel2"));
    }

    @Test
    void replaceStringLeavesNumbersAlone() {
        String steps = """
              - type: replace_string
                regex: '1'
                replacement: '2'
            """;
        assertEquals("(EventID = 1 and Image = '2')", maps(steps, PROCESS, "sel:\n    EventID: 1\n    Image: '1'\ncondition: sel"));
    }

    @Test
    void replaceStringOnAPlaceholderIsAnError() {
        String steps = """
              - id: r
                type: replace_string
                regex: 'x'
                replacement: 'y'
            """;
        assertEquals("r.yml:7:22: error: t: replace_string 'r' of pipeline p cannot rewrite a value with a placeholder "
                + "(%admins%x); resolve it with value_placeholders first, or set skip_special: true to rewrite only the "
                + "text around it", fails(steps, PROCESS, "sel:\n    User|expand: '%admins%x'\ncondition: sel"));
    }

    @Test
    void spellingReadsBack() {
        for (String raw : List.of("C:\\Windows\\", "a\\*b", "a\\\\*", "\\\\\\\\x", "*\\?", "x\\\\", "a?b*c", "\\*\\")) {
            dev.sigc.ast.SigmaString s = dev.sigc.ast.SigmaString.parse(raw);
            assertEquals(s, dev.sigc.ast.SigmaString.parse(StringValues.spell(s)), raw);
        }
        assertEquals("C:\\Windows\\System32", StringValues.spell(dev.sigc.ast.SigmaString.parse("C:\\Windows\\System32")));
    }

    // ---- map_string

    @Test
    void mapStringMapsWholeValuesOneToMany() {
        String steps = """
              - type: map_string
                mapping:
                  '%%SystemRoot%%': ['C:\\Windows', 'D:\\Windows']
                  '*x*': y
                field_name_conditions:
                  - type: include_fields
                    fields: [Path, CommandLine]
            """;
        assertEquals("((Path = 'C:\\Windows' or Path = 'D:\\Windows') and CommandLine = 'y' and CommandLine = 'x' and "
                        + "Other = '%%SystemRoot%%' and Path = '%%systemroot%%')",
                maps(steps, PROCESS, "sel:\n    Path: '%%SystemRoot%%'\n    CommandLine|contains: x\n    CommandLine: x\n"
                        + "    Other: '%%SystemRoot%%'\nsel2:\n    Path: '%%systemroot%%'\ncondition: sel and sel2"));
    }

    private static final String MAP_LOGTYPE = """
              - type: map_string
                mapping:
                  '5001': LOG_PORT_SYN
                  'true': egress
                unmapped_failure: not in the table
                field_name_conditions:
                  - type: include_fields
                    fields: [logtype, Initiated]
            """;

    @Test
    void mapStringMapsNumbersAndBooleansByTheirSpelling() {
        assertEquals("(logtype = 'LOG_PORT_SYN' and logtype = 'LOG_PORT_SYN' and Initiated = 'egress' and "
                        + "Initiated = 'egress' and Other = 5001)",
                maps(MAP_LOGTYPE, PROCESS, "sel:\n    logtype: 5001\nsel2:\n    logtype: '5001'\nsel3:\n    Initiated: true\n"
                        + "sel4:\n    Initiated: 'true'\n    Other: 5001\ncondition: all of sel*"));
    }

    @Test
    void mapStringUnmappedFailureRefusesEveryOtherValue() {
        for (String item : List.of("logtype: 5002", "logtype|gt: 5000", "logtype|startswith: '50'", "Initiated: false",
                "logtype|re: '5.*'", "logtype: null")) {
            String err = fails(MAP_LOGTYPE, PROCESS, "sel:\n    " + item + "\ncondition: sel");
            assertTrue(err.contains("error: t: not in the table (field '"), item + ": " + err);
            assertTrue(err.contains("map_string of pipeline p"), err);
        }
        // a keyword is not on a chosen field, and is left alone
        assertEquals("<keyword> contains 'abc'", maps(MAP_LOGTYPE, PROCESS, "keywords:\n    - abc\ncondition: keywords"));
        assertTrue(loadFails("  - type: map_string\n    mapping: {a: b}\n    unmapped_failure: m\n")
                .contains("unmapped_failure needs field_name_conditions"));
    }

    // ---- hashes_fields

    private static final String HASHES = """
              - id: hashes
                type: hashes_fields
                algorithms:
                  SHA256: process.hash.sha256
                  md5: [a.md5, b.md5]
                  SHA1: process.hash.sha1
                message: no imphash here
                field_name_conditions:
                  - type: include_fields
                    fields: [Hashes]
            """;
    private static final String SHA256 = "B5ACF14CDAC40BE590318DEE95425D0746E85B1B7B1CBD14DA66F21F2522BF4D";
    private static final String MD5 = "0123456789abcdefABCDEF0123456789";

    @Test
    void wholeHashesBecomeCaseFreeEqualitiesOnTheirAlgorithmsField() {
        // contains, equals, startswith and endswith of one whole ALGO=hex all mean "the file's hash is hex"
        assertEquals("((process.hash.sha256 = '" + SHA256.toLowerCase() + "' or a.md5 = '" + MD5.toLowerCase()
                        + "' or b.md5 = '" + MD5.toLowerCase() + "') and process.hash.sha1 = '"
                        + "0123456789012345678901234567890123456789' and not process.hash.sha256 = '"
                        + SHA256.toLowerCase() + "' and Image = 'x' and Other contains 'MD5=1')",
                maps(HASHES, PROCESS, "sel:\n    Hashes|contains:\n      - 'SHA256=" + SHA256 + "'\n      - 'md5="
                        + MD5 + "'\n    Hashes|startswith|cased: 'SHA1=0123456789012345678901234567890123456789'\n"
                        + "f:\n    Hashes|endswith: 'Sha256=" + SHA256 + "'\nsel2:\n    Image: x\n    Other|contains: 'MD5=1'\n"
                        + "condition: sel and not f and sel2"));
        assertEquals("process.hash.sha256 = '" + SHA256.toLowerCase() + "'",
                maps(HASHES, PROCESS, "sel:\n    Hashes: 'SHA256=" + SHA256 + "'\ncondition: sel"));
    }

    @Test
    void anythingButOneWholeHashIsAnErrorAtTheValue() {
        String at = "r.yml:7:26: error: t: hashes_fields 'hashes' of pipeline p: ";
        assertEquals(at + "value '*SHA256=B5ACF14C*' of Hashes has 8 hex digits, but a whole SHA256 hash has 64; "
                        + "only a whole hash can be matched on the target's SHA256 field",
                fails(HASHES, PROCESS, "sel:\n    Hashes|contains: 'SHA256=B5ACF14C'\ncondition: sel"));
        assertEquals(at + "value '*SHA256=B5*4F*' of Hashes has a wildcard or placeholder inside; write one whole "
                        + "'ALGO=hex' value",
                fails(HASHES, PROCESS, "sel:\n    Hashes|contains: 'SHA256=B5*4F'\ncondition: sel"));
        assertEquals(at + "value '*" + SHA256 + "' of Hashes is not one 'ALGO=hex' hash (ALGO one of IMPHASH, MD5, "
                        + "SHA1, SHA256)",
                fails(HASHES, PROCESS, "sel:\n    Hashes|endswith: '" + SHA256 + "'\ncondition: sel"));
        assertEquals(at + "value '*MD5=" + MD5 + ",SHA256=" + SHA256 + "*' of Hashes is not one 'ALGO=hex' hash (ALGO "
                        + "one of IMPHASH, MD5, SHA1, SHA256); write each hash as a value of its own",
                fails(HASHES, PROCESS, "sel:\n    Hashes|contains: 'MD5=" + MD5 + ",SHA256=" + SHA256 + "'\ncondition: sel"));
        assertEquals(at + "value '*SHA512=" + MD5 + "*' of Hashes names unknown algorithm 'SHA512'; Sysmon logs "
                        + "IMPHASH, MD5, SHA1, SHA256",
                fails(HASHES, PROCESS, "sel:\n    Hashes|contains: 'SHA512=" + MD5 + "'\ncondition: sel"));
        assertEquals(at + "value '*IMPHASH=" + MD5 + "*' of Hashes is an IMPHASH hash, and this step maps no field for "
                        + "IMPHASH (no imphash here); mapped: SHA256, MD5, SHA1",
                fails(HASHES, PROCESS, "sel:\n    Hashes|contains: 'IMPHASH=" + MD5 + "'\ncondition: sel"));
        assertEquals(at + "value '*MD5=00000000000000000000000000000000*' of Hashes is all zeros, which Sysmon writes "
                        + "when it could not compute the hash (e.g. no imphash for a file that is not a PE image); it "
                        + "names no file, and targets that split the list drop such values, so it cannot be matched there",
                fails(HASHES, PROCESS, "sel:\n    Hashes|contains: 'MD5=00000000000000000000000000000000'\ncondition: sel"));
        assertEquals("r.yml:7:20: error: t: hashes_fields 'hashes' of pipeline p: only string values 'ALGO=hex' of "
                        + "Hashes can become hash fields, not a regular expression",
                fails(HASHES, PROCESS, "sel:\n    Hashes|re: 'SHA256=.*'\ncondition: sel"));
    }

    @Test
    void hashesFieldsNeedsFieldsAndKnownAlgorithms() {
        assertEquals("p.yml:3:5: error: hashes_fields needs field_name_conditions naming the hash list fields (e.g. "
                + "Hashes, Hash); without them it would read every value of every rule as a hash",
                loadFails("  - type: hashes_fields\n    algorithms: {MD5: md5}\n"));
        assertEquals("p.yml:5:7: error: unknown hash algorithm 'SHA265' (did you mean 'SHA256'?); Sysmon logs IMPHASH, "
                + "MD5, SHA1, SHA256", loadFails("  - type: hashes_fields\n    algorithms:\n      SHA265: x\n"
                + "    field_name_conditions:\n      - type: include_fields\n        fields: [Hashes]\n"));
        assertEquals("p.yml:6:7: error: algorithm 'MD5' is mapped twice", loadFails("  - type: hashes_fields\n"
                + "    algorithms:\n      MD5: x\n      md5: y\n"
                + "    field_name_conditions:\n      - type: include_fields\n        fields: [Hashes]\n"));
    }

    @Test
    void aRuleHashesFieldsChangedCannotBeFollowedByEvents() {
        PipelineRunner runner = new PipelineRunner("t", List.of(pipeline(HASHES)));
        assertEquals(List.of("hashes_fields 'hashes' of pipeline p (p.yml:3:5)"), runner.eventShape(
                rule(PROCESS, "sel:\n    Hashes|contains: 'SHA256=" + SHA256 + "'\ncondition: sel")).unfollowed());
        assertEquals(List.of(), runner.eventShape(rule(PROCESS, "sel:\n    Image: x\ncondition: sel")).unfollowed());
    }

    // ---- change_logsource

    @Test
    void laterStepsSeeTheChangedLogsource() {
        String steps = """
              - type: set_state
                key: before
                val: seen
                rule_conditions:
                  - type: logsource
                    category: process_creation
              - type: change_logsource
                category: sysmon_process
                service: sysmon
                rule_conditions:
                  - type: logsource
                    category: process_creation
              - type: set_state
                key: after
                val: seen
                rule_conditions:
                  - type: logsource
                    category: sysmon_process
                    product: windows
                    service: sysmon
              - type: set_state
                key: stale
                val: seen
                rule_conditions:
                  - type: logsource
                    category: process_creation
            """;
        MappedRule m = apply(steps, PROCESS, "sel:\n    Image: a\ncondition: sel");
        assertEquals(java.util.Map.of("before", "seen", "after", "seen"), m.state());
        assertEquals("process_creation", m.rule().logsource().category().orElseThrow());
    }

    // ---- rule_conditions: rule_cond_op, rule_cond_not

    @Test
    void ruleConditionsCombineWithAndAndNegate() {
        String steps = """
              - type: set_state
                key: both
                val: 'yes'
                rule_cond_op: and
                rule_conditions:
                  - type: logsource
                    category: process_creation
                  - type: logsource
                    product: linux
              - type: set_state
                key: notlinux
                val: 'yes'
                rule_cond_not: true
                rule_conditions:
                  - type: logsource
                    product: linux
            """;
        assertEquals(java.util.Map.of("notlinux", "yes"), apply(steps, PROCESS, "sel:\n    A: a\ncondition: sel").state());
        assertEquals(java.util.Map.of("both", "yes"),
                apply(steps, "category: process_creation\nproduct: linux", "sel:\n    A: a\ncondition: sel").state());
    }

    // ---- rule_failure, detection_item_failure

    @Test
    void ruleFailureIsAnErrorAtTheLogsourceWithThePipelinesMessage() {
        String steps = """
              - id: no_linux
                type: rule_failure
                message: Linux process events are not collected here
                rule_conditions:
                  - type: logsource
                    product: linux
            """;
        assertEquals("r.yml:3:5: error: t: Linux process events are not collected here (rule_failure 'no_linux' of "
                + "pipeline p, for logsource category=process_creation product=linux)",
                fails(steps, "category: process_creation\nproduct: linux", "sel:\n    Image: a\ncondition: sel"));
        assertEquals("Image = 'a'", maps(steps, PROCESS, "sel:\n    Image: a\ncondition: sel"));
    }

    @Test
    void detectionItemFailureIsAnErrorAtTheItem() {
        String steps = """
              - type: field_name_mapping
                mapping:
                  Hashes: hash
              - type: detection_item_failure
                message: hashes are not collected; use Image instead
                field_name_conditions:
                  - type: include_fields
                    fields: [hash]
            """;
        assertEquals("r.yml:9:26: error: t: hashes are not collected; use Image instead (field 'Hashes'; "
                + "detection_item_failure of pipeline p)",
                fails(steps, PROCESS, "sel:\n    Image: a\nsel2:\n    Hashes|contains: x\ncondition: sel and sel2"));
        assertEquals("Image = 'a'", maps(steps, PROCESS, "sel:\n    Image: a\ncondition: sel"));
    }

    // ---- detection_item_unless

    private static final String UNLESS_EXECVE = """
              - type: field_name_mapping
                mapping:
                  exe: process.executable
              - type: detection_item_unless
                conditions:
                  event.action: [execve, other]
                  record_type: EXECVE
                field_name_conditions:
                  - type: include_fields
                    fields: [process.executable]
            """;

    @Test
    void detectionItemUnlessNarrowsEachChosenItem() {
        assertEquals("(process.executable endswith '/x' and not (event.action = 'execve' or event.action = 'other' "
                        + "or record_type = 'EXECVE') and comm = 'a')",
                maps(UNLESS_EXECVE, PROCESS, "sel:\n    exe|endswith: /x\n    comm: a\ncondition: sel"));
        // under a not, the narrowed item is what is negated: a record it excludes passes the filter
        assertEquals("(comm = 'a' and not (process.executable = '/x' and not (event.action = 'execve' "
                        + "or event.action = 'other' or record_type = 'EXECVE')))",
                maps(UNLESS_EXECVE, PROCESS, "sel:\n    comm: a\nf:\n    exe: /x\ncondition: sel and not f"));
        assertEquals("comm = 'a'", maps(UNLESS_EXECVE, PROCESS, "sel:\n    comm: a\ncondition: sel"));
        // a list of values on a chosen field gets one guard, not one per value
        assertEquals("((process.executable startswith '/tmp/' or process.executable startswith '/var/www/') and not "
                        + "(event.action = 'execve' or event.action = 'other' or record_type = 'EXECVE'))",
                maps(UNLESS_EXECVE, PROCESS, "sel:\n    exe|startswith: [/tmp/, /var/www/]\ncondition: sel"));
        // an OR mixing guarded and other items guards only its chosen ones
        assertEquals("((process.executable = '/x' and not (event.action = 'execve' or event.action = 'other' "
                        + "or record_type = 'EXECVE')) or comm = 'a')",
                maps(UNLESS_EXECVE, PROCESS, "a:\n    exe: /x\nb:\n    comm: a\ncondition: a or b"));
    }

    @Test
    void detectionItemUnlessNeedsFieldsAndConditions() {
        assertEquals("p.yml:3:5: error: detection_item_unless needs field_name_conditions naming the fields whose "
                        + "items it narrows (without them it would narrow every item of every rule)",
                loadFails("  - type: detection_item_unless\n    conditions: {a: b}\n"));
        assertEquals("p.yml:4:17: error: conditions is empty; name at least one field: value",
                loadFails("  - type: detection_item_unless\n    conditions: {}\n    field_name_conditions:\n"
                        + "      - {type: include_fields, fields: [x]}\n"));
    }

    // ---- keyword_fields

    private static final String SYSLOG_KEYWORDS = """
              - id: syslog_message
                type: keyword_fields
                fields: [message]
                forbid_chars: '<>&"'
                message: the raw event is XML, where these characters are escaped
                rule_conditions:
                  - type: logsource
                    product: linux
                    service: syslog
              - type: field_name_mapping
                mapping:
                  message: SyslogMessage
            """;

    @Test
    void keywordsSearchTheGivenFieldsAndAreRenamedAfter() {
        assertEquals("((SyslogMessage contains 'a' or SyslogMessage contains 'b*c') and Image = 'x')",
                maps(SYSLOG_KEYWORDS, "product: linux\nservice: syslog",
                        "keywords:\n    - a\n    - b*c\nsel:\n    Image: x\ncondition: keywords and sel"));
    }

    @Test
    void keywordsOnSeveralFieldsAreAnOr() {
        String steps = """
              - type: keyword_fields
                fields: [message, msg]
            """;
        assertEquals("(message startswith 'x' or msg startswith 'x')",
                maps(steps, PROCESS, "keywords:\n    '|startswith': x\ncondition: keywords"));
    }

    @Test
    void aForbiddenCharacterInAKeywordIsAnError() {
        assertEquals("r.yml:7:11: error: t: keyword_fields 'syslog_message' of pipeline p forbids '<' in keywords (the "
                + "raw event is XML, where these characters are escaped), and keyword '<x>' holds it; match a field instead",
                fails(SYSLOG_KEYWORDS, "product: linux\nservice: syslog", "keywords:\n    - '<x>'\ncondition: keywords"));
    }

    @Test
    void keywordsElsewhereStayKeywords() {
        assertEquals("<keyword> contains 'a'",
                maps(SYSLOG_KEYWORDS, PROCESS, "keywords:\n    - a\ncondition: keywords"));
    }

    // ---- value_placeholders with field conditions

    @Test
    void placeholdersResolveOnlyOnTheChosenFields() {
        Pipeline p = PipelineLoader.parse("p.yml", """
                name: p
                vars:
                  admins: [root, admin]
                transformations:
                  - type: value_placeholders
                    field_name_conditions:
                      - type: include_fields
                        fields: [User]
                """, Optional.empty());
        CompiledRule r = rule(PROCESS, "sel:\n    User|expand: '%admins%'\n    Other|expand: '%admins%'\ncondition: sel");
        SigcException e = assertThrows(SigcException.class, () -> new PipelineRunner("t", List.of(p)).apply(r));
        assertTrue(e.diagnostic().render().startsWith("r.yml:8:23: error: t: placeholder '%admins%' has no values"),
                e.diagnostic().render());
    }

    // ---- rule tests: events follow renames; steps they cannot follow are named

    @Test
    void eventsFollowPrefixesAndConditionalMappings() {
        String steps = """
              - type: field_name_mapping
                mapping:
                  Image: [process.executable, process.name]
                field_name_conditions:
                  - type: include_fields
                    fields: [Image]
              - type: field_name_prefix
                prefix: 'winlog.'
                field_name_conditions:
                  - type: exclude_fields
                    match: re
                    fields: ['process\\..*']
            """;
        PipelineRunner runner = new PipelineRunner("t", List.of(pipeline(steps)));
        CompiledRule r = rule(PROCESS, "sel:\n    Image|endswith: '\\cmd.exe'\n    User: bob\ncondition: sel");
        EventShape shape = runner.eventShape(r);
        assertEquals(List.of(), shape.unfollowed());
        for (String event : List.of("{\"Image\": \"C:\\\\cmd.exe\", \"User\": \"bob\"}",
                "{\"Image\": \"C:\\\\cmd.exe\", \"User\": \"eve\"}", "{\"Image\": \"x\", \"User\": \"bob\"}")) {
            dev.sigc.eval.Json.Obj e = (dev.sigc.eval.Json.Obj) dev.sigc.eval.JsonParser.parse(event);
            dev.sigc.eval.Json.Obj carried = dev.sigc.eval.EventTranslator.translate(e, shape);
            assertEquals(dev.sigc.eval.Evaluator.of(r.condition()).matches(e),
                    dev.sigc.eval.Evaluator.of(runner.apply(r).condition()).matches(carried), event + " -> " + carried.toText());
        }
        assertEquals("{\"process.executable\":\"x\",\"process.name\":\"x\",\"winlog.User\":\"bob\"}",
                dev.sigc.eval.EventTranslator.translate((dev.sigc.eval.Json.Obj) dev.sigc.eval.JsonParser.parse(
                        "{\"Image\": \"x\", \"User\": \"bob\"}"), shape).toText());
    }

    @Test
    void stepsEventsCannotFollowAreNamedOnlyForTheRulesTheyChange() {
        PipelineRunner runner = new PipelineRunner("t", List.of(pipeline(DROP_EVENT_ID)));
        assertEquals(List.of("drop_detection_item 'implied' of pipeline p (p.yml:3:5)"), runner.eventShape(
                rule(PROCESS, "sel:\n    EventID: 1\n    Image: x\ncondition: sel")).unfollowed());
        assertEquals(List.of(), runner.eventShape(rule(PROCESS, "sel:\n    Image: x\ncondition: sel")).unfollowed());
    }

    // ---- what the loader refuses, each at its place in the file

    @Test
    void badShapesAreErrorsWhereTheyStand() {
        assertEquals("p.yml:5:5: error: unknown key 'prefx' in a field_name_prefix transformation (did you mean "
                + "'prefix'?); known: id, type, rule_conditions, rule_cond_op, rule_cond_not, field_name_conditions, "
                + "field_name_cond_op, field_name_cond_not, prefix",
                loadFails("  - type: field_name_prefix\n    prefix: a\n    prefx: b\n"));
        assertEquals("p.yml:3:11: error: unknown transformation type 'field_name_prefx' (did you mean "
                + "'field_name_prefix'?); supported: field_name_mapping, field_name_prefix, field_name_suffix, set_state, "
                + "add_condition, value_placeholders, drop_detection_item, replace_string, map_string, hashes_fields, "
                + "change_logsource, rule_failure, detection_item_failure, detection_item_unless, keyword_fields",
                loadFails("  - type: field_name_prefx\n"));
        assertEquals("p.yml:4:13: error: prefix must be a string", loadFails("  - type: field_name_prefix\n    prefix: [a]\n"));
        assertEquals("p.yml:3:5: error: missing 'prefix'", loadFails("  - type: field_name_prefix\n"));
        assertEquals("p.yml:4:12: error: invalid regular expression: Unclosed group near index 2; fix the pattern (Java regular expression syntax)",
                loadFails("  - type: replace_string\n    regex: '(a'\n    replacement: b\n"));
        assertEquals("p.yml:5:18: error: replacement refers to group 2 but the regex has 1 group(s)",
                loadFails("  - type: replace_string\n    regex: '(a)'\n    replacement: '\\2'\n"));
        assertEquals("p.yml:5:18: error: replacement: a backslash starts a group (\\1 ... \\99) or a backslash (\\\\); "
                + "write a literal backslash as \\\\", loadFails("  - type: replace_string\n    regex: 'a'\n    replacement: '\\x'\n"));
        assertEquals("p.yml:6:19: error: skip_special must be true or false",
                loadFails("  - type: replace_string\n    regex: 'a'\n    replacement: b\n    skip_special: 1\n"));
        assertEquals("p.yml:3:5: error: drop_detection_item needs field_name_conditions naming the fields whose items to "
                + "drop (without them it would drop every item of every rule)", loadFails("  - type: drop_detection_item\n"));
        assertEquals("p.yml:5:15: error: unsupported field name condition type 'include_field'; supported: "
                + "include_fields, exclude_fields", loadFails("  - type: drop_detection_item\n    field_name_conditions:\n"
                + "      - type: include_field\n        fields: [A]\n"));
        assertEquals("p.yml:6:16: error: match must be plain or re, not 'regex'", loadFails("  - type: drop_detection_item\n"
                + "    field_name_conditions:\n      - type: include_fields\n        match: regex\n        fields: [A]\n"));
        assertEquals("p.yml:7:18: error: invalid regular expression: Dangling meta character '*' near index 0",
                loadFails("  - type: drop_detection_item\n    field_name_conditions:\n      - type: include_fields\n"
                        + "        match: re\n        fields: ['*x']\n"));
        assertEquals("p.yml:6:9: error: unknown key 'field' in a field name condition (did you mean 'fields'?); known: "
                + "type, fields, match", loadFails("  - type: drop_detection_item\n    field_name_conditions:\n"
                + "      - type: include_fields\n        field: [A]\n"));
        assertEquals("p.yml:4:5: error: unknown key 'field_name_conditions' in a set_state transformation; known: id, "
                + "type, rule_conditions, rule_cond_op, rule_cond_not, key, val", loadFails("  - type: set_state\n"
                + "    field_name_conditions: []\n    key: a\n    val: b\n"));
        assertEquals("p.yml:3:5: error: change_logsource needs at least one of category, product, service",
                loadFails("  - type: change_logsource\n"));
        assertEquals("p.yml:5:14: error: 'message' explains forbid_chars; give forbid_chars too",
                loadFails("  - type: keyword_fields\n    fields: [message]\n    message: x\n"));
        assertEquals("p.yml:4:13: error: fields must not be empty", loadFails("  - type: keyword_fields\n    fields: []\n"));
        assertEquals("p.yml:4:19: error: rule_cond_op and rule_cond_not need rule_conditions",
                loadFails("  - type: rule_failure\n    rule_cond_op: and\n    message: x\n"));
        assertEquals("p.yml:7:9: error: unknown key 'categroy' in a logsource rule condition (did you mean 'category'?); "
                + "known: type, category, product, service", loadFails("  - type: rule_failure\n    message: x\n"
                + "    rule_conditions:\n      - type: logsource\n        categroy: a\n"));
        assertEquals("p.yml:2:1: error: 'postprocessing' (query post-processing) is not supported; sigc's output "
                + "formats (-f) write platform rule files", assertThrows(SigcException.class, () -> PipelineLoader.parse(
                "p.yml", "name: p\npostprocessing: []\n", Optional.empty())).diagnostic().render());
        assertEquals("p.yml:6:7: error: '*x*' is mapped twice",
                loadFails("  - type: map_string\n    mapping:\n      '*x*': a\n      '*x*': b\n"));
    }

    @Test
    void theReferenceDescribesEveryStepAndTheReadmeNamesIt() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/pipelines.md"));
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        for (String type : PipelineLoader.transformationTypes()) {
            assertTrue(doc.contains("| `" + type + "`"), type + " has no row in docs/pipelines.md");
            assertTrue(readme.contains("`" + type + "`"), type + " is not named in README.md");
        }
    }

    @Test
    void everyBundledPipelineStillLoads() {
        for (String name : List.of("kql-defender.yml", "kql-sentinel.yml", "eql-ecs.yml", "spl-sysmon.yml")) {
            assertTrue(!PipelineLoader.bundled(name).transformations().isEmpty(), name);
        }
    }
}
