package jp.kosmo.keycloak.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class LettersPdfTest {

    /** The theme's Japanese messages (the themes module, next to this one). */
    static Properties themeMessages() throws Exception {
        Properties messages = new Properties();
        Path file = Path.of("../themes/src/main/resources/theme/kosmo/login/messages/messages_ja.properties");
        try (InputStreamReader reader = new InputStreamReader(new FileInputStream(file.toFile()), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }

    @Test
    void onePagePerLetterWithUserIdPasswordExpiryAndTheFontEmbeddedAsSubset() throws Exception {
        Properties messages = themeMessages();
        List<Letter> letters = List.of(
                new Letter("山田 太郎", "kamxtr3a", "Xk7dPqR4mNwe", Instant.parse("2027-03-01T03:00:00Z")),
                new Letter("佐藤 花子", "hx4rtwa6", "Ab3cDe4fGh6j", Instant.parse("2027-03-01T03:00:00Z")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LettersPdf(messages::getProperty, Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), "KOSMO健康保険組合",
                "https://login.example.org/realms/kosmo/account/", false).write(letters, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertEquals(2, pdf.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(pdf);
            assertTrue(first.contains("kamxtr3a"), first);
            assertTrue(first.contains("Xk7dPqR4mNwe"), first);
            assertTrue(first.contains("山田 太郎 様"), first);
            assertTrue(first.contains("2027年3月1日"), first);
            assertTrue(first.contains("KOSMO健康保険組合"), first);
            assertTrue(first.contains("初回ログインの手順"), first);
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded());
            assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "subset prefix: " + font.getName());
        }
    }

    @Test
    void hagakiSize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Properties messages = themeMessages();
        new LettersPdf(messages::getProperty, Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), "組合", "https://x.example/", true)
                .write(List.of(new Letter("山田 太郎", "kamxtr3a", "Xk7dPqR4mNwe", Instant.now())), out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertEquals(283, Math.round(pdf.getPage(0).getMediaBox().getWidth()));
            assertTrue(new PDFTextStripper().getText(pdf).contains("Xk7dPqR4mNwe"));
        }
    }

    @Test
    void aThemeWithoutTheLetterKeysStillGivesTheLetter() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LettersPdf(key -> null, Locale.ENGLISH, ZoneId.of("Asia/Tokyo"), "Union", "https://x.example/", false)
                .write(List.of(new Letter("Yamada Taro", "kamxtr3a", "Xk7dPqR4mNwe", Instant.parse("2027-03-01T03:00:00Z"))), out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Xk7dPqR4mNwe") && text.contains("2027-03-01"), text);
        }
    }
}
