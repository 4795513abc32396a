package org.alidav.dav.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers of a pure function, remembered for the keys asked lately: what every request of a kind computes again
 * from the same input (the tag of an entry, the type of a name, a client's PROPFIND body). At most
 * {@code capacity} are kept, all forgotten at once when full: no order to keep and nothing to evict one by one,
 * and a stream of new keys costs a clear now and then. Thread-safe.
 */
public final class RecentAnswers<K, V> {
    private final Map<K, V> answers = new ConcurrentHashMap<>();
    private final int capacity;

    public RecentAnswers(int capacity) {
        this.capacity = capacity;
    }

    /** The answer remembered for {@code key}, or null. */
    public V get(K key) {
        return answers.get(key);
    }

    /** Remembers {@code answer} for {@code key} and returns it. */
    public V remember(K key, V answer) {
        if (answers.size() >= capacity) answers.clear();
        answers.put(key, answer);
        return answer;
    }
}
