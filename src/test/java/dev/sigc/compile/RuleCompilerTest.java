package dev.sigc.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.And;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Not;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.Or;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import dev.sigc.rule.LoadResult;
import dev.sigc.rule.RuleLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {
    private static Expr compile(String detection) {
        String yaml = "title: t\nlogsource:\n    category: process_creation\ndetection:\n" + detection;
        LoadResult lr = new RuleLoader().load("r.yml", yaml);
        assertTrue(lr.diagnostics().isEmpty(), lr.diagnostics().toString());
        return new RuleCompiler().compile(lr.rules().get(0)).condition();
    }

    private static SigcException fails(String detection) {
        return assertThrows(SigcException.class, () -> compile(detection));
    }

    @Test
    void rulesWithTheSameConditionTextEachUseTheirOwnIdentifiersAndPositions() {
        // the condition's parse tree is shared by text; what it resolves to and where it points must not be
        Expr first = compile("    a: {F: 1}\n    b: {G: 2}\n    condition: a and not b\n");
        Expr second = compile("    a: {H: 3}\n    x: {K: 4}\n    b: {J: 5}\n    condition:   a and not b\n");
        assertEquals("(F = 1 and not G = 2)", describe(first));
        assertEquals("(H = 3 and not J = 5)", describe(second));
        And a1 = assertInstanceOf(And.class, first);
        And a2 = assertInstanceOf(And.class, second);
        assertEquals(List.of(7, 18), List.of(a1.span().line(), a1.span().column())); // at 'and'
        assertEquals(List.of(8, 20), List.of(a2.span().line(), a2.span().column()));
        SigcException unknown = fails("    a: {F: 1}\n    c: {G: 2}\n    condition: a and not b\n");
        assertTrue(unknown.getMessage().contains("condition names 'b', which is not a search identifier"),
                unknown.getMessage());
    }

    private static String describe(Expr e) {
        if (e instanceof And and) {
            return "(" + describe(and.terms().get(0)) + " and " + describe(and.terms().get(1)) + ")";
        }
        if (e instanceof Not not) {
            return "not " + describe(not.term());
        }
        NumberMatch m = assertInstanceOf(NumberMatch.class, e);
        return m.field() + " = " + m.value();
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Expr e = compile("    a: {F: 1}\n    b: {F: 2}\n    c: {F: 3}\n    condition: not a and b or c\n");
        Or or = assertInstanceOf(Or.class, e);
        And and = assertInstanceOf(And.class, or.terms().get(0));
        assertInstanceOf(Not.class, and.terms().get(0));
    }

    @Test
    void identifierThatStartsWithAKeywordIsOneIdentifier() {
        Expr e = compile("    notepad_sel: {F: x}\n    condition: notepad_sel\n");
        assertInstanceOf(StringMatch.class, e);
    }

    @Test
    void themLeavesOutUnderscoreIdentifiersAndOneOfIsAnOr() {
        Expr e = compile("    sel1: {F: 1}\n    sel2: {F: 2}\n    _helper: {F: 3}\n    condition: all of them\n");
        assertEquals(2, assertInstanceOf(And.class, e).terms().size());
        Expr one = compile("    sel1: {F: 1}\n    sel2: {F: 2}\n    other: {F: 3}\n    condition: 1 of sel*\n");
        assertEquals(2, assertInstanceOf(Or.class, one).terms().size());
    }

    @Test
    void conditionListIsAnOr() {
        Expr e = compile("    a: {F: 1}\n    b: {F: 2}\n    condition:\n        - a\n        - b\n");
        assertInstanceOf(Or.class, e);
    }

    @Test
    void modifiersSetTheMatchKindAndWildcardsFoldIntoIt() {
        StringMatch m = assertInstanceOf(StringMatch.class, compile("    s:\n        F|contains: 'x*y'\n    condition: s\n"));
        assertEquals(StrOp.CONTAINS, m.op());
        assertEquals("x*y", m.pattern().toSigma());
        StringMatch e = assertInstanceOf(StringMatch.class, compile("    s:\n        F: '*\\evil.exe'\n    condition: s\n"));
        assertEquals(StrOp.ENDS_WITH, e.op());
        assertTrue(e.isPlain());
    }

    @Test
    void valueTypesStayDistinct() {
        assertInstanceOf(NumberMatch.class, compile("    s: {F: 80}\n    condition: s\n"));
        assertInstanceOf(StringMatch.class, compile("    s: {F: '80'}\n    condition: s\n"));
        assertInstanceOf(NullMatch.class, compile("    s: {F: null}\n    condition: s\n"));
        StringMatch empty = assertInstanceOf(StringMatch.class, compile("    s: {F: ''}\n    condition: s\n"));
        assertTrue(empty.pattern().isEmpty());
        assertEquals(StrOp.EQUALS, empty.op());
    }

    @Test
    void allAndsTheValues() {
        assertInstanceOf(And.class, compile("    s:\n        F|contains|all: [a, b]\n    condition: s\n"));
    }

    @Test
    void windashSpellsEveryDash() {
        Or or = assertInstanceOf(Or.class, compile("    s:\n        F|windash|contains: ' -enc '\n    condition: s\n"));
        List<String> values = or.terms().stream().map(t -> ((StringMatch) t).pattern().toSigma()).toList();
        assertEquals(List.of(" -enc ", " /enc ", " \u2013enc ", " \u2014enc ", " \u2015enc "), values);
        StringMatch inWord = assertInstanceOf(StringMatch.class,
                compile("    s:\n        F|windash: 'x-amz-date'\n    condition: s\n"));
        assertEquals("x-amz-date", inWord.pattern().toSigma(), "a dash inside a word is not a flag");
    }

    @Test
    void errorsPointAtTheProblem() {
        assertEquals("r.yml:6:11: error: unknown modifier 'Contains' (modifiers are lowercase: 'contains')",
                fails("    s:\n        F|Contains: x\n    condition: s\n").diagnostic().render());
        assertEquals("r.yml:6:11: error: 'all' needs a list of two or more values; with one value, drop it",
                fails("    s:\n        F|all: x\n    condition: s\n").diagnostic().render());
        assertEquals("r.yml:6:16: error: pattern 'sel*' needs a quantifier: write '1 of sel*' or 'all of sel*'",
                fails("    sel1: {F: 1}\n    condition: sel*\n").diagnostic().render());
    }
}
