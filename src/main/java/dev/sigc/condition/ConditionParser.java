package dev.sigc.condition;

import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.rule.ConditionText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Parses a condition string with the ANTLR grammar and builds the rule's {@link Expr} from the already
 * compiled search identifiers. Errors are thrown as {@link SigcException} at the offending character's
 * position in the YAML file.
 */
public final class ConditionParser {
    private ConditionParser() {}

    /**
     * @param identifiers the rule's search identifiers in file order, each compiled to an expression
     */
    public static Expr parse(ConditionText condition, Map<String, Expr> identifiers) {
        String text = condition.text();
        if (text.isBlank()) {
            throw new SigcException("empty-condition", condition.span(), "condition is empty");
        }
        SigmaConditionParser.ExprContext tree = TREES.get(text);
        if (tree == null) {
            tree = tree(condition);
            if (TREES.size() < TREE_LIMIT) {
                TREES.putIfAbsent(text, tree);
            }
        }
        return new ExprBuilder(condition, identifiers).visit(tree);
    }

    /**
     * Parse trees of conditions that parsed, by text. A tree depends on the text alone (ExprBuilder takes positions
     * from the rule's own ConditionText and identifiers from the rule), and is only read once built, so rules with
     * the same condition share it: a rule corpus has few distinct ones (the public SigmaHQ corpus: 386 in 3,754
     * rules, half of them 'selection'). Bounded, so that a stream of unique conditions cannot grow it without end.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, SigmaConditionParser.ExprContext> TREES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int TREE_LIMIT = 4096;

    private static SigmaConditionParser.ExprContext tree(ConditionText condition) {
        String text = condition.text();
        ThrowingListener listener = new ThrowingListener(condition);
        SigmaConditionLexer lexer = new SigmaConditionLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        for (Token t : tokens.getTokens()) {
            if (t.getType() == SigmaConditionLexer.PIPE) {
                throw new SigcException("unsupported-aggregation", condition.positions().at(t.getStartIndex()),
                        "aggregations after '|' (count(), near ...) are not supported; express them as a correlation rule");
            }
            if (t.getType() == SigmaConditionLexer.ERROR_CHAR) {
                throw new SigcException("condition-syntax", condition.positions().at(t.getStartIndex()),
                        "unexpected character '" + t.getText() + "' in condition; identifiers use letters, digits, '_', '-', '.'");
            }
        }
        SigmaConditionParser parser = new SigmaConditionParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        return parser.condition().expr();
    }

    /**
     * The identifier names and patterns a condition uses, from its tokens alone (no parse), so that a check
     * can see them even in a condition that does not compile. Unknown characters are skipped.
     */
    public static List<Reference> references(ConditionText condition) {
        SigmaConditionLexer lexer = new SigmaConditionLexer(CharStreams.fromString(condition.text()));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        List<Reference> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            boolean quantifier = type == SigmaConditionLexer.ONE || type == SigmaConditionLexer.ANY
                    || type == SigmaConditionLexer.ALL;
            if (quantifier && i + 2 < tokens.size() && tokens.get(i + 1).getType() == SigmaConditionLexer.OF
                    && (tokens.get(i + 2).getType() == SigmaConditionLexer.IDENTIFIER
                        || tokens.get(i + 2).getType() == SigmaConditionLexer.THEM)) {
                Token target = tokens.get(i + 2);
                out.add(new Reference(target.getText(), java.util.Optional.of(t.getText()),
                        condition.positions().at(target.getStartIndex())));
                i += 2;
            } else if (type == SigmaConditionLexer.IDENTIFIER) {
                out.add(new Reference(t.getText(), java.util.Optional.empty(), condition.positions().at(t.getStartIndex())));
            }
        }
        return out;
    }

    /** Turns ANTLR's report into one of our messages at a file position. */
    private static final class ThrowingListener extends BaseErrorListener {
        private static final Pattern UPPER_OPERATOR = Pattern.compile("AND|OR|NOT|OF|THEM|ALL|ANY|And|Or|Not");
        private final ConditionText condition;

        ThrowingListener(ConditionText condition) {
            this.condition = condition;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            int offset = offsetOf(line, charPositionInLine);
            String message;
            if (offending instanceof Token t) {
                offset = t.getType() == Token.EOF ? condition.text().stripTrailing().length() : t.getStartIndex();
                message = describe(t);
            } else {
                message = "invalid condition: " + msg;
            }
            throw new SigcException("condition-syntax", condition.positions().at(offset), message);
        }

        private String describe(Token t) {
            String text = t.getText();
            if (t.getType() == Token.EOF) {
                int open = 0;
                for (char c : condition.text().toCharArray()) {
                    open += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
                return open > 0 ? "unbalanced parenthesis: " + open + " '(' not closed before the end of the condition"
                        : "condition ends too early; an identifier or '(' is missing";
            }
            if (t.getType() == SigmaConditionLexer.RPAREN) {
                return "unbalanced parenthesis: ')' has no matching '(' or closes an empty group";
            }
            if (t.getType() == SigmaConditionLexer.IDENTIFIER && UPPER_OPERATOR.matcher(text).matches()) {
                return "'" + text + "' is not an operator; Sigma operators are lowercase: '" + text.toLowerCase(Locale.ROOT) + "'";
            }
            if (t.getType() == SigmaConditionLexer.IDENTIFIER || t.getType() == SigmaConditionLexer.LPAREN
                    || t.getType() == SigmaConditionLexer.ONE || t.getType() == SigmaConditionLexer.ALL
                    || t.getType() == SigmaConditionLexer.ANY) {
                return "unexpected '" + text + "'; join expressions with 'and' or 'or'";
            }
            return "unexpected '" + text + "' in condition";
        }

        private int offsetOf(int line, int col) {
            String s = condition.text();
            int offset = 0;
            for (int l = 1; l < line && offset < s.length(); offset++) {
                if (s.charAt(offset) == '\n') {
                    l++;
                }
            }
            return offset + col;
        }
    }

    static List<String> matching(String pattern, Map<String, Expr> identifiers, boolean them) {
        List<String> out = new ArrayList<>();
        for (String name : identifiers.keySet()) {
            if (them ? !name.startsWith("_") : dev.sigc.util.Text.globMatches(pattern, name)) {
                out.add(name);
            }
        }
        return out;
    }

    static Expr combine(boolean all, List<Expr> terms, Span span) {
        return all ? Exprs.and(terms, span) : Exprs.or(terms, span);
    }
}
