package dev.sigc.backend.kql;

import static dev.sigc.backend.kql.KqlCheckTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.TestRules;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.backend.Patterns;
import dev.sigc.diag.Span;
import dev.sigc.testing.Hostile;
import dev.sigc.testing.Hostile.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile values (issue 3 §8) through the KQL escaper and the whole renderer, decoded by Microsoft's own
 * lexer and parser (Kusto.Language via {@code tools/kql-check/check.js}), not by a decoder of ours:
 * <ul>
 *   <li>{@link KqlEscaper#quote} of any value is exactly one string literal token that denotes the value;</li>
 *   <li>a rendered comparison of any value on any column name has exactly the tokens of the intended query,
 *       with the value (or, for the regex fallback, the regex built from it) as the only string literal and
 *       the column name as the bracketed name: nothing ends a literal early, nothing adds query syntax or a
 *       comment.</li>
 * </ul>
 * Each try records what Kusto.Language must answer; after the tries one check.js process per mode decodes
 * all 10,000 texts, the two side by side (a process or a round trip per try would take far longer).
 *
 * <p>The tries come from {@link Hostile} with a fixed seed, so every run tries the same values: first each
 * piece of {@link #HOSTILE} alone (and the empty value) under every operator and case mode, and each edge-case
 * column name, then random values. A failure names the seed, the try and the value.
 */
class KqlHostileValuesTest {
    private static final Path TOOL = Path.of("tools", "kql-check", "check.js");
    private static final Span SPAN = new Span("r.yml", 1, 1);
    private static final KqlBackend BACKEND = new KqlBackend();
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final int TRIES = 10_000;
    private static final long SEED = 0x6b716c5f686f7374L;

    /** What each try sends to one check.js mode, and the line it expects back. */
    private final Batch literals = new Batch("--stdin-literals");
    private final Batch queries = new Batch("--stdin-queries");

    @BeforeAll
    static void toolInstalled() {
        assertTrue(Files.isDirectory(TOOL.resolveSibling("node_modules")),
                "tools/kql-check is not installed (the build runs npm ci there)");
    }

    /** One try: a value on a column name, under an operator and case mode. */
    record Try(String value, String name, StrOp op, boolean cased) {
        @Override
        public String toString() {
            return "value " + Hostile.literal(value) + " on " + Hostile.literal(name) + ", " + op + (cased ? " cased" : "");
        }
    }

    /** Every piece alone under every operator and case mode, every edge-case name, then random tries. */
    private static List<Try> tries(Hostile h) {
        List<Try> edges = new ArrayList<>();
        for (String value : HOSTILE.edges()) {
            for (StrOp op : StrOp.values()) {
                for (boolean cased : new boolean[] {false, true}) {
                    edges.add(new Try(value, NAMES.next(h), op, cased));
                }
            }
        }
        for (String name : NAMES.edges()) {
            edges.add(new Try(HOSTILE.next(h), name, h.pick(StrOp.class), h.bool()));
        }
        return h.tries(TRIES, edges, g -> new Try(HOSTILE.next(g), NAMES.next(g), g.pick(StrOp.class), g.bool()));
    }

    @Test
    void everyValueStaysOneLiteralOfItself() throws IOException, InterruptedException {
        Hostile h = Hostile.seeded(SEED);
        h.check(tries(h), t -> everyValueStaysOneLiteralOfItself(t.value(), t.name(), t.op(), t.cased(), t.toString()));
        decodeAllWithKustoLanguage(h);
    }

    private void everyValueStaysOneLiteralOfItself(String value, String name, StrOp op, boolean cased, String at) {
        // the escaper: one literal token denoting the value
        literals.expect(json(KqlEscaper.quote(value), true), "{\"ok\":true,\"value\":" + json(value, false) + "}",
                at);

        // the renderer: exactly the tokens of the intended comparison
        StringMatch m = new StringMatch(Optional.of(name), op, SigmaString.literal(value), cased, SPAN);
        String query = BACKEND.render(TestRules.mapped(m, Map.of("table", "DeviceProcessEvents"), Map.of())).text();
        List<String> tokens = new ArrayList<>();
        tokens.add(token("IdentifierToken", "", "DeviceProcessEvents"));
        tokens.add(token("BarToken", "\n", "|"));
        tokens.add(token("WhereKeyword", " ", "where"));
        if (value.isEmpty() && op != StrOp.EQUALS) {
            // a lone '*' (any value): isnotempty(name)
            tokens.add(token("IdentifierToken", " ", "isnotempty"));
            tokens.add(token("OpenParenToken", "", "("));
            tokens.addAll(name(name, ""));
            tokens.add(token("CloseParenToken", "", ")"));
        } else {
            tokens.addAll(name(name, " "));
            String literal;
            if (cased || KqlCase.asciiFoldSuffices(value)) {
                tokens.add(opToken(op, cased));
                literal = value;
            } else {
                tokens.add(token("MatchesRegexKeyword", " ", "matches regex"));
                literal = Patterns.toRegex(SigmaString.literal(value), op, false);
                // the regex, read by a second engine, matches the value it was built from
                assertTrue(Pattern.compile(literal).matcher(value).find(), () -> "regex " + json(value, true));
            }
            tokens.add(stringToken(" ", literal));
        }
        tokens.add(token("EndOfTextToken", "", ""));
        queries.expect(json(query, true), "{\"ok\":true,\"diagnostics\":[],\"tokens\":[" + String.join(",", tokens) + "]}",
                at + " -> query " + json(query, true));
    }

    /** Decodes every try's texts with Kusto.Language, both modes at once, and compares the answers. */
    private void decodeAllWithKustoLanguage(Hostile h) throws IOException, InterruptedException {
        assertEquals(TRIES, literals.inputs.size(), "tries collected");
        literals.start();
        queries.start();
        List<String> failures = new ArrayList<>(literals.finish());
        failures.addAll(queries.finish());
        assertEquals(List.of(), failures, h::seedNote);
    }

    /** The lines for one check.js mode, run as one process reading a file and writing a file. */
    static final class Batch {
        private final String mode;
        private final List<String> inputs = new ArrayList<>();
        private final List<String> expected = new ArrayList<>();
        private final List<String> described = new ArrayList<>();
        private Path in;
        private Path out;
        private Process process;

        Batch(String mode) {
            this.mode = mode;
        }

        void expect(String input, String output, String description) {
            inputs.add(input);
            expected.add(output);
            described.add(description);
        }

        void start() throws IOException {
            in = Files.createTempFile("kql-hostile", ".in.jsonl");
            out = Files.createTempFile("kql-hostile", ".out.jsonl");
            Files.writeString(in, String.join("\n", inputs) + "\n", StandardCharsets.UTF_8);
            process = new ProcessBuilder("node", TOOL.toString(), mode).redirectInput(in.toFile())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        }

        /** Up to ten mismatches, each with the try and the value or query that caused it. */
        List<String> finish() throws IOException, InterruptedException {
            try {
                assertTrue(process.waitFor(120, TimeUnit.SECONDS), "kql-check " + mode + " timed out");
                List<String> got = Files.readAllLines(out, StandardCharsets.UTF_8);
                assertEquals(inputs.size(), got.size(), mode + ": one answer per line");
                List<String> failures = new ArrayList<>();
                for (int i = 0; i < got.size() && failures.size() < 10; i++) {
                    if (!got.get(i).equals(expected.get(i))) {
                        failures.add("\ntry " + (i + 1) + " of " + got.size() + ", " + described.get(i)
                                + "\n  expected " + expected.get(i) + "\n  got      " + got.get(i));
                    }
                }
                return failures;
            } finally {
                process.destroyForcibly();
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
        }
    }

    /** The tokens of a column name: a plain identifier, or {@code ['...']} holding the name. */
    static List<String> name(String name, String trivia) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return List.of(token("IdentifierToken", trivia, name));
        }
        String quoted = KqlEscaper.identifier(name);
        return List.of(token("OpenBracketToken", trivia, "["),
                stringToken("", name, quoted.substring(1, quoted.length() - 1)),
                token("CloseBracketToken", "", "]"));
    }

    static String opToken(StrOp op, boolean cased) {
        return switch (op) {
            case EQUALS -> cased ? token("EqualEqualToken", " ", "==") : token("EqualTildeToken", " ", "=~");
            case CONTAINS -> cased ? token("Contains_CsKeyword", " ", "contains_cs") : token("ContainsKeyword", " ", "contains");
            case STARTS_WITH -> cased ? token("StartsWithCsKeyword", " ", "startswith_cs")
                    : token("StartsWithKeyword", " ", "startswith");
            case ENDS_WITH -> cased ? token("EndsWithCsKeyword", " ", "endswith_cs") : token("EndsWithKeyword", " ", "endswith");
        };
    }

    static String token(String kind, String trivia, String text) {
        return "{\"kind\":\"" + kind + "\",\"trivia\":" + json(trivia, false) + ",\"text\":" + json(text, false) + "}";
    }

    static String stringToken(String trivia, String value) {
        return stringToken(trivia, value, KqlEscaper.quote(value));
    }

    private static String stringToken(String trivia, String value, String text) {
        return "{\"kind\":\"StringLiteralToken\",\"trivia\":" + json(trivia, false) + ",\"text\":" + json(text, false)
                + ",\"value\":" + json(value, false) + "}";
    }

    /**
     * Values built from pieces a string escaper can get wrong: quotes, backslashes, pipes, line breaks, tabs,
     * Sigma and SQL wildcards, every control character, invisible and bidirectional characters, letters
     * whose case folding leaves ASCII, CJK, emoji (surrogate pairs), and whole injection attempts.
     */
    static final Source<String> HOSTILE;

    /** Column names: a plain one, or hostile text that must be bracketed. */
    static final Source<String> NAMES;

    static {
        Source<String> syntax = Hostile.of("\"", "'", "\\", "|", "\n", "\r", "\t", "*", "?", "%", "`", "@", "$",
                "{", "}", "[", "]", "(", ")", ";", "/", "//", "/*", "*/", " ", "=", "~", "!", "<", ">", "#", ",", ".",
                ":", "-", "h", "H", "\\u0041", "\\x41", "\\\"", "'''", "```", "@\"", "h'");
        Source<String> controls = Hostile.oneOf(Hostile.chars('\u0000', '\u001f'),
                Hostile.of("\u007f", "\u0085", "\u00a0", "\u00ad", "\u200b", "\u200e", "\u202e", "\u2028", "\u2029",
                        "\u2066", "\ufeff", "\ufffe", "\uffff"));
        Source<String> ascii = Hostile.run(Hostile.chars(0, 0x7f), 1, 4);
        Source<String> cased = Hostile.of("é", "É", "ß", "ẞ", "ı", "İ", "\u212a", "ſ", "ς", "Σ", "ǅ", "Ⅷ", "ⓐ",
                "Ж", "ж", "ﬀ", "\u0345");
        Source<String> caseless = Hostile.of("中", "元数据", "–", "—", "―", "€", "😀", "🙂",
                new String(Character.toChars(0xE0001)), new String(Character.toChars(0x10FFFF)), "\u0300", "ـ");
        Source<String> bmp = Hostile.chars(0x80, 0xd7ff);
        Source<String> astral = Hostile.chars(0x10000, 0x10FFFF);
        Source<String> attacks = Hostile.of("\" or 1==1 | take 10 //", "\" | project * //", "\\\" or true //",
                "\"; print 1; //", "') or true or ('", "\"\n| where true //", "x\" and * contains \"y");
        Source<String> piece = Hostile.frequencyOf(
                Hostile.weight(10, syntax), Hostile.weight(6, controls), Hostile.weight(8, ascii), Hostile.weight(4, cased),
                Hostile.weight(3, caseless), Hostile.weight(2, bmp), Hostile.weight(2, astral), Hostile.weight(1, attacks));
        HOSTILE = Hostile.joined(piece, 12);
        NAMES = Hostile.oneOf(Hostile.of("ProcessCommandLine", "F"),
                HOSTILE.filter(s -> !s.isEmpty() && !PLAIN_NAME.matcher(s).matches()));
    }
}
