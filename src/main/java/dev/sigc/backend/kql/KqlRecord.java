package dev.sigc.backend.kql;

import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprRewriter;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.LeafWalker;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.Fields;
import dev.sigc.pipeline.MappedRule;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A table that holds another log's raw records as text in one column (pipeline state {@code record_format}
 * and {@code record_column}), e.g. Sentinel's {@code Syslog} with auditd records forwarded by the audisp
 * syslog plugin in {@code SyslogMessage}. The rule's fields are the record's own fields: the query keeps the
 * rows whose column is such a record, extracts each field the rule reads into a column of the field's name,
 * then applies the rule; a keyword searches the record's text, as it does in the raw log.
 *
 * <p>Format {@code auditd}: a record as auditd writes it, {@code [node=N ]type=T msg=audit(S.MS:ID): k=v k=v ...}
 * (with the ENRICHED separator 0x1d turned into a space: audisp-syslog and audispd's built-in syslog both do
 * that before syslog(3)). A value is hex, a double-quoted string, or a bare token; a string that holds a
 * space, a double quote or a control character is always hex, so no value holds a space or a double
 * quote of its own, and a key always follows a space. User-space records wrap their own fields in
 * {@code msg='...'}: the first starts after {@code msg='}, the last value ends before the {@code '}. A field's
 * value is the first {@code key=value} of that key, quotes removed, hex left as it is: the reading of the
 * Sigma auditd rules (the raw record's fields, as in the SPL target's linux:audit). A field the record lacks
 * reads as "" (Kusto has no null string), as an absent string column does everywhere else.
 */
