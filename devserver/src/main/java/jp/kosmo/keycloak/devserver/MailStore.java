package jp.kosmo.keycloak.devserver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The received mails, in memory, newest last; keeps at most {@code capacity}. Thread-safe. */
final class MailStore {

    private final int capacity;
    private final Deque<ReceivedMail> mails = new ArrayDeque<>();
    private int lastId;

    MailStore(int capacity) {
        this.capacity = capacity;
    }

    /** Stores the mail and returns it with its id. */
    synchronized ReceivedMail add(ReceivedMail mail) {
        ReceivedMail stored = mail.withId(++lastId);
        mails.addLast(stored);
        while (mails.size() > capacity) {
            mails.removeFirst();
        }
        return stored;
    }

    synchronized List<ReceivedMail> newestFirst() {
        List<ReceivedMail> list = new ArrayList<>(mails);
        Collections.reverse(list);
        return list;
    }

    synchronized Optional<ReceivedMail> byId(int id) {
        return mails.stream().filter(m -> m.id() == id).findFirst();
    }
}
