package dev.sigc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigc.diag.SigcException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonParserTest {
    @Test
    void readsEveryKindOfValue() {
        Json v = JsonParser.parse("{\"s\": \"a\\/b\\u00e9\\n\", \"n\": -1.5e2, \"z\": 0, \"t\": true, \"f\": false,"
                + " \"x\": null, \"a\": [1, [], {}]}");
        Json.Obj o = (Json.Obj) v;
        assertEquals(new Json.Str("a/bé\n"), o.members().get("s"));
        assertEquals(new Json.Num(new BigDecimal("-1.5e2"), "-1.5e2"), o.members().get("n"));
        assertEquals(new Json.Bool(true), o.members().get("t"));
        assertEquals(Json.NULL, o.members().get("x"));
        assertEquals(new Json.Arr(List.of(Json.Num.of(1), new Json.Arr(List.of()), new Json.Obj(Map.of()))),
                o.members().get("a"));
        assertEquals(List.of("s", "n", "z", "t", "f", "x", "a"), List.copyOf(o.members().keySet()));
    }

    @Test
    void writesBackCompactJson() {
        String text = "{\"a\":\"q\\\"\\\\\\n\\u0001\",\"b\":[1.50,true,null]}";
        assertEquals(text, JsonParser.parse(text).toText());
    }

    @Test
    void keepsPositionsByPointer() {
        JsonParser.Document d = JsonParser.parse("f.json", "{\n  \"expect\": {\n    \"a/b\": true\n  }\n}\n");
        assertEquals("f.json:3:12", d.at("/expect/a~1b").toString());
        assertEquals("f.json:2:13", d.at("/expect").toString());
    }

    @Test
    void rejectsWhatJsonDoesNotAllow() {
        fails("{\"a\": 1,}", "f.json:1:9: error: invalid JSON: unexpected '}', expected a member name in double quotes");
        fails("[01]", "f.json:1:3: error: invalid JSON: a number must not have a leading zero");
        fails("\"a\tb\"", "f.json:1:3: error: invalid JSON: control character U+0009 in a string; write it as an escape"
                + " such as \\n or \\u00XX");
        fails("{\"a\": 1,\n \"a\": 2}", "f.json:2:2: error: duplicate member \"a\" (first at line 1)");
        fails("{'a': 1}", "f.json:1:2: error: invalid JSON: unexpected ''', expected a member name in double quotes");
        fails("\"\\x41\"", "f.json:1:2: error: invalid JSON: invalid escape '\\x' (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r"
                + " \\t \\uXXXX)");
        fails("{} {}", "f.json:1:4: error: invalid JSON: unexpected '{' after the JSON value");
        fails("[1, 2", "f.json:1:6: error: invalid JSON: unexpected end of input, expected ',' or ']'");
        fails("// c\n{}", "f.json:1:1: error: invalid JSON: unexpected '/', expected a value");
        fails("[1.]", "f.json:1:4: error: invalid JSON: expected a digit after '.'");
        fails("[tru]", "f.json:1:2: error: invalid JSON: unexpected 't', expected a value");
        fails("[".repeat(200), "f.json:1:130: error: invalid JSON: nesting deeper than 128 levels");
    }

    @Test
    void countsColumnsInCodePoints() {
        fails("[\"\uD83D\uDE00\", x]", "f.json:1:7: error: invalid JSON: unexpected 'x', expected a value");
    }

    private static void fails(String text, String message) {
        SigcException e = assertThrows(SigcException.class, () -> JsonParser.parse("f.json", text));
        assertEquals(message, e.diagnostic().render());
    }
}
