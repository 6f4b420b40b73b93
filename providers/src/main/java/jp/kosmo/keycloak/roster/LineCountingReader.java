package jp.kosmo.keycloak.roster;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Remembers where the line breaks passed, so the line of a CSV record can be told from its character position
 * (records are asked for in file order; only the breaks the parser has read ahead are kept).
 */
final class LineCountingReader extends FilterReader {

    private final ArrayDeque<Long> breaks = new ArrayDeque<>();
    private long position;
    private long linesBefore;

    LineCountingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            note((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            note(buffer[offset + i]);
        }
        return n;
    }

    private void note(char c) {
        if (c == '\n') {
            breaks.addLast(position);
        }
        position++;
    }

    /** 1-based line of the character at {@code characterPosition}; positions must not go backwards. */
    long lineOf(long characterPosition) {
        while (!breaks.isEmpty() && breaks.peekFirst() < characterPosition) {
            breaks.removeFirst();
            linesBefore++;
        }
        return linesBefore + 1;
    }
}
