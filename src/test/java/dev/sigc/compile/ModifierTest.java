package dev.sigc.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.CompareOp;
import dev.sigc.ast.Expr;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.Not;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.Or;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.ast.TimeUnit;
import dev.sigc.diag.SigcException;
import dev.sigc.rule.LoadResult;
import dev.sigc.rule.RuleLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModifierTest {
    private static Expr item(String item) {
        String yaml = "title: t\nlogsource:\n    category: process_creation\ndetection:\n    s:\n        " + item
                + "\n    condition: s\n";
        LoadResult lr = new RuleLoader().load("r.yml", yaml);
        assertTrue(lr.diagnostics().isEmpty(), lr.diagnostics().toString());
        return new RuleCompiler().compile(lr.rules().get(0)).condition();
    }

    private static String fails(String item) {
        return assertThrows(SigcException.class, () -> item(item)).diagnostic().render();
    }

    private static List<String> texts(Expr e) {
        return ((Or) e).terms().stream().map(t -> ((StringMatch) t).pattern().plainText()).toList();
    }

    @Test
    void base64offsetGivesTheThreeAlignments() {
        // "http://" at byte offsets 0, 1 and 2 of a base64 stream (the well-known Sigma example)
        assertEquals(List.of("aHR0cDovL", "h0dHA6Ly", "odHRwOi8v"), texts(item("F|base64offset|contains: 'http://'")));
    }

    @Test
    void everyAlignmentIsFoundInsideAnEncodingOfTheValue() {
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 300; n++) {
            byte[] value = new byte[1 + random.nextInt(12)];
            random.nextBytes(value);
            List<String> variants = Encodings.offsets(value);
            for (int shift = 0; shift < 3; shift++) {
                for (int tail = 0; tail < 3; tail++) {
                    byte[] around = new byte[shift + value.length + tail];
                    random.nextBytes(around);
                    System.arraycopy(value, 0, around, shift, value.length);
                    String encoded = java.util.Base64.getEncoder().encodeToString(around);
                    int s = shift;
                    assertTrue(variants.stream().anyMatch(encoded::contains) || value.length < 2,
                            "no variant of " + java.util.Arrays.toString(value) + " in " + encoded + " (shift " + s + ")");
                }
            }
        }
    }

    @Test
    void utf16AndBase64ApplyInChainOrder() {
        StringMatch m = assertInstanceOf(StringMatch.class, item("F|utf16le|base64: 'iwr'"));
        assertEquals(java.util.Base64.getEncoder().encodeToString("iwr".getBytes(StandardCharsets.UTF_16LE)), m.pattern().plainText());
        assertEquals(StrOp.EQUALS, m.op());
        StringMatch bom = assertInstanceOf(StringMatch.class, item("F|utf16|base64|contains: 'iwr'"));
        assertEquals("//5pAHcAcgA=", bom.pattern().plainText());
        assertEquals(StrOp.CONTAINS, bom.op());
    }

    @Test
    void comparisonsNeqFieldrefAndTimeParts() {
        NumberMatch gt = assertInstanceOf(NumberMatch.class, item("F|gt: 10"));
        assertEquals(CompareOp.GT, gt.op());
        Not neq = assertInstanceOf(Not.class, item("F|neq: x"));
        assertInstanceOf(StringMatch.class, neq.term());
        FieldRefMatch ref = assertInstanceOf(FieldRefMatch.class, item("F|fieldref|endswith: G"));
        assertEquals(StrOp.ENDS_WITH, ref.op());
        assertEquals("G", ref.otherField());
        TimePartMatch hour = assertInstanceOf(TimePartMatch.class, item("T|hour|gte: 22"));
        assertEquals(TimeUnit.HOUR, hour.unit());
        assertEquals(CompareOp.GTE, hour.op());
    }

    @Test
    void expandKeepsPlaceholdersForThePipeline() {
        StringMatch m = assertInstanceOf(StringMatch.class, item("F|expand: '%admins%'"));
        assertTrue(m.pattern().hasPlaceholders());
    }

    @Test
    void invalidCombinationsNameTheModifier() {
        assertEquals("r.yml:6:11: error: 'base64offset' needs 'contains': the encoded value is found inside a longer "
                + "base64 string (write 'field|base64offset|contains')", fails("F|base64offset: x"));
        assertEquals("r.yml:6:14: error: 'contains' cannot be combined with 'gt/gte/lt/lte'", fails("F|gt|contains: 1"));
        assertEquals("r.yml:7:15: error: 'gt' compares numbers; 'ten' is not a number (write it unquoted)",
                fails("F|gt:\n            - ten"));
        assertEquals("r.yml:6:17: error: 'hour' takes a whole number from 0 to 23, not 24", fails("T|hour: 24"));
        assertEquals("r.yml:6:11: error: unknown modifier 'base46' (did you mean 'base64'?)", fails("F|base46: x"));
        assertEquals("r.yml:6:19: error: a value with wildcards cannot be encoded (base64); escape a literal * or ? "
                + "with a backslash", fails("F|base64: 'a*b'"));
    }
}
