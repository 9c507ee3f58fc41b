package dev.sigc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigc.diag.Span;
import dev.sigc.pipeline.EventShape;
import dev.sigc.rule.DetectionItem;
import dev.sigc.rule.SigmaValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventTranslatorTest {
    private static String translate(String event, EventShape shape) {
        return EventTranslator.translate((Json.Obj) JsonParser.parse(event), shape).toText();
    }

    private static DetectionItem item(String field, SigmaValue... values) {
        return new DetectionItem(Optional.of(field), List.of(), List.of(values), Span.NONE);
    }

    @Test
    void renamesTopLevelFieldsStepByStep() {
        EventShape shape = EventShape.of(List.of(Map.of("Image", List.of("FolderPath")),
                Map.of("FolderPath", List.of("process.executable", "Path"))), List.of());
        assertEquals("{\"process.executable\":\"/bin/sh\",\"Path\":\"/bin/sh\",\"User\":\"root\",\"x\":{\"Image\":1}}",
                translate("{\"Image\": \"/bin/sh\", \"User\": \"root\", \"x\": {\"Image\": 1}}", shape));
    }

    @Test
    void twoFieldsOnOneNameHoldBothValues() {
        EventShape shape = EventShape.of(List.of(Map.of("A", List.of("X"), "B", List.of("X"))), List.of());
        assertEquals("{\"X\":[1,2,3]}", translate("{\"A\": 1, \"B\": [2, 3]}", shape));
    }

    @Test
    void addedConditionsSetTheirFieldUnlessPresent() {
        EventShape shape = EventShape.of(List.of(), List.of(
                item("EventCode", new SigmaValue.Num(BigDecimal.ONE, Span.NONE)),
                item("source", new SigmaValue.Str("Xml*Sysmon?x", Span.NONE), new SigmaValue.Str("other", Span.NONE)),
                item("event.type", new SigmaValue.Str("start", Span.NONE)),
                item("gone", new SigmaValue.Null(Span.NONE))));
        assertEquals("{\"event\":{\"type\":\"info\"},\"EventCode\":1,\"source\":\"XmlSysmon_x\"}",
                translate("{\"event\": {\"type\": \"info\"}, \"gone\": null}", shape));
    }
}
