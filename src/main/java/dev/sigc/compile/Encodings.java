package dev.sigc.compile;

import dev.sigc.rule.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The encoding modifiers, applied in chain order: a utf16 modifier turns the text into bytes (UTF-8
 * otherwise), then base64 or base64offset turns the bytes into the text to search for.
 */
final class Encodings {
    private Encodings() {}

    static List<String> apply(String text, List<Modifier> chain) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String base64 = "";
        for (Modifier m : chain) {
            switch (m.name()) {
                case "wide", "utf16le" -> bytes = text.getBytes(StandardCharsets.UTF_16LE);
                case "utf16be" -> bytes = text.getBytes(StandardCharsets.UTF_16BE);
                case "utf16" -> bytes = withBom(text.getBytes(StandardCharsets.UTF_16LE));
                case "base64", "base64offset" -> base64 = m.name();
                default -> throw new IllegalStateException(m.name());
            }
        }
        if (base64.equals("base64")) {
            return List.of(Base64.getEncoder().encodeToString(bytes));
        }
        if (base64.equals("base64offset")) {
            return offsets(bytes);
        }
        // utf16 without base64: the bytes as characters (each byte one char), e.g. "c\0m\0d\0"
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            sb.append((char) (b & 0xff));
        }
        return List.of(sb.toString());
    }

    private static byte[] withBom(byte[] le) {
        byte[] out = new byte[le.length + 2];
        out[0] = (byte) 0xff;
        out[1] = (byte) 0xfe;
        System.arraycopy(le, 0, out, 2, le.length);
        return out;
    }

    /**
     * The three spellings of a value inside a longer base64 string, one per alignment of its first byte
     * (0, 1 or 2 bytes after a 3-byte boundary). Characters that depend on the unknown neighbouring bytes
     * are cut off at both ends; what remains is fixed whatever surrounds the value.
     */
    static List<String> offsets(byte[] value) {
        List<String> out = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[shift + value.length];
            System.arraycopy(value, 0, padded, shift, value.length);
            String enc = Base64.getEncoder().withoutPadding().encodeToString(padded);
            int start = shift == 0 ? 0 : shift == 1 ? 2 : 3;
            int total = shift + value.length;
            // the last group is complete only when the bytes end on a 3-byte boundary
            int fullChars = (total / 3) * 4;
            int end = switch (total % 3) {
                case 0 -> enc.length();
                case 1 -> fullChars + 1;  // one trailing byte: its first char is its top 6 bits, the second depends on what follows
                default -> fullChars + 2; // two trailing bytes: the first 2 of their 3 chars are fixed, the third is not
            };
            if (end > start) {
                out.add(enc.substring(start, end));
            }
        }
        return out;
    }
}
