package org.capledger.platform.security;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;

/**
 * Token buckets (bucket4j) per key, held in memory per process, idle ones forgotten after an hour. A refused
 * request answers 429 with {@code Retry-After} (RFC 6585 section 4, RFC 9110 section 10.2.3).
 */
public class RateLimits {

    /** A named limit: {@code capacity} requests per {@code period}, refilled gradually. */
    public record Limit(String name, long capacity, Duration period) {
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(200_000)
            .build();

    /** @throws CapledgerException TOO_MANY_REQUESTS when {@code key} has used up {@code limit} */
    public void consume(Limit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill());
        }
    }

    /** @throws CapledgerException TOO_MANY_REQUESTS when {@code key} has nothing left, without using any */
    public void requireAvailable(Limit limit, String key) {
        Bucket bucket = bucket(limit, key);
        if (bucket.getAvailableTokens() < 1) {
            throw tooMany(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
    }

    private Bucket bucket(Limit limit, String key) {
        return buckets.get(limit.name() + ":" + key, k -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()))
                .build());
    }

    private static CapledgerException tooMany(long nanos) {
        long seconds = Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
        return new CapledgerException(ErrorCode.TOO_MANY_REQUESTS, "Too many requests; retry later",
                Map.of("retryAfter", seconds));
    }
}
