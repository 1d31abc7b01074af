package org.capledger.command.captable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CapTable cache, trusted only where it agrees with what the reading transaction sees in the event store.
 *
 * <p>Axon releases an issuer's lock when a command's unit of work ends, but a REST request's (or an OCF import's)
 * database transaction commits later. A cache entry put by such a command holds events no other transaction can see
 * yet, and may never: a second command that took it would build on them, append after them, and if the first
 * transaction rolled back, leave a hole in the issuer's history. So every entry remembers the issuer's last sequence
 * number as its writer saw it, and a reader gets the entry only if its own transaction sees the same; otherwise it
 * loads from the store, where the database's unique (issuer, sequence) key makes concurrent writers wait for, or
 * conflict with, each other and the command executor retries. One indexed query per load and per save.
 */
class CommittedCapTableCache implements Cache {

    private final Cache delegate;
    private final JdbcTemplate jdbc;
    private final Map<Object, Long> versions = new ConcurrentHashMap<>();

    CommittedCapTableCache(Cache delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    /** @return the issuer's last sequence number as the current transaction sees it; -1 for none */
    private long storedVersion(Object key) {
        Long version = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry "
                + "WHERE aggregateidentifier = ?", Long.class, String.valueOf(key));
        return version == null ? -1 : version;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value == null) {
            return null;
        }
        Long version = versions.get(key);
        if (version == null || version != storedVersion(key)) {
            return null;
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        versions.put(key, storedVersion(key));
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean put = delegate.putIfAbsent(key, value);
        if (put) {
            versions.put(key, storedVersion(key));
        }
        return put;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = get(key);
        if (value == null) {
            value = valueSupplier.get();
            put(key, value);
        }
        return value;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V value = get(key);
        if (value != null) {
            put(key, update.apply(value));
        }
    }

    @Override
    public boolean remove(Object key) {
        versions.remove(key);
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        versions.clear();
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }
}
