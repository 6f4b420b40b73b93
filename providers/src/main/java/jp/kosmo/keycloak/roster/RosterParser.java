package jp.kosmo.keycloak.roster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import jp.kosmo.keycloak.roster.RosterSettings.Field;
import jp.kosmo.keycloak.text.MemberInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a roster CSV as a stream of {@link RosterRow}s in file order, never holding the file: the header row names
 * the columns (names from {@link RosterSettings}, extra columns ignored), every other row is checked on its own.
 * Values are NFKC-normalised (full-width digits and letters become ASCII, half-width katakana full-width) and
 * stripped. Keeps one entry per member key already seen, to refuse a key repeated within the file.
 */
public final class RosterParser {

    /** Card values: the user profile's limit. */
    static final int MAX_CARD = 32;
    static final int MAX_NAME = 255;
    static final int MAX_EMAIL = 254;
    static final List<Field> REQUIRED_HEADERS = List.of(Field.SYMBOL, Field.NUMBER, Field.BRANCH, Field.NAME, Field.BIRTHDATE);

    private final RosterSettings settings;
    private final LocalDate today;

    public RosterParser(RosterSettings settings, LocalDate today) {
        this.settings = settings;
        this.today = today;
    }

    /** The charset {@code chosen} or detected from the stream's start, which must support mark/reset. */
    public static Charset charsetOf(BufferedInputStream in, Charset chosen) throws IOException {
        if (chosen != null) {
            return chosen;
        }
        in.mark(RosterCharset.SAMPLE + 1);
        byte[] sample = in.readNBytes(RosterCharset.SAMPLE);
        in.reset();
        return RosterCharset.detect(sample, sample.length);
    }

