package jp.kosmo.keycloak.roster;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The encoding of a roster: UTF-8 (with or without byte order mark) or Windows-31J (CP932, the Shift_JIS of Windows
 * and of most Japanese core systems), chosen ({@code utf-8}, {@code cp932}, also {@code shift_jis}/{@code sjis}) or
 * detected from the first bytes: what decodes as strict UTF-8 is UTF-8, anything else CP932.
 */
public final class RosterCharset {

    public static final Charset CP932 = Charset.forName("windows-31j");
    /** How much of the file detection looks at. */
    static final int SAMPLE = 64 * 1024;

    private RosterCharset() {
    }

    /** The chosen charset; null for {@code auto} or nothing; IllegalArgumentException for an unknown name. */
    public static Charset chosen(String name) {
        if (name == null || name.isBlank() || "auto".equalsIgnoreCase(name.strip())) {
            return null;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "cp932", "windows-31j", "shift_jis", "sjis", "ms932" -> CP932;
            default -> throw new IllegalArgumentException("charset must be auto, utf-8 or cp932: " + name);
        };
    }

    /** UTF-8 if the sample decodes as strict UTF-8 (a sequence cut at the sample's end is allowed), else CP932. */
    public static Charset detect(byte[] sample, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int end = length;
        // drop an incomplete multi-byte sequence at the cut
        if (length == SAMPLE) {
            int back = 0;
            while (back < 3 && end > 0 && (sample[end - 1] & 0xC0) == 0x80) {
                end--;
                back++;
            }
            if (end > 0 && (sample[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        try {
            decoder.decode(ByteBuffer.wrap(sample, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return CP932;
        }
    }
}
