package dev.sigc.backend.kql;

import dev.sigc.ast.CompareOp;
import dev.sigc.ast.Expr;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.pipeline.FieldType;
import dev.sigc.pipeline.MappedRule;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A leaf that is a plain equality of a column with one value, the kind of leaf an Or can collect into one
 * {@code in~}/{@code in} list. {@code operand} is how the query reads the field (see {@link KqlField}),
 * {@code value} is already KQL text (a quoted string or a number).
 */
record KqlEquality(String field, String operand, Kind kind, String value) {

    enum Kind {
        /** Case-insensitive string equality: {@code =~}, lists with {@code in~}. */
        STRING_CI("=~", "in~"),
        /** Case-sensitive string equality: {@code ==}, lists with {@code in}. */
        STRING_CS("==", "in"),
        /** Numeric equality: {@code ==}, lists with {@code in}. */
        NUMBER("==", "in");

        private final String single;
        private final String list;

        Kind(String single, String list) {
            this.single = single;
            this.list = list;
        }
    }

    private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]*");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * The leaf as an equality, when it is one the renderer spells with {@code =~}/{@code ==}. A
     * case-insensitive value that {@code =~} would not fold exactly (see {@link KqlCase}) is not one.
     */
    static Optional<KqlEquality> of(Expr e, MappedRule rule) {
        if (e instanceof StringMatch m && m.field().isPresent() && m.op() == StrOp.EQUALS && m.isPlain()
                && KqlEscaper.isEncodable(m.pattern().plainText())) {
            String field = m.field().get();
            String text = m.pattern().plainText();
            FieldType type = rule.typeOf(field);
            if (isStringColumn(type) && (m.caseSensitive() || KqlCase.asciiFoldSuffices(text))) {
                return Optional.of(new KqlEquality(field, KqlField.read(field, rule),
                        m.caseSensitive() ? Kind.STRING_CS : Kind.STRING_CI, KqlEscaper.quote(text)));
            }
            // a number member is read with toreal(), which holds a long literal exactly only up to 2^53
            if (type == FieldType.NUMBER && isLongLiteral(text) && !KqlField.isMember(field, rule)) {
                return Optional.of(new KqlEquality(field, KqlField.read(field, rule), Kind.NUMBER, text));
            }
        }
        if (e instanceof NumberMatch n && n.op() == CompareOp.EQ) {
            FieldType type = rule.typeOf(n.field());
            if (type == FieldType.NUMBER && KqlNumbers.isLiteral(n.value()) && !KqlField.isMember(n.field(), rule)) {
                return Optional.of(new KqlEquality(n.field(), KqlField.read(n.field(), rule), Kind.NUMBER, n.text()));
            }
            if (isStringColumn(type)) {
                return Optional.of(new KqlEquality(n.field(), KqlField.read(n.field(), rule), Kind.STRING_CS,
                        KqlEscaper.quote(n.text())));
            }
        }
        return Optional.empty();
    }

    /** STRING and IP columns hold strings in Kusto (there is no IP type); they are compared as they are. */
    static boolean isStringColumn(FieldType type) {
        return type == FieldType.STRING || type == FieldType.IP;
    }

    /** A canonical decimal integer that a KQL long literal holds exactly. */
    static boolean isLongLiteral(String text) {
        if (!INTEGER.matcher(text).matches() || text.length() > 20) {
            return false;
        }
        BigInteger v = new BigInteger(text);
        return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0;
    }

    /** One comparison: {@code F =~ "a"}. */
    String render() {
        return operand + " " + kind.single + " " + value;
    }

    /** Several values of the same field and kind: {@code F in~ ("a", "b")}. */
    static String renderList(List<KqlEquality> group) {
        KqlEquality first = group.get(0);
        StringBuilder sb = new StringBuilder(first.operand).append(' ').append(first.kind.list)
                .append(" (");
        for (int i = 0; i < group.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(group.get(i).value);
        }
        return sb.append(')').toString();
    }
}