    /**
     * Calls {@code sink} for each data row, in order. Returns the charset used.
     *
     * @throws NotARosterException when the file is not a roster at all (nothing of it has reached {@code sink} then)
     */
    public Charset parse(InputStream input, Charset chosen, Consumer<RosterRow> sink) throws IOException, NotARosterException {
        BufferedInputStream in = new BufferedInputStream(input, RosterCharset.SAMPLE + 1);
        Charset charset = charsetOf(in, chosen);
        Reader decoded = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        PushbackReader unmarked = new PushbackReader(decoded, 1);
        int first = unmarked.read();
        if (first >= 0 && first != '\uFEFF') {
            unmarked.unread(first);
        }
        if (first < 0) {
            throw new NotARosterException("the file is empty");
        }
        LineCountingReader lines = new LineCountingReader(unmarked);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true).setDuplicateHeaderMode(
                        org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(lines).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new NotARosterException("not a CSV file with a header row: " + e.getMessage());
        }
        try (parser) {
            Map<Field, Integer> columns = columns(parser.getHeaderNames());
            Map<String, Long> seen = new HashMap<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException | NoSuchElementException e) {
                    throw new NotARosterException("not a CSV file (after line " + parser.getCurrentLineNumber() + "): " + e.getMessage());
                }
                long line = lines.lineOf(record.getCharacterPosition());
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // an empty line
                }
                sink.accept(row(line, record, columns, seen));
            }
        }
        return charset;
    }

    private Map<Field, Integer> columns(List<String> headers) throws NotARosterException {
        if (headers.stream().anyMatch(h -> h != null && (h.indexOf('\0') >= 0 || h.indexOf('\uFFFD') >= 0))) {
            throw new NotARosterException("the header row is not text in UTF-8 or CP932 (a binary file, or a wrong charset)");
        }
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            String wanted = settings.header(field);
            for (int i = 0; i < headers.size(); i++) {
                String header = headers.get(i) == null ? "" : MemberInput.nfkc(headers.get(i)).strip();
                if (header.equals(MemberInput.nfkc(wanted)) && !columns.containsKey(field)) {
                    columns.put(field, i);
                }
            }
        }
        List<String> missing = REQUIRED_HEADERS.stream().filter(f -> !columns.containsKey(f)).map(settings::header).toList();
        if (!missing.isEmpty()) {
            throw new NotARosterException("not a roster: the header row lacks the columns " + String.join(", ", missing)
                    + " (found: " + String.join(", ", headers) + ")");
        }
        return columns;
    }

    private RosterRow row(long line, CSVRecord record, Map<Field, Integer> columns, Map<String, Long> seen) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (Map.Entry<Field, Integer> column : columns.entrySet()) {
            String raw = column.getValue() < record.size() ? record.get(column.getValue()) : null;
            if (raw != null && raw.indexOf('\uFFFD') >= 0) {
                return RosterRow.rejected(line, RosterProblem.ENCODING, settings.header(column.getKey()));
            }
            String value = raw == null ? "" : MemberInput.nfkc(raw).strip();
            values.put(column.getKey(), value);
        }
        if (!record.isConsistent()) {
            return RosterRow.rejected(line, RosterProblem.COLUMNS, null);
        }
        for (Field field : List.of(Field.SYMBOL, Field.NUMBER, Field.BRANCH)) {
            String value = values.get(field);
            if (value.isEmpty()) {
                return RosterRow.rejected(line, RosterProblem.MISSING_FIELD, settings.header(field));
            }
            if (value.length() > MAX_CARD) {
                return RosterRow.rejected(line, RosterProblem.TOO_LONG, settings.header(field));
            }
            if (value.chars().anyMatch(c -> c == '|' || Character.isISOControl(c) || Character.isWhitespace(c))) {
                return RosterRow.rejected(line, RosterProblem.INVALID_CHARACTER, settings.header(field));
            }
        }
        String name = values.get(Field.NAME);
        if (name.isEmpty()) {
            return RosterRow.rejected(line, RosterProblem.MISSING_FIELD, settings.header(Field.NAME));
        }
        String kana = values.getOrDefault(Field.NAME_KANA, "");
        if (name.length() > MAX_NAME || kana.length() > MAX_NAME) {
            return RosterRow.rejected(line, RosterProblem.TOO_LONG, settings.header(name.length() > MAX_NAME ? Field.NAME : Field.NAME_KANA));
        }
        if (values.get(Field.BIRTHDATE).isEmpty()) {
            return RosterRow.rejected(line, RosterProblem.MISSING_FIELD, settings.header(Field.BIRTHDATE));
        }
        JapaneseDate.Result birthdate = JapaneseDate.parse(values.get(Field.BIRTHDATE));
        if (!birthdate.ok()) {
            return RosterRow.rejected(line, RosterProblem.of(birthdate.problem()), settings.header(Field.BIRTHDATE));
        }
        if (birthdate.date().isAfter(today)) {
            return RosterRow.rejected(line, RosterProblem.FUTURE_BIRTHDATE, settings.header(Field.BIRTHDATE));
        }
        LocalDate lossDate = null;
        String loss = values.getOrDefault(Field.LOSS_DATE, "");
        if (!loss.isEmpty()) {
            JapaneseDate.Result parsed = JapaneseDate.parse(loss);
            if (!parsed.ok()) {
                return RosterRow.rejected(line, RosterProblem.of(parsed.problem()), settings.header(Field.LOSS_DATE));
            }
            lossDate = parsed.date();
        }
        String email = values.getOrDefault(Field.EMAIL, "");
        if (email.length() > MAX_EMAIL) {
            return RosterRow.rejected(line, RosterProblem.TOO_LONG, settings.header(Field.EMAIL));
        }
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return RosterRow.rejected(line, RosterProblem.EMAIL, settings.header(Field.EMAIL));
        }
        String key = RosterRecord.key(values.get(Field.SYMBOL), values.get(Field.NUMBER), values.get(Field.BRANCH));
        Long earlier = seen.putIfAbsent(key, line);
        if (earlier != null) {
            return RosterRow.rejected(line, RosterProblem.DUPLICATE_KEY, settings.header(Field.SYMBOL) + "+"
                    + settings.header(Field.NUMBER) + "+" + settings.header(Field.BRANCH) + " (line " + earlier + ")");
        }
        String[] names = split(name);
        String[] kanas = split(kana);
        return RosterRow.valid(line, new RosterRecord(values.get(Field.SYMBOL), values.get(Field.NUMBER),
                values.get(Field.BRANCH), names[0], names[1], kanas[0], kanas[1], birthdate.date(),
                email.isEmpty() ? null : email.toLowerCase(java.util.Locale.ROOT), lossDate));
    }

    /** 「山田 太郎」 → 山田, 太郎 (family name first, split at the first space); one word → all of it the family name. */
    static String[] split(String name) {
        String compacted = name.replaceAll("\\s+", " ").strip();
        int space = compacted.indexOf(' ');
        return space < 0 ? new String[] {compacted, ""} : new String[] {compacted.substring(0, space), compacted.substring(space + 1)};
    }
}