final class KqlRecord {
    /** The record formats this backend can read; the pipeline names one in {@code record_format}. */
    enum Format { AUDITD }

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * A raw auditd record: optional node name, the type, and the time stamp and serial number as auditd writes
     * them ({@code msg=audit(1700000000.123:456):}, then white space, or the end in a record without fields).
     * Leading white space is allowed (some syslog relays keep the space after the tag's colon). An interpreted
     * record (audisp-syslog's {@code interpret} arg, which writes the time as a date and {@code ) : }) has other
     * values than the raw one and is left out.
     */
    static final String AUDITD_RECORD = "^\\s*(?:node=[^ ]+ )?type=[^ ]+ msg=audit\\([0-9]+\\.[0-9]+:[0-9]+\\):(?:\\s|$)";

    private final Format format;
    private final String column;

    private KqlRecord(Format format, String column) {
        this.format = format;
        this.column = column;
    }

    /** The record the rule's state names, if it names one; an unknown format or a missing column is an error. */
    static Optional<KqlRecord> of(MappedRule rule) {
        Optional<String> format = rule.state("record_format");
        if (format.isEmpty()) {
            return Optional.empty();
        }
        Format f;
        try {
            f = Format.valueOf(format.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SigcException("unmapped-logsource", rule.rule().logsource().span(), "kql: unknown record_format '"
                    + format.get() + "' for logsource " + rule.rule().logsource().describe() + "; the kql target reads auditd");
        }
        String column = rule.state("record_column").orElseThrow(() -> new SigcException("unmapped-logsource",
                rule.rule().logsource().span(), "kql: record_format '" + format.get() + "' needs record_column, the column"
                        + " that holds the records, for logsource " + rule.rule().logsource().describe()));
        return Optional.of(new KqlRecord(f, column));
    }

    /** The rule with each keyword (a string match without a field) a match on the record's text. */
    MappedRule keywordsOnRecord(MappedRule rule) {
        Expr condition = rule.condition().accept(new ExprRewriter() {
            @Override
            public Expr visitString(StringMatch node) {
                return node.field().isPresent() ? node : node.withField(column);
            }
        });
        return condition == rule.condition() ? rule
                : new MappedRule(rule.rule(), condition, rule.state(), rule.fieldTypes());
    }

    /**
     * The lines between the table and the rule's {@code where}: the row filter and one {@code extend} of every
     * field the rule reads (sorted, so the text is stable), each line starting with a newline.
     */
    String preamble(MappedRule rule) {
        rule.condition().accept(new TrueOfEmpty());
        StringBuilder sb = new StringBuilder();
        String source = KqlEscaper.identifier(column);
        sb.append("\n| where ").append(source).append(" matches regex ").append(KqlEscaper.quote(recordRegex()));
        TreeSet<String> fields = new TreeSet<>(Fields.of(rule.condition()).keySet());
        fields.remove(column);
        String sep = "\n| extend ";
        for (String field : fields) {
            if (!FIELD_NAME.matcher(field).matches()) {
                throw new SigcException("unmapped-field", Fields.of(rule.condition()).get(field).span(), "kql: field '"
                        + field + "' cannot be a key of an " + format.name().toLowerCase(Locale.ROOT)
                        + " record (keys are letters, digits, '_' and '-'); map it to one");
            }
            // trim removes the quotes of a quoted value (which holds none of its own), and nothing of a bare one
            sb.append(sep).append(KqlEscaper.identifier(field)).append(" = trim(").append(KqlEscaper.quote(QUOTE))
                    .append(", extract(").append(KqlEscaper.quote(fieldRegex(field))).append(", 1, ").append(source)
                    .append("))");
            sep = ",\n    ";
        }
        return sb.toString();
    }

    /**
     * Refuses a leaf on a record field that holds for the empty value (an equality with "", a value of only
     * {@code *}, a regex that matches "", {@code null}, {@code exists}, a field reference): a field the record
     * lacks reads as "" here, so the leaf would hold for records without the field, where Sigma's reading
     * (the raw record's fields) says it does not, and {@code exists} would miss a field present with an empty
     * value ({@code a3=""}).
     */
    private final class TrueOfEmpty implements LeafWalker {
        private SigcException refuse(String field, String what, dev.sigc.diag.Span span) {
            return new SigcException("unsupported-value", span, "kql: " + what + " on " + format.name()
                    .toLowerCase(Locale.ROOT) + " field '" + field + "' cannot be exact: the field is read out of "
                    + column + ", where a field the record lacks reads as \"\" (Kusto strings have no null); match"
                    + " a non-empty value instead");
        }

        private boolean onRecord(String field) {
            return !field.equals(column);
        }

        @Override
        public Void visitString(StringMatch node) {
            boolean empty = node.pattern().parts().stream().allMatch(p -> p == SigmaString.Wildcard.ANY_STRING);
            if (node.field().isPresent() && onRecord(node.field().get()) && empty) {
                throw refuse(node.field().get(), node.pattern().isEmpty() ? "an empty value" : "a value of only '*'",
                        node.span());
            }
            return null;
        }

        @Override
        public Void visitRegex(RegexMatch node) {
            if (!onRecord(node.field())) {
                return null;
            }
            boolean matchesEmpty;
            try {
                matchesEmpty = Pattern.compile(node.pattern()).matcher("").find();
            } catch (java.util.regex.PatternSyntaxException e) {
                matchesEmpty = true; // cannot tell: refuse rather than guess
            }
            if (matchesEmpty) {
                throw refuse(node.field(), "a regular expression that matches the empty value", node.span());
            }
            return null;
        }

        @Override
        public Void visitNull(NullMatch node) {
            if (onRecord(node.field())) {
                throw refuse(node.field(), "null", node.span());
            }
            return null;
        }

        @Override
        public Void visitExists(ExistsMatch node) {
            if (onRecord(node.field())) {
                throw refuse(node.field(), "exists", node.span());
            }
            return null;
        }

        @Override
        public Void visitFieldRef(FieldRefMatch node) {
            if (onRecord(node.field()) || onRecord(node.otherField())) {
                throw refuse(onRecord(node.field()) ? node.field() : node.otherField(), "fieldref", node.span());
            }
            return null;
        }

        @Override
        public Void visitCidr(CidrMatch node) {
            return null;
        }

        @Override
        public Void visitNumber(NumberMatch node) {
            return null;
        }

        @Override
        public Void visitBool(BoolMatch node) {
            return null;
        }

        @Override
        public Void visitTimePart(TimePartMatch node) {
            return null;
        }
    }

    private String recordRegex() {
        return switch (format) {
            case AUDITD -> AUDITD_RECORD;
        };
    }

    /**
     * The RE2 pattern whose group 1 is the field's value as written: a double-quoted string with its quotes, or
     * a bare value (hex, a number, a word). The key starts the record, follows a space, or opens a user-space
     * {@code msg='}; a bare value is the shortest text without a space or a double quote that, with the
     * {@code '} that may close {@code msg='...'} after it, ends at white space or at the end (a relay may leave
     * the line's newline; no value holds white space: auditd writes such a string as hex). A quoted value may
     * hold a {@code '} of its own. A quoted value cut short (no closing quote) is not read at all, rather than
     * read as the part that is left.
     */
    static String fieldRegex(String field) {
        return "(?:^| )(?:msg=')?" + field + "=(\"[^ \"]*\"|[^ \"]*?)'?(?:\\s|$)";
    }

    /** The regex {@code trim} removes from both ends of what {@link #fieldRegex} read: a double quote. */
    static final String QUOTE = "\"";
}
