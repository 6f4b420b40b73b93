package jp.kosmo.keycloak.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * The activation letters: one page per member (A4 or はがき, 100 × 148 mm) with the union's name, the member's
 * name, user ID, activation password and its expiry, the login URL with its QR code, and the first login's steps in
 * short. Texts are message keys of the login theme ({@code kosmoLetter*}, realm overrides apply); the font is IPAex
 * Gothic, embedded as a subset so the letter looks the same everywhere. The document is built in memory only
 * (never a temporary file: it holds passwords).
 */
public final class LettersPdf {

    static final String FONT = "/fonts/ipaexg.ttf";
    public static final PDRectangle HAGAKI = new PDRectangle(mm(100), mm(148));

    private final Function<String, String> messages;
    private final ZoneId zone;
    private final String unionName;
    private final String loginUrl;
    private final PDRectangle size;
    private final Locale locale;
    /** Line breaks of the texts every letter shares, worked out once per file (text, size and width as the key). */
    private final Map<String, List<String>> lines = new HashMap<>();

    public LettersPdf(Function<String, String> messages, Locale locale, ZoneId zone, String unionName, String loginUrl,
                      boolean hagaki) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
        this.unionName = unionName;
        this.loginUrl = loginUrl;
        this.size = hagaki ? HAGAKI : PDRectangle.A4;
    }

    public void write(Iterable<Letter> letters, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument(IOUtils.createMemoryOnlyStreamCache());
             InputStream fontFile = LettersPdf.class.getResourceAsStream(FONT)) {
            if (fontFile == null) {
                throw new IOException(FONT + " missing from the providers jar");
            }
            PDType0Font font = PDType0Font.load(doc, fontFile, true);
            PDFormXObject qr = qrForm(doc, qr(loginUrl));
            for (Letter letter : letters) {
                page(doc, font, qr, letter);
            }
            if (doc.getNumberOfPages() == 0) {
                doc.addPage(new PDPage(size));
            }
            doc.save(out);
        }
    }

    /** The login URL's QR code, drawn once and placed on every page. */
    private PDFormXObject qrForm(PDDocument doc, BitMatrix qr) throws IOException {
        float scale = size.getWidth() / PDRectangle.A4.getWidth();
        float module = Math.max(1.2f, 90 * scale / qr.getWidth());
        PDFormXObject form = new PDFormXObject(doc);
        form.setBBox(new PDRectangle(module * qr.getWidth(), module * qr.getHeight()));
        try (PDFormContentStream cs = new PDFormContentStream(form)) {
            for (int i = 0; i < qr.getWidth(); i++) {
                for (int j = 0; j < qr.getHeight(); j++) {
                    if (qr.get(i, j)) {
                        cs.addRect(i * module, (qr.getHeight() - 1 - j) * module, module, module);
                    }
                }
            }
            cs.fill();
        }
        return form;
    }

    private void page(PDDocument doc, PDType0Font font, PDFormXObject qr, Letter letter) throws IOException {
        PDPage page = new PDPage(size);
        doc.addPage(page);
        float scale = size.getWidth() / PDRectangle.A4.getWidth();
        float margin = 56 * scale;
        float width = size.getWidth() - 2 * margin;
        float y = size.getHeight() - margin;
        DateTimeFormatter date = datePattern();
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            y = line(cs, font, 10 * scale, margin, y, unionName, width);
            y = line(cs, font, 16 * scale, margin, y - 8 * scale, text("kosmoLetterTitle"), width);
            y = line(cs, font, 12 * scale, margin, y - 10 * scale, text("kosmoLetterDear", letter.displayName()), width);
            y = paragraph(cs, font, 9.5f * scale, margin, y - 4 * scale, text("kosmoLetterIntro"), width);
            y -= 8 * scale;
            float boxTop = y;
            y = line(cs, font, 10 * scale, margin + 8 * scale, y - 4 * scale, text("kosmoLetterUserId"), width);
            y = line(cs, font, 16 * scale, margin + 16 * scale, y, letter.username(), width);
            y = line(cs, font, 10 * scale, margin + 8 * scale, y - 2 * scale, text("kosmoLetterPassword"), width);
            y = line(cs, font, 16 * scale, margin + 16 * scale, y, letter.password(), width);
            y = line(cs, font, 10 * scale, margin + 8 * scale, y - 2 * scale,
                    text("kosmoLetterExpires", date.format(letter.expiresAt().atZone(zone))), width);
            y -= 6 * scale;
            cs.setLineWidth(0.8f * scale);
            cs.addRect(margin, y, width, boxTop - y);
            cs.stroke();
            y -= 6 * scale;
            y = line(cs, font, 10 * scale, margin, y, text("kosmoLetterUrl"), width);
            y = paragraph(cs, font, 9 * scale, margin, y, loginUrl, width);
            y -= qr.getBBox().getHeight() + 4 * scale;
            cs.saveGraphicsState();
            cs.transform(Matrix.getTranslateInstance(margin, y));
            cs.drawForm(qr);
            cs.restoreGraphicsState();
            y -= 6 * scale;
            y = line(cs, font, 11 * scale, margin, y, text("kosmoLetterStepsTitle"), width);
            for (int step = 1; step <= 6; step++) {
                y = paragraph(cs, font, 9 * scale, margin, y, step + ". " + text("kosmoLetterStep" + step), width);
            }
            y = paragraph(cs, font, 9 * scale, margin, y - 4 * scale, text("kosmoLetterExpiredNote"), width);
            paragraph(cs, font, 9 * scale, margin, y - 2 * scale, text("kosmoLetterKeep"), width);
        }
    }

    /** One line of text with its top at {@code y}; returns the next line's top. */
    private static float line(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String text, float width)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y - size);
        cs.showText(text);
        cs.endText();
        return y - size * 1.4f;
    }

    /** Text broken into lines (by character: Japanese has no spaces) that fit {@code width}. */
    private float paragraph(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String text, float width)
            throws IOException {
        String key = size + "|" + width + "|" + text;
        List<String> broken = lines.get(key);
        if (broken == null) {
            broken = breakLines(font, size, text, width);
            lines.put(key, broken);
        }
        for (String line : broken) {
            y = line(cs, font, size, x, y, line, width);
        }
        return y;
    }

    private static List<String> breakLines(PDType0Font font, float size, String text, float width) throws IOException {
        List<String> broken = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        float used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            float glyph = font.getStringWidth(new String(Character.toChars(cp))) / 1000 * size;
            if (used + glyph > width && current.length() > 0) {
                broken.add(current.toString());
                current.setLength(0);
                used = 0;
            }
            current.appendCodePoint(cp);
            used += glyph;
            i += Character.charCount(cp);
        }
        if (current.length() > 0) {
            broken.add(current.toString());
        }
        return broken;
    }

    /** The theme's date pattern; ISO dates when the realm's theme has none (not the kosmo theme) or a broken one. */
    private DateTimeFormatter datePattern() {
        String pattern = messages.apply("kosmoLetterDatePattern");
        try {
            return DateTimeFormatter.ofPattern(pattern == null ? "uuuu-MM-dd" : pattern, locale);
        } catch (IllegalArgumentException e) {
            return DateTimeFormatter.ofPattern("uuuu-MM-dd", locale);
        }
    }

    private String text(String key, Object... args) {
        String pattern = messages.apply(key);
        if (pattern == null) {
            // a theme without our keys: the key and the values, so the letter still holds everything
            StringBuilder out = new StringBuilder(key);
            for (Object arg : args) {
                out.append(' ').append(arg);
            }
            return out.toString();
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    static BitMatrix qr(String url) throws IOException {
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IOException("no QR code for the login URL", e);
        }
    }

    private static float mm(float millimetres) {
        return millimetres / 25.4f * 72;
    }
}
