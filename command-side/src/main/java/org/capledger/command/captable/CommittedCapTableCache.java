package org.capledger.command.captable;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The CapTable cache, trusted only where it agrees with what the reading transaction sees in the event store.
 *
 * <p>Axon releases an issuer's lock when a command's unit of work ends, but a REST request's (or an OCF import's)
 * database transaction commits later. A cache entry put by such a command holds events no other transaction can see
 * yet, and may never: a second command that took it would build on them, append after them, and if the first
 * transaction rolled back, leave a hole in the issuer's history. So a reader gets an entry only if the aggregate
 * version it holds is the issuer's last sequence number as the reader's own transaction sees it; otherwise it loads
 * from the store, where the database's unique (issuer, sequence) key makes concurrent writers wait for, or conflict
 * with, each other and the command executor retries. One indexed query per load, unless the entry is one the
 * reader's own transaction put.
 */
class CommittedCapTableCache implements Cache {

    private final Cache delegate;
    private final JdbcTemplate jdbc;
    /** {@code AggregateCacheEntry.version}: the version of the aggregate an entry holds (Axon keeps it private). */
    private static final Field VERSION = versionField();

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

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // then no entry is trusted: every load reads the store
        }
    }

    private static Long versionOf(Object value) {
        if (VERSION == null || !(value instanceof AggregateCacheEntry<?>)) {
            return null;
        }
        try {
            return (Long) VERSION.get(value);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value == null) {
            return null;
        }
        Long version = versionOf(value);
        if (version == null) {
            return null;
        }
        Object ownPut = putInThisTransaction().get(key);
        if (value == ownPut || version == storedVersion(key)) {
            return value;
        }
        return null;
    }

    /**
     * An entry this very transaction put holds only what this transaction sees (an OCF import's thousands of commands
     * need no query each).
     */
    @Override
    public void put(Object key, Object value) {
        putInThisTransaction().put(key, value);
        delegate.put(key, value);
    }

    /** The entries this transaction put, by key; a throwaway map outside transactions. */
    @SuppressWarnings("unchecked")
    private Map<Object, Object> putInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Map<Object, Object> versions = (Map<Object, Object>) TransactionSynchronizationManager.getResource(this);
        if (versions == null) {
            Map<Object, Object> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CommittedCapTableCache.this);
                }
            });
            versions = fresh;
        }
        return versions;
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
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
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
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
